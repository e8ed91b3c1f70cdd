// Fault drill: clients that drop the connection in the middle of an upload.
//
// Against the production server, a journalist starts --count uploads of a 5 MB PDF to one
// entry over a raw HTTP connection and destroys the socket after a random share of the body
// (half of them after pausing mid-way, as a stalled phone would). After each, it times how
// long the server takes to remove the partial temporary file. Then one complete upload, as the
// control. Properties: no partial file survives (temporary or under any hash), the entry holds
// only the control's attachment, and the record has no trace of the interrupted ones (no
// attachment row, audit line or outbox row). Prints JSON; exits 1 when a property fails.
//
// Usage: node bench/drills/upload-interrupt.mjs [--db pglite|postgres] [--count 20] [--dir .]
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, freePort, journalist, multipart, pct, pdf, query, requireBuild, root, runDir, sha256, sleep, startApp, storedFiles } from "./lib.mjs";

const { values } = parseArgs({ options: { db: { type: "string", default: "pglite" }, count: { type: "string", default: "20" }, dir: { type: "string", default: root } } });
const dir = path.resolve(values.dir);
requireBuild(dir);
const COUNT = Number(values.count);
const SIZE = 5 * 1024 * 1024;

const out = runDir(`upload-interrupt-${values.db}`);
const dataDir = path.join(out, "data");
let database;
if (values.db === "postgres") {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
  database = await createDatabase(base, "lantoa_cut");
}
const app = await startApp({
  dir,
  port: await freePort(),
  log: path.join(out, "server.log"),
  env: { DATA_DIR: dataDir, DATABASE_URL: database?.url ?? "", LANTOA_DEMO: "1", AUTH_RATE_LIMIT_IP: "1000000", SEARCH_INDEX_ON_START: "0" },
});
const origin = new URL(app.origin);
const tmp = path.join(dataDir, "uploads", "tmp");
const partials = () => (existsSync(tmp) ? readdirSync(tmp).filter((n) => n.endsWith(".part")) : []);

const cookie = await journalist(app.origin, `cut.${randomBytes(3).toString("hex")}@drill.vn`);
const entry = await (await fetch(`${app.origin}/api/entries`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ category: "print", title: "Tải lên bị ngắt" }) })).json();

const file = pdf(SIZE);
const boundary = `----drill${randomBytes(8).toString("hex")}`;
const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bai.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);

/** Sends `cut` bytes of the file in a correctly framed request, then destroys the socket. */
function interrupted(cut, pauseMs) {
  return new Promise((resolve) => {
    let sawPartial = false;
    const req = http.request({ host: origin.hostname, port: origin.port, path: `/api/entries/${entry.id}/attachments`, method: "POST", headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(head.length + file.length + tail.length) } });
    let answered = null;
    req.on("response", (res) => (answered = res.statusCode));
    req.on("error", () => undefined);
    req.write(head);
    (async () => {
      for (let at = 0; at < cut; at += 64 * 1024) {
        if (!req.write(file.subarray(at, Math.min(cut, at + 64 * 1024)))) await new Promise((r) => req.once("drain", r));
        if (pauseMs && at >= cut / 2 && at - 64 * 1024 < cut / 2) await sleep(pauseMs);
      }
      // Let the server write what arrived, then vanish.
      for (let i = 0; i < 50 && !sawPartial; i++) {
        sawPartial = partials().length > 0;
        await sleep(10);
      }
      const cutAt = performance.now();
      req.destroy();
      let goneMs = null;
      for (let i = 0; i < 500; i++) {
        if (partials().length === 0) {
          goneMs = performance.now() - cutAt;
          break;
        }
        await sleep(10);
      }
      resolve({ cut, sawPartial, goneMs, answered });
    })();
  });
}

const runs = [];
for (let n = 0; n < COUNT; n++) {
  const cut = Math.floor(SIZE * (0.05 + 0.9 * Math.random()));
  runs.push(await interrupted(cut, n % 2 ? 1_500 : 0));
}
const control = await fetch(`${app.origin}/api/entries/${entry.id}/attachments`, { method: "POST", headers: { cookie }, body: multipart(pdf(64 * 1024)) });
const controlBody = await control.json();
const view = await (await fetch(`${app.origin}/api/entries/${entry.id}`, { headers: { cookie } })).json();
await app.stop();

const { files, temp } = storedFiles(path.join(dataDir, "uploads"));
const rows = await query({ url: database?.url, dataDir }, `select
  (select count(*)::int from attachments where entry_id = '${entry.id}') as attachments,
  (select count(*)::int from audit_log where entity_id = '${entry.id}' and action = 'entry.attachment.add') as audits,
  (select count(*)::int from search_outbox where entity_id = '${entry.id}') as outbox`);
await database?.drop();
const partialHashes = new Set([sha256(file), ...runs.map((r) => sha256(file.subarray(0, r.cut)))]);
const storedPartials = files.filter((f) => partialHashes.has(f.sha256));
const gone = runs.map((r) => r.goneMs).filter((v) => v !== null);

const result = {
  drill: "upload interrupted",
  database: values.db,
  interrupted: runs.length,
  sawPartialBeforeCut: runs.filter((r) => r.sawPartial).length,
  partialRemovedMs: { p50: pct(gone, 50), p95: pct(gone, 95), max: pct(gone, 100), notRemoved: runs.length - gone.length },
  control: { status: control.status, sha256: controlBody.sha256 },
  entryAttachments: view.attachments.length,
  record: rows[0],
  storage: { files: files.length, partialsStored: storedPartials.length, temporaryLeft: temp.length },
  output: out,
};
console.log(JSON.stringify(result, null, 2));
const bad =
  gone.length !== runs.length ||
  storedPartials.length > 0 ||
  temp.length > 0 ||
  control.status !== 201 ||
  view.attachments.length !== 1 ||
  rows[0].attachments !== 1 ||
  rows[0].audits !== 1 ||
  rows[0].outbox !== 2 || // the create and the control's upload
  files.length !== 1;
process.exit(bad ? 1 : 0);
