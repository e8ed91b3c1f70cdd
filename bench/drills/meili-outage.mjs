// Fault drill: Meilisearch stops for 30 s while journalists write and the public searches.
//
// The app runs against a Meilisearch of the drill's own. Journalists keep editing their
// submitted entries and the public keeps searching; Meilisearch is stopped (SIGTERM) for
// --outage seconds, then started again on the same data and port, and the writes stop.
// Properties: every write succeeds; every search answers 200, with `degraded: true` while
// Meilisearch is gone; after its return the entries index matches the database exactly
// (every displayed field of every non-draft entry, and nothing else) — the time that takes is
// the catch-up figure. Prints JSON; exits 1 when a property fails.
//
// Usage: node bench/drills/meili-outage.mjs [--db pglite|postgres] [--outage 30] [--writers 20] [--dir .]
//   With --db pglite the index is compared with the database once the app has stopped (PGlite
//   is one process); the catch-up time is then when the outbox is empty with search "ok".
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/node-postgres";
import { Meilisearch } from "meilisearch";
import pg from "pg";
import { tsImport } from "tsx/esm/api";
import { createDatabase, freePort, journalist, multipart, ownMeilisearch, pct, pdf, requireBuild, root, runDir, sleep, startApp } from "./lib.mjs";

// The app's own modules (TypeScript), through tsx.
const { loadEntryDocuments } = await tsImport("../../lib/search/entry-index.ts", import.meta.url);
const { entriesIndex } = await tsImport("../../lib/search/settings.ts", import.meta.url);
const schema = await tsImport("../../lib/db/schema.ts", import.meta.url);

const { values } = parseArgs({ options: { db: { type: "string", default: "pglite" }, outage: { type: "string", default: "30" }, writers: { type: "string", default: "20" }, dir: { type: "string", default: root } } });
const dir = path.resolve(values.dir);
requireBuild(dir);
const OUTAGE_MS = Number(values.outage) * 1000;
const WRITERS = Number(values.writers);

const out = runDir(`meili-outage-${values.db}`);
const dataDir = path.join(out, "data");
let database;
if (values.db === "postgres") {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
  database = await createDatabase(base, "lantoa_meili");
}
const meiliPort = await freePort();
const meiliDir = path.join(out, "meili");
let meili = await ownMeilisearch({ dataDir: meiliDir, port: meiliPort });
const prefix = `outage_${randomBytes(3).toString("hex")}_`;
const app = await startApp({
  dir,
  port: await freePort(),
  log: path.join(out, "server.log"),
  env: { DATA_DIR: dataDir, DATABASE_URL: database?.url ?? "", MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey ?? "", MEILI_INDEX_PREFIX: prefix, LANTOA_DEMO: "1", AUTH_RATE_LIMIT_IP: "1000000" },
});
const origin = app.origin;
const ready = async () => (await fetch(`${origin}/api/health/ready`)).json();
// The stories index is built in the background at start; searches must be real before the drill.
for (let i = 0; (await ready()).search !== "ok"; i++) {
  if (i > 600) throw new Error("search never became ready");
  await sleep(200);
}

// ---- journalists with one submitted entry each ---------------------------------------------
const contest = await (await fetch(`${origin}/api/contests/current`)).json();
const run = randomBytes(3).toString("hex");
const writers = await Promise.all(Array.from({ length: WRITERS }, async (_, i) => {
  const cookie = await journalist(origin, `meili${i}.${run}@drill.vn`);
  const headers = { cookie, "content-type": "application/json" };
  const entry = await (await fetch(`${origin}/api/entries`, { method: "POST", headers, body: JSON.stringify({ category: "print", title: `Bài ${i}`, summary: "Trước sự cố.", outlet: "Báo Diễn Tập", publishedAt: contest.publication.from, length: 700 }) })).json();
  await fetch(`${origin}/api/entries/${entry.id}/attachments`, { method: "POST", headers: { cookie }, body: multipart(pdf(8 * 1024)) });
  const submitted = await fetch(`${origin}/api/entries/${entry.id}/submit`, { method: "POST", headers: { cookie } });
  if (submitted.status !== 200) throw new Error(`setup submit ${submitted.status} ${await submitted.text()}`);
  return { i, cookie, id: entry.id };
}));

// ---- load: edits and searches, with the outage in the middle -------------------------------
const QUERIES = ["nong thon moi", "người tốt việc tốt", "giáo viên", "hà giang", "thanh niên", "doanh nghiep"];
let writing = true;
let searching = true;
let stoppedAt = Infinity;
let backAt = Infinity;
const writes = { ok: 0, failed: [], ms: { before: [], during: [], after: [] } };
const phaseOf = (start, end) => (end < stoppedAt ? "before" : start > stoppedAt && end < backAt ? "during" : start > backAt ? "after" : null);
const searches = { before: { n: 0, degraded: 0, ms: [] }, during: { n: 0, degraded: 0, ms: [] }, after: { n: 0, degraded: 0, ms: [] }, errors: [] };

