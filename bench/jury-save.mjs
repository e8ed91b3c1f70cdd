// Jurors saving draft score sheets at once: J jurors, each with about N assigned entries in an
// open round, send PUT /api/jury/scores/{entryId} again and again (partial drafts, as the score
// form's autosave does) against the production build (npm start) on the embedded
// database (PGlite) or PostgreSQL. Prints p50/p95/p99, throughput and the server's CPU time per
// save for each pacing, then stops the server and checks the database: every juror's last
// acknowledged draft is what is stored.
//
// Usage: node bench/jury-save.mjs [--db pglite|postgres] [--jurors 30] [--per-juror 20]
//          [--seconds 20] [--pacing 700,0] [--dir .[,other-build]] [--slice 5]
//   --pacing: the pause (ms) each juror takes after a save is acknowledged before the next one,
//     one timed phase per value. 700 is the form's autosave pause (a juror typing without stop
//     sends at most that often); 0 sends back to back, which measures the saturated server.
//   --dir: a built copy of the project (npm run build). With two or more, each gets its own
//     server and data, and the load alternates between them in slices of --slice seconds, so a
//     before/after comparison sees the same noise from the rest of the machine.
//   --db postgres uses BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh database per build is
//     created on that server and dropped afterwards).
//
// Seeding goes through the API (sign-up, entries, eligibility, round, assignment) except one
// statement: the sign-up accounts meant as jurors are given the juror role in the database
// while the server is stopped (the embedded database allows one process at a time).
import { spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, freePort, outDir, processTree, procUsage, query, pool, root, signIn } from "./lib.mjs";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    jurors: { type: "string", default: "30" },
    "per-juror": { type: "string", default: "20" },
    seconds: { type: "string", default: "20" },
    pacing: { type: "string", default: "700,0" },
    dir: { type: "string", default: root },
    slice: { type: "string", default: "5" },
  },
});
const JURORS = Number(args.jurors);
const PER_JUROR = Number(args["per-juror"]);
const SECONDS = Number(args.seconds);
const SLICE = Number(args.slice);
const PACINGS = args.pacing.split(",").map(Number);
const JURORS_PER_ENTRY = 3;
const ENTRIES = Math.ceil((JURORS * PER_JUROR) / JURORS_PER_ENTRY);
const PASSWORD = "bench-password-123";
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";
const dirs = args.dir.split(",").map((d) => path.resolve(d));
for (const dir of dirs) if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error(`${dir} has no production build: run npm run build there first`);
const run = `jury-save-${args.db}-${Date.now()}`;

const targets = dirs.map((dir, i) => ({
  label: dirs.length > 1 ? `${i + 1}: ${path.basename(dir)}` : path.basename(dir),
  dir,
  dataDir: path.join(outDir, `${run}-${i + 1}`),
  tag: randomBytes(3).toString("hex"),
  databaseUrl: undefined,
  dropDatabase: async () => {},
  server: null,
  origin: "",
  jurors: [],
  round: null,
  rubric: [],
  lastAck: new Map(), // `${jurorId} ${entryId}` → the body of the last acknowledged save
  results: new Map(), // pacing → { latencies, errors, seconds, cpuMs }
}));

// ---- database ------------------------------------------------------------------------
for (const target of targets) {
  mkdirSync(target.dataDir, { recursive: true });
  if (args.db !== "postgres") continue;
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
  const database = await createDatabase(base, "lantoa_bench_save");
  target.databaseUrl = database.url;
  target.dropDatabase = database.drop;
}

/** Where a target keeps its data, as `query` wants it (its server stopped, for PGlite). */
const dbOf = (target) => ({ url: target.databaseUrl, dataDir: target.dataDir });

