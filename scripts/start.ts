// npm start: serves the production build on its embedded defaults (PGlite, a local
// Meilisearch, local uploads) unless DATABASE_URL / MEILI_HOST say otherwise.
import { spawn } from "node:child_process";
import path from "node:path";
import { validateEnv } from "../lib/env";
import { componentLogger } from "../lib/log";
import { startMeilisearch } from "./meili";

validateEnv(process.env);
// Operational events as JSON lines, like the server's; Next.js prints its own banner with the URL.
const log = componentLogger("start");
const meiliLog = componentLogger("meilisearch");
const args = process.argv.slice(2);
const meili = await startMeilisearch({
  log: (chunk: string) => {
    // Its errors (it runs with --log-level ERROR); the banner it prints at start only at debug.
    for (const line of chunk.split("\n")) if (line.trim()) meiliLog[/\bERROR\b/.test(line) ? "error" : /\bWARN\b/.test(line) ? "warn" : "debug"](line.trim());
  },
});
log.info({ meilisearch: meili.started ? "started" : "external", host: new URL(meili.host).origin }, meili.started ? "local Meilisearch started" : "using MEILI_HOST");
// scripts/server.ts (TypeScript, through tsx's loader like this script): Next.js's handler, with
// the prerendered pages answered from memory.
const next = spawn(process.execPath, ["--import", import.meta.resolve("tsx/esm"), path.join(import.meta.dirname, "server.ts"), ...args], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey ?? "" },
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping");
  if (next.exitCode === null) next.kill(signal);
  await meili.stop();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => shutdown(signal));
next.on("exit", async (code, signal) => {
  if (!stopping) log[code === 0 ? "info" : "error"]({ code, signal }, "next exited");
  await shutdown("SIGTERM");
  process.exit(code ?? 0);
});
