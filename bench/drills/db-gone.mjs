// Fault drill: the PostgreSQL server goes away for 10 s under load.
//
// Runs a PostgreSQL cluster of its own (initdb into --pg-dir, port --pg-port; never the shared
// server), starts the app on it, and keeps journalists reading their entries and creating new
// ones (each create with an Idempotency-Key, retried with the same key until it succeeds) while
// a poller watches /api/health/ready. The cluster is stopped (`pg_ctl stop -m fast`) for
// --outage seconds and started again. Figures: how requests failed during the outage (status,
// message, time to fail, p95), when readiness said down and up again, and how long after the
// database returned the first and the last client were served again. Then the app is stopped
// and the record checked: every acknowledged create is there once, and nothing else (no entry
// without its audit line and outbox row, no idempotency key claimed without a response).
// Prints JSON; exits 1 when a property fails.
//
// Usage: node bench/drills/db-gone.mjs [--outage 10] [--clients 20] [--pg-port 5433]
//          [--pg-dir /tmp/lantoa-drill-pg] [--dir .]
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, freePort, journalist, pct, privateCluster, query, requireBuild, root, runDir, sleep, startApp } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    outage: { type: "string", default: "10" },
    clients: { type: "string", default: "20" },
    "pg-port": { type: "string", default: "5433" },
    "pg-dir": { type: "string", default: "/tmp/lantoa-drill-pg" },
    dir: { type: "string", default: root },
  },
});
const dir = path.resolve(values.dir);
requireBuild(dir);
const OUTAGE_MS = Number(values.outage) * 1000;

const cluster = privateCluster({ dir: values["pg-dir"], port: Number(values["pg-port"]) });
cluster.init();
const wasRunning = cluster.running();
if (!wasRunning) await cluster.start();
const database = await createDatabase(cluster.url, "lantoa_gone");
const out = runDir("db-gone");
const app = await startApp({
  dir,
  port: await freePort(),
  log: path.join(out, "server.log"),
  env: { DATA_DIR: path.join(out, "data"), DATABASE_URL: database.url, LANTOA_DEMO: "1", AUTH_RATE_LIMIT_IP: "1000000", SEARCH_INDEX_ON_START: "0" },
});
const origin = app.origin;
const run = randomBytes(3).toString("hex");
const clients = await Promise.all(Array.from({ length: Number(values.clients) }, async (_, i) => ({ i, cookie: await journalist(origin, `gone${i}.${run}@drill.vn`) })));

// ---- load -------------------------------------------------------------------------------------
const t0 = performance.now();
const now = () => performance.now() - t0;
let running = true;
let stoppedAt = Infinity; // pg_ctl stop returned: the server is gone
let stoppingAt = Infinity; // pg_ctl stop was called
let startedAt = Infinity; // pg_ctl start returned: the server accepts connections
const requests = []; // { kind, start, end, status, code, message }
const acknowledged = new Map(); // key -> entry id
const lastOk = new Map(); // client -> time of its first success after the return

async function send(kind, client, url, init) {
  const start = now();
  let status = 0;
  let body = {};
  try {
    const res = await fetch(`${origin}${url}`, { ...init, headers: { cookie: client.cookie, "accept-language": "en", ...init?.headers }, signal: AbortSignal.timeout(30_000) });
    status = res.status;
    body = await res.json().catch(() => ({}));
  } catch (error) {
    body = { error: { code: "network", message: error.message } };
  }
  const end = now();
  requests.push({ kind, client: client.i, start, end, status, code: body.error?.code, message: body.error?.message });
  if (status >= 200 && status < 300 && start > startedAt && !lastOk.has(client.i)) lastOk.set(client.i, end - startedAt);
  return { status, body };
}

const loops = clients.map(async (client) => {
  for (let n = 0; running; n++) {
    await send("read", client, "/api/entries");
    // One key per entry the client means to create, resent until the server says yes.
    const key = `gone-${client.i}-${n}`;
    for (;;) {
      const { status, body } = await send("write", client, "/api/entries", { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify({ category: "print", title: `Bài ${client.i}.${n}` }) });
      if (status === 201) {
        acknowledged.set(key, body.id);
        break;
      }
      if (status < 500 && status !== 0) throw new Error(`create ${key}: ${status} ${JSON.stringify(body)}`);
      await sleep(100);
    }
    await sleep(100 + Math.random() * 100);
  }
});
const readiness = [];
const poller = (async () => {
  while (running) {
    const start = now();
    const res = await fetch(`${origin}/api/health/ready`, { signal: AbortSignal.timeout(10_000) }).then(async (r) => ({ status: r.status, body: await r.json() }), () => ({ status: 0, body: {} }));
    readiness.push({ at: start, status: res.status, database: res.body.database?.ok ?? null });
    await sleep(100);
  }
})();

await sleep(3_000);
stoppingAt = now();
await cluster.stop("fast");
stoppedAt = now();
await sleep(OUTAGE_MS);
await cluster.start();
startedAt = now();
await sleep(8_000);
running = false;
await Promise.all([...loops, poller]);
await app.stop();

