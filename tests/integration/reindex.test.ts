// `npm run reindex` on the embedded database: PGlite allows one process per data folder, so the
// script refuses, with a message naming the holder, while another process has the folder open.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { lockFile } from "@/lib/db/pglite-lock";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

function reindex(args: string[], dataDir: string) {
  // Without MEILI_HOST the script would start its own Meilisearch under DATA_DIR: the test checks it never got that far.
  const env = { ...process.env };
  delete env.MEILI_HOST;
  return run(process.execPath, ["--import", "tsx/esm", path.join(root, "scripts", "reindex.ts"), ...args], { cwd: root, env: { ...env, DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("npm run reindex on pglite", () => {
  let scratch: string;
  let held: DatabaseHandle;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "lantoa-reindex-"));
    // Opened as the app opens it: this test process becomes the holder of DATA_DIR/db.
    held = await openDatabase({ dataDir: path.join(scratch, "db") });
  });
  afterAll(async () => {
    await held.close().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  });

  it("refuses while another process holds the database, before starting anything", async () => {
    expect(existsSync(lockFile(path.join(scratch, "db")))).toBe(true);
    for (const args of [[], ["--entries-only"]]) {
      const refused = await reindex(args, scratch);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is open in process ${process.pid}`);
      expect(refused.stderr).toContain("stop the app");
      expect(refused.stdout).not.toContain("indexed");
    }
    // Refused before the local Meilisearch was set up on this DATA_DIR.
    expect(existsSync(path.join(scratch, "meili-master-key"))).toBe(false);
    expect(existsSync(path.join(scratch, "meili"))).toBe(false);
  });
});
