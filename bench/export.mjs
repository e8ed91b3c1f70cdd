// The secretariat's export of every score sheet of a round, at contest scale: the jury round of
// bench/jury.mjs (5,000 entries, 60 jurors, 3 jurors per entry: 15,000 submitted sheets, here on
// a 5-criterion rubric) is written to the database, then exported as XLSX and as CSV through the
// route's own code path (prepareExport + exportResponse: the Response body is read as a client
// would and written to a file, then read back to count its rows).
//
// Seeding and each export run in processes of their own, each export under GNU time, so its
// peak RSS is the export's alone. A smaller round (--small) is measured in the same run: when
// memory is bounded, the export's peak does not grow with the number of rows.
//
// Usage: node bench/export.mjs [--db pglite|postgres] [--entries 5000] [--small 1000] [--jurors 60] [--max-heap MB]
//   --db pglite keeps the database in a folder under bench/out (removed afterwards);
//   --db postgres uses BENCH_DATABASE_URL or TEST_DATABASE_URL: a database lantoa_bench_export
//   is created on that server and dropped afterwards.
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { juryScenario, outDir, root, timed } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    entries: { type: "string", default: "5000" },
    small: { type: "string", default: "1000" },
    jurors: { type: "string", default: "60" },
    step: { type: "string" }, // internal: "seed" or "export" in a child process
    format: { type: "string", default: "xlsx" },
    // Caps the export processes' V8 heap (MB): an export whose memory grew with its rows would fail.
    "max-heap": { type: "string" },
  },
});
if (!["pglite", "postgres"].includes(values.db)) throw new Error("--db is pglite or postgres");
const DB_NAME = "lantoa_bench_export";
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (values.db === "postgres" && !base) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");

const dataDir = (entries) => path.join(outDir, `export-pglite-${entries}`);
const databaseUrl = () => {
  const url = new URL(base);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
};
async function admin(statement) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

if (!values.step) {
  // ---- parent: per size, a seeding process, then one export process per format ----------------
  const sizes = [Number(values.small), Number(values.entries)];
  const cap = values["max-heap"] ? [`--max-old-space-size=${values["max-heap"]}`] : [];
  console.log(`export of every score sheet of a round: ${values.db}, ${values.jurors} jurors, 3 per entry, 5 criteria${cap.length ? `, export heap capped at ${values["max-heap"]} MB` : ""}; load average ${loadavg()[0].toFixed(1)} at start`);
  const results = [];
  // --conditions=react-server: lib/db modules import "server-only", which only that condition allows outside Next.js.
  const child = (step, entries, format = "xlsx") =>
    timed(process.execPath, ["--conditions=react-server", "--expose-gc", ...(step === "export" ? cap : []), "bench/export.mjs", "--step", step, "--db", values.db, "--entries", String(entries), "--jurors", values.jurors, "--format", format], { cwd: root, env: process.env });
  const last = (run) => JSON.parse(run.stdout.trim().split("\n").at(-1));
  try {
    for (const entries of sizes) {
      const seed = last(await child("seed", entries));
      for (const format of ["xlsx", "csv"]) {
        const run = await child("export", entries, format);
        results.push({ entries, sheets: seed.sheets, seedSeconds: seed.seconds, ...last(run), processPeakMb: run.peakMb });
      }
    }
  } finally {
    if (values.db === "postgres") await admin(`drop database if exists ${DB_NAME} with (force)`);
    for (const entries of sizes) rmSync(dataDir(entries), { recursive: true, force: true });
  }
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  console.log("| entries | sheets | format | wall | CPU | file | rows read back | heap growth (peak) | export process peak RSS |");
  console.log("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(`| ${r.entries} | ${r.sheets} | ${r.format} | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${mb(r.bytes)} MB | ${r.rows} | ${mb(r.heapGrowth)} MB | ${r.processPeakMb} MB |`);
  }
  const seeded = results.filter((r) => r.format === "xlsx");
  console.log(`seeding (separate process, not timed above): ${seeded.map((r) => `${r.entries} entries ${r.seedSeconds.toFixed(1)} s`).join(", ")}; load average ${loadavg()[0].toFixed(1)} at end`);
  process.exit(0);
}