// ---- figures ------------------------------------------------------------------------------------
const during = requests.filter((r) => r.start >= stoppedAt && r.end <= startedAt);
const inFlightAtStop = requests.filter((r) => r.start < stoppedAt && r.end > stoppingAt);
const failed = during.filter((r) => r.status !== 200 && r.status !== 201);
const count = (list) => list.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
const statuses = count(during);
const messages = [...new Set(failed.map((r) => `${r.status} ${r.code}: ${r.message}`))];
const failMs = failed.map((r) => r.end - r.start);
const beforeMs = requests.filter((r) => r.end < stoppingAt).map((r) => r.end - r.start);
// The server's own time for each 503 (the guard logs every 5xx with durationMs): without the
// client's wait for a CPU on a busy machine.
const serverFailMs = readFileSync(path.join(out, "server.log"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("{"))
  .map((line) => JSON.parse(line))
  .filter((l) => l.component === "api" && l.status === 503)
  .map((l) => l.durationMs);
const firstDown = readiness.find((r) => r.at >= stoppingAt && r.status === 503);
const firstUp = readiness.find((r) => r.at >= startedAt && r.status === 200 && r.database);
const after = requests.filter((r) => r.start >= startedAt);
const firstServed = after.find((r) => r.status >= 200 && r.status < 300);
const errorsLongAfter = after.filter((r) => r.start > startedAt + 5_000 && r.status >= 500);

// ---- the record -------------------------------------------------------------------------------
const rows = await query({ url: database.url }, `select e.id, e.title,
    (select count(*)::int from audit_log a where a.entity_id = e.id::text and a.action = 'entry.create') as audits,
    (select count(*)::int from search_outbox o where o.entity_id = e.id::text) as outbox
  from entries e join users u on u.id = e.owner_id where u.email like 'gone%.${run}@drill.vn'`);
const keys = await query({ url: database.url }, `select k.key, k.status_code as "statusCode", k.response->>'id' as id from idempotency_keys k join users u on u.id = k.user_id where u.email like 'gone%.${run}@drill.vn'`);
await database.drop();
if (!wasRunning) await cluster.stop("fast");
const ids = new Set(rows.map((r) => r.id));
const problems = [];
for (const [key, id] of acknowledged) if (!ids.has(id)) problems.push(`${key}: acknowledged ${id} missing`);
if (rows.length !== acknowledged.size) problems.push(`${rows.length} entries for ${acknowledged.size} acknowledged creates`);
for (const r of rows) if (r.audits !== 1 || r.outbox !== 1) problems.push(`${r.id}: ${r.audits} audit lines, ${r.outbox} outbox rows`);
for (const k of keys) if (k.statusCode === 0 || !ids.has(k.id)) problems.push(`key ${k.key}: status ${k.statusCode}, entry ${k.id}`);

const seconds = (ms) => (ms === undefined || ms === null ? null : Number((ms / 1000).toFixed(2)));
const result = {
  drill: "database gone",
  outageSeconds: OUTAGE_MS / 1000,
  clients: clients.length,
  duringOutage: {
    requests: during.length,
    statuses,
    messages,
    timeToFailMs: { p50: pct(failMs, 50), p95: pct(failMs, 95), max: pct(failMs, 100) },
    serverTimeToFailMs: { p50: pct(serverFailMs, 50), p95: pct(serverFailMs, 95), max: pct(serverFailMs, 100) },
  },
  // The same requests while the database was there, for scale (the machine's 2 cores are shared).
  beforeOutageMs: { p50: pct(beforeMs, 50), p95: pct(beforeMs, 95) },
  inFlightAtStop: { requests: inFlightAtStop.length, statuses: count(inFlightAtStop) },
  readiness: { downAfterStopSeconds: seconds(firstDown && firstDown.at - stoppingAt), upAfterStartSeconds: seconds(firstUp && firstUp.at - startedAt) },
  recovery: {
    firstServedSeconds: seconds(firstServed && firstServed.end - startedAt),
    allClientsServedSeconds: lastOk.size === clients.length ? seconds(Math.max(...lastOk.values())) : null,
    errorsLaterThan5s: errorsLongAfter.length,
  },
  record: { acknowledgedCreates: acknowledged.size, entries: rows.length, problems: problems.length },
  output: out,
};
console.log(JSON.stringify(result, null, 2));
if (problems.length) console.log("problems:", problems.slice(0, 5));
const bad =
  during.length === 0 ||
  failed.length !== during.length || // nothing can succeed without the database
  failed.some((r) => r.status !== 503 || r.code !== "databaseUnavailable") ||
  // Failing must cost no more than serving did (the client-side figures include the wait for a CPU).
  pct(failMs, 95) > Math.max(1_000, pct(beforeMs, 95)) ||
  pct(serverFailMs, 95) > 1_000 ||
  !firstDown ||
  !firstUp ||
  lastOk.size !== clients.length ||
  errorsLongAfter.length > 0 ||
  problems.length > 0;
process.exit(bad ? 1 : 0);
