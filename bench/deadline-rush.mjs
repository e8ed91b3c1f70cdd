// The deadline rush: N journalists at once each create an entry, upload a PDF and submit it,
// against the production build (npm start) on the embedded database (PGlite) or
// on PostgreSQL. Prints throughput, p50/p95 per step and the server's peak memory, then stops
// the server and checks the database: every acknowledged submission is there, once, with its
// attachment's hash intact on disk.
//
// Usage: node bench/deadline-rush.mjs [--db pglite|postgres] [--users 200] [--mb 5] [--dir .]
//   --dir: a built copy of the project (npm run build); --db postgres uses BENCH_DATABASE_URL
//   or TEST_DATABASE_URL (a fresh database is created on that server and dropped afterwards).
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, freePort, outDir, query, pool, root, signIn } from "./lib.mjs";

const { values } = parseArgs({ options: { db: { type: "string", default: "pglite" }, users: { type: "string", default: "200" }, mb: { type: "string", default: "5" }, dir: { type: "string", default: root } } });
const USERS = Number(values.users);
const FILE_BYTES = Number(values.mb) * 1024 * 1024;
const dir = path.resolve(values.dir);
if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error(`${dir} has no production build: run npm run build there first`);

const run = `rush-${values.db}-${Date.now()}`;
const dataDir = path.join(outDir, run);
mkdirSync(dataDir, { recursive: true });
let databaseUrl;
let dropDatabase = async () => {};
if (values.db === "postgres") {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
  const database = await createDatabase(base, "lantoa_bench");
  databaseUrl = database.url;
  dropDatabase = database.drop;
}

