// The secretariat's two heaviest pages at contest scale: 2,000 entries and 6,000 sheets (3 jurors
// per entry; about 5% of the sheets still drafts, so some entries are not ready). For each page,
// the server time of everything it reads and computes, through the application's own functions:
//
// - the entries list: reviewEntries (page 1, newest first; a search; sorted by title), the rounds
//   each row is missing from (roundsMissing), the working round and its pending jurors;
// - the round page's ranking: roundReview (ready entries ranked apart, spread, outliers, jurors'
//   tendencies) with roundDetail and roundProgress, as the page runs them (the sheets still missing
//   come with the review); beside it, the page as it was, which also ran missingSheets;
// - one entry's page: entryDetail.
//
// Each is run 3 times to warm up, then 15 times; the median and the slowest are printed.
// React's rendering of the returned rows is not included.
//
// Usage: node --conditions=react-server bench/secretariat.mjs [--db pglite|postgres] [--entries 2000]
//   --db postgres uses BENCH_DATABASE_URL or TEST_DATABASE_URL: a database lantoa_bench_secretariat
//   is created on that server and dropped afterwards.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { median, outDir, root } from "./lib.mjs";

const { values } = parseArgs({ options: { db: { type: "string", default: "pglite" }, entries: { type: "string", default: "2000" } } });
const ENTRIES = Number(values.entries);
const JURORS = 60;
const PER_ENTRY = 3;
const DB_NAME = "lantoa_bench_secretariat";
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (values.db === "postgres" && !base) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
const admin = async (statement) => {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

const { tsImport } = await import("tsx/esm/api");
const load = (file) => tsImport(path.join(root, file), import.meta.url);
const { openDatabase } = await load("lib/db/client.ts");
const schema = await load("lib/db/schema.ts");
const { seedContest } = await load("lib/db/seed.ts");
const { getContest } = await load("lib/db/queries/contests.ts");
const { reviewEntries } = await load("lib/db/queries/secretariat.ts");
const { roundDetail } = await load("lib/db/queries/secretariat.ts");
const { roundsMissing, workingRound, entryDetail } = await load("lib/db/queries/entry-detail.ts");
const { roundReview, missingSheets, getRound } = await load("lib/db/queries/rounds.ts");
const { roundProgress } = await load("lib/db/queries/scores.ts");
const { DEFAULT_RUBRIC } = await load("lib/contest/scoring.ts");

const dataDir = path.join(outDir, "secretariat-pglite");
let url;
if (values.db === "postgres") {
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const u = new URL(base);
  u.pathname = `/${DB_NAME}`;
  url = u.toString();
} else rmSync(dataDir, { recursive: true, force: true });
const handle = await openDatabase(values.db === "postgres" ? { url } : { dataDir });
const db = handle.db;

let state = 7;
const rand = (n) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
const chunked = async (table, rows, size = 1000) => {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size));
};

const seedStart = performance.now();
const contest = await getContest(db, await seedContest(db, new Date()));
const panels = ["print", "online", "radio", "television", "photo"];
const jurors = Array.from({ length: JURORS }, (_, i) => ({ id: randomUUID(), email: `giamkhao${i}@bench.lantoa.test`, name: `Giám khảo ${i + 1}`, passwordHash: "bench", role: "juror", outlet: "" }));
const authors = Array.from({ length: 800 }, (_, i) => ({ id: randomUUID(), email: `tacgia${i}@bench.lantoa.test`, name: `Tác giả ${i + 1}`, passwordHash: "bench", role: "journalist", outlet: `Báo số ${i % 40}` }));
await chunked(schema.users, [...jurors, ...authors]);
const submittedAt = new Date(contest.submissionOpensAt.getTime() + 86400_000);
const entryRows = Array.from({ length: ENTRIES }, (_, i) => ({
  id: randomUUID(),
  contestId: contest.id,
  ownerId: authors[i % authors.length].id,
  category: panels[i % panels.length],
  status: "submitted",
  code: `${contest.codePrefix}${contest.year}-${String(i + 1).padStart(5, "0")}`,
  title: `Những người giữ lửa ở bản làng vùng cao, kỳ ${i + 1}`,
  summary: "Chân dung những người tốt, việc tốt.",
  outlet: authors[i % authors.length].outlet,
  publishedAt: contest.publishedFrom,
  url: `https://example.vn/bai-${i + 1}`,
  length: 1200,
  eligibility: "eligible",
  submittedAt: new Date(submittedAt.getTime() + i * 60_000),
}));
await chunked(schema.entries, entryRows);
await chunked(schema.entryAuthors, entryRows.map((e, i) => ({ entryId: e.id, position: 0, name: authors[i % authors.length].name, userId: e.ownerId })));
const [round] = await db
  .insert(schema.rounds)
  .values({ contestId: contest.id, position: 1, name: { vi: "Vòng sơ khảo", en: "Preliminary round" }, status: "open", jurorsPerEntry: PER_ENTRY, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20 })
  .returning();
