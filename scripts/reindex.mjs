// npm run reindex: rebuilds the stories index from the built stories (.contentlayer) and swaps
// it in, so readers never see a half-built index. Uses MEILI_HOST when set; otherwise starts
// the local Meilisearch on ./data for the duration (stop `npm run dev` first: one server per
// data folder).
//   --if-reachable  for `npm run build`: index only when MEILI_HOST is set and answers,
//                   otherwise print a notice and succeed (the server indexes at start).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateEnv } from "../lib/env.mjs";
import { backendFromEnv, openClients } from "../lib/search/connection.mjs";
import { syncStoriesIndex } from "../lib/search/story-index.mjs";
import { startMeilisearch } from "./meili.mjs";

const root = path.resolve(import.meta.dirname, "..");
const ifReachable = process.argv.includes("--if-reachable");
const env = validateEnv(process.env);

async function reachable(host) {
  try {
    return (await fetch(new URL("/health", host), { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

const storiesFile = path.join(root, ".contentlayer", "generated", "Story", "_index.json");
const stories = JSON.parse(await readFile(storiesFile, "utf8").catch(() => {
  console.error(`reindex: ${path.relative(root, storiesFile)} is missing; run \`npm run content\` first.`);
  process.exit(1);
}));

if (ifReachable && !(env.MEILI_HOST && (await reachable(env.MEILI_HOST)))) {
  console.log(`reindex: skipped, ${env.MEILI_HOST ? `Meilisearch at ${env.MEILI_HOST} does not answer` : "MEILI_HOST is not set"}; the server indexes the stories when it starts.`);
  process.exit(0);
}

const meili = await startMeilisearch({ dataDir: env.DATA_DIR, log: () => {} });
try {
  const backend = backendFromEnv({ ...env, MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey });
  if (!backend) throw new Error("no Meilisearch host");
  const { admin } = await openClients(backend);
  const result = await syncStoriesIndex(admin, { prefix: backend.indexPrefix, stories });
  console.log(`reindex: ${result.documents} stories indexed into ${result.uid} and swapped in (${Math.round(result.totalMs)} ms).`);
} catch (error) {
  console.error(`reindex: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await meili.stop();
}