// ---- server ---------------------------------------------------------------------------
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["--import", "tsx/esm", "scripts/start.ts", "--port", String(port), "-H", "127.0.0.1"], {
  cwd: dir,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    LANTOA_DEMO: "1", // the demo contest is the one submitted to
    AUTH_RATE_LIMIT_IP: "1000000", // every simulated journalist comes from 127.0.0.1
    SEARCH_INDEX_ON_START: "0",
    MEILI_INDEX_PREFIX: `bench_${randomBytes(3).toString("hex")}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
});

/** Resident memory (MB) of the Node processes under the server (not Meilisearch). */
function serverRssMb() {
  const children = new Map();
  for (const pid of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(Number(pid), ppid);
    } catch {}
  }
  const tree = new Set([server.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of children) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmd.includes("meilisearch")) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (rss) kb += Number(rss[1]);
    } catch {}
  }
  return Math.round(kb / 1024);
}
const deadline = Date.now() + 120_000;
for (;;) {
  try {
    const res = await fetch(`${origin}/api/health/ready`);
    if (res.ok) break;
  } catch {}
  if (Date.now() > deadline) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 300));
}

// ---- preparation: accounts and sessions (not timed as part of the rush) ---------------
const contest = await (await fetch(`${origin}/api/contests/current`)).json();
const journalists = await pool(Array.from({ length: USERS }, (_, i) => i), 16, async (i) => {
  const email = `rush${i}.${run}@bench.vn`;
  const password = "bench-password-123";
  const signup = await fetch(`${origin}/api/account`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `Phóng viên ${i}`, email, password, phone: "0900000000", outlet: "Báo Thử" }) });
  if (signup.status !== 201) throw new Error(`sign-up ${i}: ${signup.status} ${await signup.text()}`);
  const session = await signIn(origin, email, password);
  // Each journalist's PDF is made before the clock starts, so the client's own work is not timed.
  const file = Buffer.concat([Buffer.from(`%PDF-1.7\n%rush ${i} ${randomBytes(8).toString("hex")}\n`), randomBytes(FILE_BYTES)]).subarray(0, FILE_BYTES);
  return { i, cookie: session, file, sha256: createHash("sha256").update(file).digest("hex") };
});

// ---- the rush -------------------------------------------------------------------------
const timings = { create: [], upload: [], submit: [], total: [] };
const failures = [];
let peakMb = serverRssMb();
const sampler = setInterval(() => (peakMb = Math.max(peakMb, serverRssMb())), 100);
const baselineMb = peakMb;

async function step(name, fn) {
  const t0 = performance.now();
  const res = await fn();
  timings[name].push(performance.now() - t0);
  return res;
}

const started = performance.now();
const acknowledged = (await Promise.all(journalists.map(async ({ i, cookie, file, sha256 }) => {
  const t0 = performance.now();
  try {
    const entry = await step("create", async () => {
      const res = await fetch(`${origin}/api/entries`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "idempotency-key": `create-${i}` },
        body: JSON.stringify({ category: "print", title: `Bài dự thi số ${i}`, summary: "Tác phẩm thử tải.", outlet: "Báo Thử", publishedAt: contest.publication.from, length: 1000 }),
      });
      if (res.status !== 201) throw new Error(`create ${res.status} ${await res.text()}`);
      return res.json();
    });
    const attachment = await step("upload", async () => {
      const body = new FormData();
      body.append("file", new Blob([file], { type: "application/pdf" }), `bai-${i}.pdf`);
      const res = await fetch(`${origin}/api/entries/${entry.id}/attachments`, { method: "POST", headers: { cookie }, body });
      if (res.status !== 201) throw new Error(`upload ${res.status} ${await res.text()}`);
      return res.json();
    });
    if (attachment.sha256 !== sha256) throw new Error(`server hashed ${attachment.sha256}, client ${sha256}`);
    const submitted = await step("submit", async () => {
      const res = await fetch(`${origin}/api/entries/${entry.id}/submit`, { method: "POST", headers: { cookie, "idempotency-key": `submit-${i}` } });
      if (res.status !== 200) throw new Error(`submit ${res.status} ${await res.text()}`);
      return res.json();
    });
    timings.total.push(performance.now() - t0);
    return { id: entry.id, code: submitted.code, sha256 };
  } catch (error) {
    failures.push(String(error.message ?? error).slice(0, 200));
    return null;
  }
}))).filter(Boolean);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

// ---- stop the server, then check the record ------------------------------------------
server.kill("SIGTERM");
await new Promise((r) => server.on("exit", r));

const rows = await query({ url: databaseUrl, dataDir }, `select e.id, e.code, e.status, e.owner_id, a.sha256 from entries e left join attachments a on a.entry_id = e.id`);
const byId = new Map(rows.map((r) => [r.id, r]));
const problems = [];
for (const ack of acknowledged) {
  const row = byId.get(ack.id);
  if (!row) problems.push(`${ack.code}: missing`);
  else if (row.status !== "submitted" || row.code !== ack.code) problems.push(`${ack.code}: ${row.status} ${row.code}`);
  else if (row.sha256 !== ack.sha256) problems.push(`${ack.code}: attachment hash ${row.sha256}`);
  else {
    const stored = path.join(dataDir, "uploads", ack.sha256.slice(0, 2), ack.sha256.slice(2, 4), ack.sha256);
    if (createHash("sha256").update(readFileSync(stored)).digest("hex") !== ack.sha256) problems.push(`${ack.code}: file on disk differs`);
  }
}
const rushRows = rows.filter((r) => acknowledged.some((a) => a.id === r.id) || r.code?.startsWith("BC"));
const codes = rows.map((r) => r.code).filter(Boolean);
const duplicateCodes = codes.length - new Set(codes).size;
const perOwner = new Map();
for (const r of rows) if (acknowledged.some((a) => a.id === r.id)) perOwner.set(r.owner_id, (perOwner.get(r.owner_id) ?? 0) + 1);
const duplicatedEntries = [...perOwner.values()].filter((n) => n > 1).length;
await dropDatabase();

const pct = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]) : NaN;
};
const result = {
  database: values.db,
  journalists: USERS,
  fileMb: Number(values.mb),
  acknowledged: acknowledged.length,
  failed: failures.length,
  seconds: Number(seconds.toFixed(1)),
  submissionsPerSecond: Number((acknowledged.length / seconds).toFixed(1)),
  uploadMBps: Number(((acknowledged.length * FILE_BYTES) / 1024 / 1024 / seconds).toFixed(1)),
  latencyMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, { p50: pct(v, 50), p95: pct(v, 95), max: pct(v, 100) }])),
  serverRssMb: { before: baselineMb, peak: peakMb },
  verify: { rowsChecked: rushRows.length, problems: problems.length, duplicateCodes, duplicatedEntries },
};
console.log(JSON.stringify(result, null, 2));
if (failures.length) console.log("failures:", failures.slice(0, 5));
if (problems.length) console.log("problems:", problems.slice(0, 5));
rmSync(path.join(dataDir, "uploads"), { recursive: true, force: true });
process.exit(problems.length || duplicateCodes || duplicatedEntries || failures.length ? 1 : 0);