const writerLoops = writers.map(async (w) => {
  for (let n = 0; writing; n++) {
    const t = performance.now();
    const res = await fetch(`${origin}/api/entries/${w.id}`, { method: "PATCH", headers: { cookie: w.cookie, "content-type": "application/json" }, body: JSON.stringify({ title: `Bài ${w.i}, lần sửa ${n}` }) }).catch((e) => ({ status: 0, text: async () => e.message }));
    const phase = phaseOf(t, performance.now());
    if (phase) writes.ms[phase].push(performance.now() - t);
    if (res.status === 200) writes.ok++;
    else writes.failed.push(`${res.status} ${(await res.text()).slice(0, 120)}`);
    await sleep(200 + Math.random() * 200);
  }
});
const searchLoops = Array.from({ length: 4 }, async (_, s) => {
  for (let n = 0; searching; n++) {
    const t = performance.now();
    const q = QUERIES[(s + n) % QUERIES.length];
    const res = await fetch(`${origin}/api/search?q=${encodeURIComponent(q)}`).catch((e) => ({ status: 0, json: async () => ({ error: e.message }) }));
    const body = await res.json().catch(() => ({}));
    if (res.status !== 200) searches.errors.push(`${res.status} ${JSON.stringify(body).slice(0, 120)}`);
    // "during": started after Meilisearch had exited and answered before it was back.
    const phase = phaseOf(t, performance.now());
    if (phase) {
      searches[phase].n++;
      if (body.degraded) searches[phase].degraded++;
      searches[phase].ms.push(performance.now() - t);
    }
    await sleep(100);
  }
});

await sleep(5_000);
await meili.stop();
stoppedAt = performance.now();
const pendingBefore = (await ready()).outbox?.pending;
await sleep(OUTAGE_MS);
const readyDuring = await ready();
meili = await ownMeilisearch({ dataDir: meiliDir, port: meiliPort });
backAt = performance.now();
writing = false;
await Promise.all(writerLoops);
const pendingAtReturn = (await ready()).outbox?.pending;

// ---- catch-up: the outbox empty, search served by Meilisearch, the index equal to the record ----
const admin = new Meilisearch({ host: meili.host, apiKey: meili.masterKey });
const fields = entriesIndex.settings.displayedAttributes;
const pick = (doc) => Object.fromEntries(fields.map((f) => [f, doc[f] ?? null]));
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const indexDocs = async () => (await admin.index(`${prefix}${entriesIndex.name}`).getDocuments({ limit: 10_000 })).results.map(pick).sort(byId);
// The documents the record gives now, read by the same code as the drainer's: PostgreSQL at any
// time, PGlite (one process) once the app has stopped.
const recordDocs = async () => {
  if (database) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await loadEntryDocuments(drizzle({ client, schema }))).map(pick).sort(byId);
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const client = await PGlite.create({ dataDir: path.join(dataDir, "db"), extensions: { unaccent, pg_trgm } });
  try {
    return (await loadEntryDocuments(drizzlePglite({ client, schema }))).map(pick).sort(byId);
  } finally {
    await client.close();
  }
};
let caughtUpMs = null;
let matchedMs = null;
for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
  const r = await ready();
  if (caughtUpMs === null && r.search === "ok" && r.outbox?.pending === 0) caughtUpMs = performance.now() - backAt;
  if (caughtUpMs !== null && database && JSON.stringify(await indexDocs()) === JSON.stringify(await recordDocs())) {
    matchedMs = performance.now() - backAt;
    break;
  }
  if (caughtUpMs !== null && !database) break;
}
await sleep(3_000); // a few searches after the return
searching = false;
await Promise.all(searchLoops);
await app.stop();
const [actual, expected] = [await indexDocs(), await recordDocs()];
const matches = JSON.stringify(actual) === JSON.stringify(expected);
if (matchedMs === null && matches && !database) matchedMs = caughtUpMs;
await meili.stop();
await database?.drop();

const result = {
  drill: "Meilisearch outage",
  database: values.db,
  outageSeconds: OUTAGE_MS / 1000,
  writes: { ok: writes.ok, failed: writes.failed.length, p95Ms: Object.fromEntries(Object.entries(writes.ms).map(([k, v]) => [k, pct(v, 95)])) },
  outboxPending: { atStop: pendingBefore, atReturn: pendingAtReturn },
  readinessDuring: { status: readyDuring.status, search: readyDuring.search, database: readyDuring.database.ok },
  searches: {
    ...Object.fromEntries(["before", "during", "after"].map((k) => [k, { n: searches[k].n, degraded: searches[k].degraded, p95Ms: pct(searches[k].ms, 95) }])),
    errors: searches.errors.length,
  },
  catchUpSeconds: caughtUpMs === null ? null : Number((caughtUpMs / 1000).toFixed(2)),
  indexEqualsRecordSeconds: matchedMs === null ? null : Number((matchedMs / 1000).toFixed(2)),
  index: { documents: actual.length, record: expected.length, equal: matches },
  output: out,
};
console.log(JSON.stringify(result, null, 2));
if (writes.failed.length) console.log("failed writes:", writes.failed.slice(0, 5));
if (searches.errors.length) console.log("search errors:", searches.errors.slice(0, 5));
const failed =
  writes.failed.length > 0 ||
  searches.errors.length > 0 ||
  searches.during.n === 0 ||
  searches.during.degraded !== searches.during.n ||
  searches.after.n === 0 ||
  searches.after.degraded !== 0 ||
  !matches ||
  caughtUpMs === null ||
  caughtUpMs > 30_000 ||
  expected.length < WRITERS;
process.exit(failed ? 1 : 0);