await chunked(schema.roundJurors, jurors.map((j) => ({ roundId: round.id, jurorId: j.id, panels: [] })));
await chunked(schema.roundEntries, entryRows.map((e) => ({ roundId: round.id, entryId: e.id })));
const pairs = entryRows.flatMap((e, i) => Array.from({ length: PER_ENTRY }, (_, k) => ({ roundId: round.id, entryId: e.id, jurorId: jurors[(i * PER_ENTRY + k) % JURORS].id })));
await chunked(schema.assignments, pairs);
const half = (max) => rand(max * 2 + 1) / 2;
await chunked(
  schema.scores,
  pairs.map((p, i) => {
    const draft = rand(100) < 5;
    return { ...p, values: Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, half(c.maxPoints)])), comment: i % 3 === 0 ? "Nhân vật điển hình, cách kể chân thực." : "", status: draft ? "draft" : "submitted", submittedAt: draft ? null : new Date(submittedAt.getTime() + 30 * 86400_000 + i * 1000) };
  }),
);
const seedSeconds = (performance.now() - seedStart) / 1000;

async function time(label, fn) {
  for (let i = 0; i < 3; i++) await fn();
  const ms = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return { label, median: median(ms), max: Math.max(...ms) };
}

const entriesPage = (filter) => async () => {
  const result = await reviewEntries(db, contest.id, filter);
  const ids = result.rows.map((r) => r.id);
  await Promise.all([roundsMissing(db, contest.id, ids), workingRound(db, contest.id, ids)]);
};
const rankingPage = async () => {
  const r = await getRound(db, round.id);
  await Promise.all([roundDetail(db, r.id), roundProgress(db, r), roundReview(db, r)]);
};
const rankingPageBefore = async () => {
  const r = await getRound(db, round.id);
  await Promise.all([roundDetail(db, r.id), roundProgress(db, r), roundReview(db, r), missingSheets(db, r)]);
};
const results = [
  await time("entries list, page 1, newest first", entriesPage({ q: "", page: 1 })),
  await time("entries list, page 50, sorted by title", entriesPage({ q: "", sort: "title", page: 50 })),
  await time("entries list, search “giu lua ky 1999”", entriesPage({ q: "giu lua ky 1999", page: 1 })),
  await time("round page: ranking, progress, people", rankingPage),
  await time("round page as before (+ missingSheets read apart)", rankingPageBefore),
  await time("ranking alone (GET …/ranking)", async () => roundReview(db, await getRound(db, round.id))),
  await time("one entry's page (GET /api/admin/entries/{id})", () => entryDetail(db, entryRows[1234].id)),
];
const review = await roundReview(db, round);
const submitted = pairs.length - (await db.$count(schema.scores, (await import("drizzle-orm")).eq(schema.scores.status, "draft")));
await handle.close();
if (values.db === "postgres") await admin(`drop database if exists ${DB_NAME} with (force)`);
else rmSync(dataDir, { recursive: true, force: true });

console.log(`secretariat pages on ${values.db}: ${ENTRIES} entries, ${pairs.length} sheets (${submitted} submitted), ${review.rows.filter((r) => r.ready).length} entries ready; seeded in ${seedSeconds.toFixed(1)} s; load average ${loadavg()[0].toFixed(1)}`);
console.log("| reads of | median | slowest of 15 |");
console.log("| --- | ---: | ---: |");
for (const r of results) console.log(`| ${r.label} | ${r.median.toFixed(0)} ms | ${r.max.toFixed(0)} ms |`);
process.exit(0);
