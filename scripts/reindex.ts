// npm run reindex: rebuilds the stories index from the built stories (.contentlayer), and the
// private entries index and the public winners index (published prize-winners) from the
// database, and swaps each in, so readers never see a half-built
// index. Uses MEILI_HOST when set; otherwise starts the local Meilisearch on ./data for the
// duration (stop `npm run dev` first: one server per data folder). The database is opened as the
// app opens it: DATABASE_URL, or PGlite under DATA_DIR/db — PGlite allows one process per data
// folder, so with PGlite stop the app first (with PostgreSQL it may keep running: changes drained
// while the copy is built are queued again after the swap).
//   --if-reachable  for `npm run build`: stories only, and only when MEILI_HOST is set and answers,
//                   otherwise print a notice and succeed (the server indexes at start).
//   --stories-only  the stories index only; --entries-only  the two database indexes only.
//   --help
import path from "node:path";
import type { Db } from "../lib/db/client";
import * as schema from "../lib/db/schema";
import { validateEnv } from "../lib/env";
import { backendFromEnv, openClients } from "../lib/search/connection";
import { syncStoriesIndex } from "../lib/search/story-index";
import { rebuildEntriesIndex } from "../lib/search/entry-index";
import { rebuildWinnersIndex } from "../lib/search/winner-index";
import { claimDataDir, dataDirHolder, lockFile, releaseDataDir } from "../lib/db/pglite-lock";
import type { StorySource } from "../lib/search/documents";
import { readStoryIndex, withSource } from "../lib/content/story-store";
import { startMeilisearch } from "./meili";

const root = path.resolve(import.meta.dirname, "..");
const ifReachable = process.argv.includes("--if-reachable");
if (process.argv.includes("--help")) {
  console.log(`npm run reindex [-- --stories-only | --entries-only | --if-reachable]

Rebuilds the stories index (from .contentlayer), and the entries and winners indexes (from the
database: DATABASE_URL, or PGlite under DATA_DIR/db), and swaps each in with no downtime.
--entries-only rebuilds the two database indexes, --stories-only the stories index.
With PGlite, stop the app first: PGlite allows one process per data folder.`);
  process.exit(0);
}
const doStories = !process.argv.includes("--entries-only");
const doEntries = !process.argv.includes("--stories-only") && !ifReachable;
const env = validateEnv(process.env);
const pgliteDir = path.join(env.DATA_DIR, "db");

/**
 * PGlite allows one process per data folder, and a second one opening it can damage it: refuse
 * while the app (or a backup) holds it, as recorded by lib/db/pglite-lock.ts.
 */
function heldBy(): string | null {
  const holder = dataDirHolder(pgliteDir);
  if (!holder) return null;
  return `the embedded database ${path.resolve(pgliteDir)} is open in process ${holder.pid}${holder.host ? ` on ${holder.host}` : ""}${holder.role ? ` (${holder.role})` : ""}, see ${lockFile(pgliteDir)}. PGlite allows one process per data folder: stop the app, run the reindex, start it again, or use --stories-only, which does not open the database.`;
}
// Before anything else starts, so a refusal leaves nothing behind.
const heldAtStart = doEntries && !env.DATABASE_URL ? heldBy() : null;
if (heldAtStart) {
  console.error(`reindex: ${heldAtStart}`);
  process.exit(1);
}

async function reachable(host: string): Promise<boolean> {
  try {
    return (await fetch(new URL("/health", host), { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Opens the database as lib/db/client.ts does (without migrating: the app migrates at start). */
async function openDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  if (env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
    return { db: drizzle({ client: pool, schema }) as unknown as Db, close: () => pool.end() };
  }
  const { existsSync } = await import("node:fs");
  const dataDir = pgliteDir;
  if (!existsSync(dataDir)) throw new Error(`no database under ${dataDir}; start the app once (it creates and migrates it)`);
  // Again just before opening: the app may have started while the stories were indexed.
  const held = heldBy();
  if (held) throw new Error(held);
  claimDataDir(dataDir, "reindex");
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } }).catch((error: unknown) => {
    releaseDataDir(dataDir);
    throw error;
  });
  return {
    db: drizzle({ client, schema }) as unknown as Db,
    close: async () => {
      await client.close();
      releaseDataDir(dataDir);
    },
  };
}

// Drafts (`draft: true`) are never indexed, as lib/content/stories.ts leaves them out of the site.
function builtStories(): StorySource[] {
  try {
    return readStoryIndex(root)
      .stories.filter((s) => !s.draft)
      .map((s) => withSource(s, root));
  } catch (error) {
    console.error(`reindex: ${(error as Error).message}`);
    process.exit(1);
  }
}
const stories: StorySource[] = doStories ? builtStories() : [];

if (ifReachable && !(env.MEILI_HOST && (await reachable(env.MEILI_HOST)))) {
  console.log(`reindex: skipped, ${env.MEILI_HOST ? `Meilisearch at ${env.MEILI_HOST} does not answer` : "MEILI_HOST is not set"}; the server indexes the stories when it starts.`);
  process.exit(0);
}

const meili = await startMeilisearch({ dataDir: env.DATA_DIR, log: () => {} });
try {
  const backend = backendFromEnv({ ...env, MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey });
  if (!backend) throw new Error("no Meilisearch host");
  const { admin } = await openClients(backend);
  if (doStories) {
    const result = await syncStoriesIndex(admin, { prefix: backend.indexPrefix, stories });
    console.log(`reindex: ${result.documents} stories indexed into ${result.uid} and swapped in (${Math.round(result.totalMs)} ms).`);
  }
  if (doEntries) {
    const database = await openDb();
    try {
      const result = await rebuildEntriesIndex(admin, { prefix: backend.indexPrefix, db: database.db });
      console.log(`reindex: ${result.documents} entries indexed into ${result.uid} and swapped in (${Math.round(result.totalMs)} ms); ${result.requeued} outbox rows queued again.`);
      const winners = await rebuildWinnersIndex(admin, { prefix: backend.indexPrefix, db: database.db });
      console.log(`reindex: ${winners.documents} prize-winners indexed into ${winners.uid} and swapped in (${Math.round(winners.totalMs)} ms); ${winners.requeued} outbox rows queued again.`);
    } finally {
      await database.close();
    }
  }
} catch (error) {
  console.error(`reindex: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await meili.stop();
}
