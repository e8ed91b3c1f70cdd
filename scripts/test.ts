// npm test: every test against real parts. Unit and integration tests (Vitest) run against
// PGlite always, PostgreSQL when TEST_DATABASE_URL is set, and a real Meilisearch; then the
// production build is made and Playwright drives Debian's Chromium against it. An S3-compatible
// server (s3rver, tests/support/s3-server.ts) runs for the storage suites on S3 and the scale-out test.
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startMeilisearch } from "./meili";
import { openClients } from "../lib/search/connection";
import { startS3Server } from "../tests/support/s3-server";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, "data", "test");
const reports = path.join(root, "data", "test-reports");
// `npm test -- [unit|e2e] [--reuse-build] [files…]`: one half, the last production
// build kept (for a rerun of end-to-end tests after changing only them), some test files.
const args = process.argv.slice(2);
const only = args[0] === "unit" || args[0] === "e2e" ? args.shift() : undefined;
const reuseBuild = args.includes("--reuse-build");
const files = args.filter((a) => a !== "--reuse-build");

type Counts = { passed: number; failed: number; skipped: number };

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env, cwd: root });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function dropIndexes(prefix: string): Promise<void> {
  const { admin } = await openClients({ host: meili.host, masterKey: meili.masterKey, indexPrefix: prefix });
  const { results } = await admin.getRawIndexes({ limit: 1000 });
  await Promise.all(results.filter((i) => i.uid.startsWith(prefix)).map((i) => admin.deleteIndex(i.uid).waitTask()));
}

async function counts(file: string, kind: "vitest" | "playwright"): Promise<Counts> {
  try {
    const report = JSON.parse(await readFile(file, "utf8"));
    if (kind === "vitest") return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, skipped: report.numPendingTests ?? 0 };
    const s = report.stats ?? {};
    return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

await rm(dataDir, { recursive: true, force: true });
await rm(reports, { recursive: true, force: true });
const meili = await startMeilisearch({ dataDir, log: () => {} });
// Every index of this run carries the prefix (test files add their own part), so a run
// against a shared MEILI_HOST never touches the app's indexes, and its indexes are removed.
const indexPrefix = `test_${randomBytes(4).toString("hex")}_`;
const s3 = await startS3Server({ directory: path.join(dataDir, "s3") });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "test",
  DATA_DIR: dataDir,
  MEILI_HOST: meili.host,
  MEILI_MASTER_KEY: meili.masterKey ?? "",
  MEILI_INDEX_PREFIX: indexPrefix,
  LANTOA_DEMO: "1",
  // The servers under test are reached on loopback only (lib/site-url.ts).
  LANTOA_LOCAL: "1",
  TEST_S3_ENDPOINT: s3.endpoint,
};
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
let exitCode = 0;
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (c: Counts) => { totals.passed += c.passed; totals.failed += c.failed; totals.skipped += c.skipped; };

try {
  exitCode = await run(process.execPath, ["--import", "tsx/esm", "scripts/content.ts"], env);
  if (exitCode === 0 && only !== "e2e") {
    const file = path.join(reports, "vitest.json");
    const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`, ...files], env);
    add(await counts(file, "vitest"));
    exitCode ||= code;
  }
  if (exitCode === 0 && only !== "unit") {
    if (!reuseBuild) exitCode = await run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
    // The public pages lose their scripts as `npm run build` has them lose (scripts/script-free.ts).
    if (!reuseBuild && exitCode === 0) exitCode = await run(process.execPath, ["--import", "tsx/esm", "scripts/script-free.ts"], env);
    if (exitCode === 0) {
      const file = path.join(reports, "playwright.json");
      const code = await run(bin("playwright"), ["test", "--reporter=list,json", ...files], { ...env, CI: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: file });
      add(await counts(file, "playwright"));
      exitCode ||= code;
    }
  }
} finally {
  await dropIndexes(indexPrefix).catch((error: Error) => console.error(`Could not delete the test indexes: ${error.message}`));
  await meili.stop();
  await s3.stop();
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
