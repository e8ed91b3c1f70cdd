// Imported first by database tests: uploads, mail and the generated auth secret go to a
// scratch directory unless the runner (scripts/test.ts) chose one.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.DATA_DIR ||= mkdtempSync(path.join(tmpdir(), "lantoa-test-"));