// ---- children ------------------------------------------------------------------------------
const { tsImport } = await import("tsx/esm/api");
const load = (file) => tsImport(path.join(root, file), import.meta.url);
const { openDatabase } = await load("lib/db/client.ts");
const ENTRIES = Number(values.entries);
const JURORS = Number(values.jurors);

if (values.step === "seed") {
  if (values.db === "postgres") {
    await admin(`drop database if exists ${DB_NAME} with (force)`);
    await admin(`create database ${DB_NAME}`);
  } else rmSync(dataDir(ENTRIES), { recursive: true, force: true });
  const start = performance.now();
  const handle = await openDatabase(values.db === "postgres" ? { url: databaseUrl() } : { dataDir: dataDir(ENTRIES) });
  const sheets = await seed(handle.db);
  await handle.close();
  console.log(JSON.stringify({ sheets, seconds: (performance.now() - start) / 1000 }));
} else {
  const handle = await openDatabase(values.db === "postgres" ? { url: databaseUrl() } : { dataDir: dataDir(ENTRIES) });
  const result = await measure(handle.db, values.format);
  await handle.close();
  console.log(JSON.stringify(result));
}

/** The jury round of bench/jury.mjs, assigned by the real assignment and scored at random in half points. */
async function seed(db) {
  const schema = await load("lib/db/schema.ts");
  const { seedContest } = await load("lib/db/seed.ts");
  const { getContest } = await load("lib/db/queries/contests.ts");
  const { assignJurors, pairKey } = await load("lib/contest/assignment.ts");
  const RUBRIC = [
    { key: "truthfulness", name: { vi: "Tính chân thực, phát hiện và điển hình", en: "Truthfulness, discovery and typicality" }, maxPoints: 25, weight: 1 },
    { key: "value", name: { vi: "Giá trị tư tưởng và xã hội", en: "Ideological and social value" }, maxPoints: 20, weight: 1 },
    { key: "craft", name: { vi: "Nghệ thuật báo chí", en: "Journalistic craft" }, maxPoints: 20, weight: 1 },
    { key: "impact", name: { vi: "Sức lan tỏa và tác động", en: "Impact and spread" }, maxPoints: 20, weight: 1 },
    { key: "form", name: { vi: "Hình thức trình bày", en: "Presentation" }, maxPoints: 15, weight: 1 },
  ];
  const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
  const MIDDLE = ["Thị", "Văn", "Hữu", "Minh", "Ngọc", "Thu", "Đức", "Thanh"];
  const GIVEN = ["Ánh", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hạnh", "Khoa", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Vy", "Yến"];
  const chunked = async (table, rows, size = 1000) => {
    for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size));
  };

  const contest = await getContest(db, await seedContest(db, new Date()));
  const scenario = juryScenario({ entries: ENTRIES, jurors: JURORS, pairKey });
  const { pairs } = assignJurors({ entries: scenario.entries, jurors: scenario.jurors, jurorsPerEntry: 3, declared: scenario.declared, keep: [] });
  const { rand } = scenario;
  const personName = () => `${FAMILY[rand(FAMILY.length)]} ${MIDDLE[rand(MIDDLE.length)]} ${GIVEN[rand(GIVEN.length)]}`;

  const users = new Map();
  const addUser = (key, role, outlet) => users.set(key, { id: randomUUID(), email: `${key}@bench.lantoa.test`, name: personName(), passwordHash: "bench", role, outlet });
  for (const j of scenario.jurors) addUser(j.id, "juror", j.outlet);
  for (const key of new Set(scenario.entries.flatMap((e) => e.authorIds))) addUser(key, "journalist", "");
  addUser("thu-ky", "secretariat", "");
  await chunked(schema.users, [...users.values()]);

  const entryIds = new Map(scenario.entries.map((e) => [e.id, randomUUID()]));
  const submittedAt = new Date(contest.submissionOpensAt.getTime() + 86400_000);
  await chunked(
    schema.entries,
    scenario.entries.map((e, i) => ({
      id: entryIds.get(e.id),
      contestId: contest.id,
      ownerId: users.get(e.authorIds[0]).id,
      category: e.panel,
      status: "submitted",
      code: `${contest.codePrefix}${contest.year}-${String(i + 1).padStart(5, "0")}`,
      title: `Những người giữ lửa ở bản làng vùng cao, kỳ ${i + 1}`,
      summary: "Chân dung những người tốt, việc tốt.",
      outlet: e.outlet,
      publishedAt: contest.publishedFrom,
      url: `https://example.vn/bai-${i + 1}`,
      length: 1200,
      eligibility: "eligible",
      submittedAt,
    })),
  );
  await chunked(schema.entryAuthors, scenario.entries.map((e) => ({ entryId: entryIds.get(e.id), position: 0, name: users.get(e.authorIds[0]).name, userId: users.get(e.authorIds[0]).id })));
  const [round] = await db
    .insert(schema.rounds)
    .values({ contestId: contest.id, position: 1, name: { vi: "Vòng sơ khảo", en: "Preliminary round" }, status: "closed", jurorsPerEntry: 3, rubric: RUBRIC, blind: true, disagreementThreshold: 20 })
    .returning();
  await chunked(schema.roundJurors, scenario.jurors.map((j) => ({ roundId: round.id, jurorId: users.get(j.id).id, panels: j.panels })));
  await chunked(schema.roundEntries, scenario.entries.map((e) => ({ roundId: round.id, entryId: entryIds.get(e.id) })));
  await chunked(schema.assignments, pairs.map((p) => ({ roundId: round.id, entryId: entryIds.get(p.entryId), jurorId: users.get(p.jurorId).id })));
  const half = (max) => rand(max * 2 + 1) / 2;
  await chunked(
    schema.scores,
    pairs.map((p, i) => ({
      roundId: round.id,
      entryId: entryIds.get(p.entryId),
      jurorId: users.get(p.jurorId).id,
      values: Object.fromEntries(RUBRIC.map((c) => [c.key, half(c.maxPoints)])),
      comment: i % 3 === 0 ? "Tác phẩm phát hiện được nhân vật điển hình, cách kể chân thực, xúc động." : "",
      status: "submitted",
      submittedAt: new Date(submittedAt.getTime() + 30 * 86400_000 + i * 1000),
    })),
  );
  return pairs.length;
}