// ---- servers -------------------------------------------------------------------------
async function startServer(target) {
  const port = await freePort();
  target.origin = `http://127.0.0.1:${port}`;
  target.server = spawn(process.execPath, ["--import", "tsx/esm", "scripts/start.ts", "--port", String(port), "-H", "127.0.0.1"], {
    cwd: target.dir,
    env: {
      ...process.env,
      DATA_DIR: target.dataDir,
      DATABASE_URL: target.databaseUrl ?? "",
      LANTOA_DEMO: "1", // the demo contest and secretariat account
      AUTH_RATE_LIMIT_IP: "1000000", // every simulated user comes from 127.0.0.1
      SEARCH_INDEX_ON_START: "0",
      MEILI_INDEX_PREFIX: `bench_${target.tag}_`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${target.origin}/api/health/ready`)).ok) return;
    } catch {}
    if (Date.now() > deadline || target.server.exitCode !== null) throw new Error(`server of ${target.label} did not start`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
async function stopServer(target) {
  const server = target.server;
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.on("exit", r));
  server.kill("SIGTERM");
  await exited;
}
async function cleanUp() {
  for (const target of targets) {
    await stopServer(target);
    await target.dropDatabase().catch(() => {});
  }
}
process.on("uncaughtException", async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});

/**
 * CPU time (ms) used so far by a server's Node processes (Meilisearch excluded). Divided by the
 * saves of a phase it is the cost of one save, a figure that other work on the machine moves far
 * less than latencies, which include the wait for a core.
 */
function serverCpuMs(target) {
  const usages = processTree(target.server.pid).map(procUsage);
  return usages.filter((u) => u && !u.command.includes("meilisearch")).reduce((ms, u) => ms + u.cpuSeconds * 1000, 0);
}

// ---- HTTP helpers --------------------------------------------------------------------
async function call(target, method, url, cookie, body, expected = [200, 201, 204]) {
  const res = await fetch(`${target.origin}${url}`, { method, headers: { cookie: cookie ?? "", ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

// ---- seeding (not timed) -------------------------------------------------------------
async function seed(target) {
  const t0 = performance.now();
  const { tag } = target;
  console.error(`[bench] ${target.label}: seeding ${JURORS} jurors, ${ENTRIES} entries (${JURORS_PER_ENTRY} jurors each)…`);
  await startServer(target);
  const signUp = (email, name, outlet) => call(target, "POST", "/api/account", null, { name, email, password: PASSWORD, phone: "0900000000", outlet });
  const contest = await call(target, "GET", "/api/contests/current");
  const jurorEmails = Array.from({ length: JURORS }, (_, i) => `bench-juror-${i}.${tag}@hoidong.vn`);
  // Jurors work for no outlet that published an entry: no automatic conflicts.
  await pool(jurorEmails, 8, (email, i) => signUp(email, `Giám khảo ${i}`, "Hội Nhà báo"));
  const perAuthor = contest.entryLimitPerAuthor;
  const authors = Array.from({ length: Math.ceil(ENTRIES / perAuthor) }, (_, i) => i);
  const entryIds = (
    await pool(authors, 8, async (i) => {
      const email = `bench-author-${i}.${tag}@baothu.vn`;
      await signUp(email, `Phóng viên ${i}`, `Báo Thử ${i}`);
      const cookie = await signIn(target.origin, email, PASSWORD);
      const ids = [];
      for (let k = 0; k < perAuthor && i * perAuthor + k < ENTRIES; k++) {
        // Online works need a link, not a file: no upload in the way of the seeding.
        const entry = await call(target, "POST", "/api/entries", cookie, { category: "online", title: `Tác phẩm thử tải ${i}-${k}`, summary: "Tác phẩm dùng để đo thời gian lưu phiếu điểm.", outlet: `Báo Thử ${i}`, publishedAt: contest.publication.from, url: `https://baothu.vn/bai-${i}-${k}`, length: 1000 });
        await call(target, "POST", `/api/entries/${entry.id}/submit`, cookie);
        ids.push(entry.id);
      }
      return ids;
    })
  ).flat();
  await stopServer(target);

  const jurorRows = await query(dbOf(target), `update users set role = 'juror' where email like $1 returning id, email`, [`bench-juror-%.${tag}@hoidong.vn`]);
  if (jurorRows.length !== JURORS) throw new Error(`expected ${JURORS} juror accounts, got ${jurorRows.length}`);

  await startServer(target);
  const secretariat = await signIn(target.origin, "thuky@lantoa.test", DEMO_PASSWORD);
  await pool(entryIds, 8, (id) => call(target, "POST", `/api/admin/entries/${id}/eligibility`, secretariat, { decision: "eligible" }));
  const { rounds } = await call(target, "GET", "/api/admin/rounds", secretariat);
  target.rubric = rounds[0].rubric;
  const round = await call(target, "POST", "/api/admin/rounds", secretariat, { name: { vi: "Vòng thử tải", en: "Load test round" }, scope: { kind: "eligible" }, jurorsPerEntry: JURORS_PER_ENTRY, rubric: target.rubric, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null });
  await call(target, "PUT", `/api/admin/rounds/${round.id}/jurors`, secretariat, { jurors: jurorRows.map((j) => ({ jurorId: j.id, panels: [] })) });
  const assignment = await call(target, "POST", `/api/admin/rounds/${round.id}/assignment`, secretariat);
  if (assignment.unmet.length) throw new Error(`assignment left ${assignment.unmet.length} entries short`);
  await call(target, "PATCH", `/api/admin/rounds/${round.id}`, secretariat, { status: "open" });
  target.round = round;

  target.jurors = await pool(jurorRows, 4, async ({ id, email }) => {
    const cookie = await signIn(target.origin, email, PASSWORD);
    const mine = await call(target, "GET", "/api/jury/assignments", cookie);
    const entries = mine.rounds.find((r) => r.id === round.id)?.items.map((item) => item.entry.id) ?? [];
    if (entries.length === 0) throw new Error(`${email} has no assignment`);
    return { id, cookie, entries, next: 0 };
  });
  const counts = target.jurors.map((j) => j.entries.length);
  console.error(`[bench] ${target.label}: seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${counts.reduce((a, b) => a + b, 0)} assignments, ${Math.min(...counts)}–${Math.max(...counts)} per juror`);
}
for (const target of targets) await seed(target);

