// npm start: serves the production build on its embedded defaults (PGlite, a local
// Meilisearch, local uploads) unless DATABASE_URL / MEILI_HOST say otherwise.
import { spawn } from "node:child_process";
import { validateEnv } from "../lib/env.mjs";
import { startMeilisearch } from "./meili.mjs";

validateEnv(process.env);
const args = process.argv.slice(2);
const meili = await startMeilisearch({ log: (line) => process.stderr.write(`[meilisearch] ${line}`) });
const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", ...args], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey ?? "" },
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill(signal);
  await meili.stop();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(signal));
next.on("exit", async (code) => {
  await shutdown("SIGTERM");
  process.exit(code ?? 0);
});