/** One export of the round's scores, as the route makes it, with its time, CPU and heap peak. */
async function measure(db, format) {
  const { prepareExport, exportResponse } = await load("lib/export/run.ts");
  const { eq } = await import("drizzle-orm");
  const schema = await load("lib/db/schema.ts");
  const ExcelJS = (await import("exceljs")).default;
  const [secretariat] = await db.select().from(schema.users).where(eq(schema.users.role, "secretariat"));
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `export-${values.db}-${ENTRIES}.${format}`);

  global.gc();
  const heapBase = process.memoryUsage().heapUsed;
  let heapPeak = heapBase;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 10);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  // No round given: the route's default, the current contest's latest round.
  const job = await prepareExport(db, secretariat.id, { kind: "scores", format }, "vi");
  await pipeline(Readable.fromWeb(exportResponse(job).body), createWriteStream(file));
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);

  // Read back (not timed): every sheet is in the file.
  let rows = 0;
  if (format === "xlsx") {
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "ignore", styles: "ignore", worksheets: "emit" })) for await (const row of sheet) if (row) rows++;
  } else rows = readFileSync(file, "utf8").split("\r\n").length - 1;
  const bytes = statSync(file).size;
  rmSync(file);
  return { format, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes, rows: rows - 1, heapGrowth: heapPeak - heapBase };
}