// ---- the load ------------------------------------------------------------------------
let counter = 0;
/** A partial draft, as autosave sends it: some criteria in half points, a comment. */
function draft(rubric) {
  const values = {};
  for (const c of rubric) if (randomInt(4) > 0) values[c.key] = randomInt(c.maxPoints * 2 + 1) / 2;
  return { values, comment: `Nhận xét nháp lần ${++counter}: tư liệu chắc chắn, nhân vật sống động.` };
}

/** Every juror of one target saves for `seconds`, pausing `pacingMs` after each acknowledged save. */
async function slice(target, pacingMs, seconds, record) {
  const out = record ? (target.results.get(pacingMs) ?? { latencies: [], errors: [], seconds: 0, cpuMs: 0 }) : { latencies: [], errors: [], seconds: 0, cpuMs: 0 };
  const stopAt = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpuBefore = serverCpuMs(target);
  await Promise.all(
    target.jurors.map(async (juror, j) => {
      // Spread the first saves over one pause, as jurors do not all type on the same tick.
      await new Promise((r) => setTimeout(r, pacingMs ? (j * pacingMs) / target.jurors.length : 0));
      while (performance.now() < stopAt) {
        const entryId = juror.entries[juror.next++ % juror.entries.length];
        const body = draft(target.rubric);
        const t = performance.now();
        try {
          const res = await fetch(`${target.origin}/api/jury/scores/${entryId}`, { method: "PUT", headers: { cookie: juror.cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
          const text = await res.text();
          if (res.status !== 200) throw new Error(`${res.status} ${text.slice(0, 200)}`);
          out.latencies.push(performance.now() - t);
          target.lastAck.set(`${juror.id} ${entryId}`, body);
        } catch (error) {
          out.errors.push(String(error.message ?? error));
        }
        if (pacingMs) await new Promise((r) => setTimeout(r, pacingMs));
      }
    }),
  );
  out.seconds += (performance.now() - started) / 1000;
  out.cpuMs += serverCpuMs(target) - cpuBefore;
  if (record) target.results.set(pacingMs, out);
}

for (const target of targets) await slice(target, 0, 3, false); // warm-up: compiled routes, pools, caches
for (const pacing of PACINGS) {
  // Alternating slices: every build meets the same background load.
  for (let done = 0; done < SECONDS; done += SLICE) for (const target of targets) await slice(target, pacing, Math.min(SLICE, SECONDS - done), true);
}

// ---- stop the servers, then check the record -----------------------------------------
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const summary = [];
let failed = false;
for (const target of targets) {
  await stopServer(target);
  const stored = await query(dbOf(target), `select juror_id, entry_id, values, comment, status from scores where round_id = $1`, [target.round.id]);
  const byKey = new Map(stored.map((r) => [`${r.juror_id} ${r.entry_id}`, r]));
  const problems = [];
  for (const [key, body] of target.lastAck) {
    const row = byKey.get(key);
    const values = typeof row?.values === "string" ? JSON.parse(row.values) : row?.values;
    if (!row) problems.push(`${key}: missing`);
    else if (row.status !== "draft" || row.comment !== body.comment || JSON.stringify(Object.entries(values).sort()) !== JSON.stringify(Object.entries(body.values).sort())) problems.push(`${key}: stored ${JSON.stringify(values)} ${row.comment}`);
  }
  await target.dropDatabase();
  rmSync(path.join(target.dataDir, "meili"), { recursive: true, force: true });
  const phases = PACINGS.map((pacing) => {
    const r = target.results.get(pacing);
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const round1 = (n) => Number(n.toFixed(1));
    return { pacingMs: pacing, saves: sorted.length, errors: r.errors.length, firstErrors: r.errors.slice(0, 3), perSecond: round1(sorted.length / r.seconds), p50: round1(pct(sorted, 50)), p95: round1(pct(sorted, 95)), p99: round1(pct(sorted, 99)), max: round1(sorted.at(-1) ?? NaN), serverCpuMsPerSave: Number((r.cpuMs / Math.max(1, sorted.length + r.errors.length)).toFixed(2)) };
  });
  failed ||= problems.length > 0 || phases.some((p) => p.errors > 0);
  summary.push({ build: target.label, dir: target.dir, phases, verify: { sheets: target.lastAck.size, problems: problems.length, firstProblems: problems.slice(0, 5) } });
}

console.log(JSON.stringify({ database: args.db, jurors: JURORS, seconds: SECONDS, slice: SLICE, builds: summary }, null, 2));
const database = args.db === "postgres" ? "PostgreSQL" : "PGlite";
console.log(`\n| database | build | pacing | saves | saves/s | p50 ms | p95 ms | p99 ms | max ms | server CPU per save | errors |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const pacing of PACINGS) {
  for (const s of summary) {
    const r = s.phases.find((p) => p.pacingMs === pacing);
    console.log(`| ${database} | ${s.build} | ${pacing ? `${pacing} ms` : "back to back"} | ${r.saves} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.serverCpuMsPerSave} ms | ${r.errors} |`);
  }
}
for (const s of summary) console.log(`verified (${s.build}): ${s.verify.sheets} sheets, last acknowledged draft stored for ${s.verify.sheets - s.verify.problems}`);
process.exit(failed ? 1 : 0);
