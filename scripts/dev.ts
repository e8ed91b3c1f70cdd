// npm run dev: contentlayer in watch mode (and the story index after it), a local Meilisearch (unless MEILI_HOST is set) and
// next dev, with demo data. One Ctrl-C stops all three.
import { spawn } from "node:child_process";
import { validateEnv } from "../lib/env";
import { startMeilisearch } from "./meili";

validateEnv(process.env);
const meili = await startMeilisearch({ log: (line: string) => process.stderr.write(`[meilisearch] ${line}`) });
const env = { ...process.env, LANTOA_DEMO: process.env.LANTOA_DEMO ?? "1", MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey ?? "" };

// Generated content must exist before next dev compiles the first page.
const build = spawn(process.execPath, ["--import", "tsx/esm", "scripts/content.ts"], { stdio: "inherit", env });
const buildCode = await new Promise<number | null>((resolve) => build.on("exit", resolve));
if (buildCode !== 0) {
  await meili.stop();
  process.exit(buildCode ?? 1);
}

const children = [
  spawn(process.execPath, ["node_modules/contentlayer2/bin/cli.cjs", "dev"], { stdio: "inherit", env }),
  // The story index the pages read follows contentlayer's output.
  spawn(process.execPath, ["--import", "tsx/esm", "scripts/content.ts", "--watch"], { stdio: "inherit", env }),
  spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", ...process.argv.slice(2)], { stdio: "inherit", env }),
];

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await meili.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
for (const child of children) child.on("exit", shutdown);
