// Fault drill: the server dies (SIGKILL) in the middle of the deadline rush.
//
// N journalists submit continuously — each creates an entry, uploads a small PDF and submits,
// then the next entry, up to the contest's limit of three — with an Idempotency-Key on every
// write. At a random moment the whole server process group gets SIGKILL; it is started again at
// once on the same port and data, and the clients retry every interrupted request with the
// same key (and the same bytes). Afterwards the server is stopped and the record checked:
//   - every submission a client saw acknowledged is there once, submitted, with the code it was
//     told and exactly one attachment whose stored file hashes to the client's SHA-256;
//   - every journalist has exactly as many entries as create keys it used (no retry doubled one);
//   - nothing half-written: no submitted entry without a code or a file, no idempotency key
//     claimed without its response, entry codes gapless;
//   - nothing orphaned: every stored file is named by an attachment, no temporary file is left.
// Prints the figures as JSON; exits 1 when a property fails.
//
// Usage: node bench/drills/crash-rush.mjs [--db pglite|postgres] [--users 100] [--kb 64]
//          [--kills 1] [--dir .]
//   --db postgres: a fresh database on BENCH_DATABASE_URL or TEST_DATABASE_URL (dropped after).
//   The kill comes once a random share (10–80 %) of all submissions has been acknowledged, plus
//   up to a second, so it lands mid-rush however fast the machine is; each further kill later.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, freePort, journalist, multipart, ownMeilisearch, pct, pdf, query, requireBuild, retrying, root, runDir, sha256, sleep, startApp, storedFiles } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    users: { type: "string", default: "100" },
    kb: { type: "string", default: "64" },
    kills: { type: "string", default: "1" },
    dir: { type: "string", default: root },
  },
});
const USERS = Number(values.users);
const ROUNDS = 3; // the demo contest's entry limit per author
const dir = path.resolve(values.dir);
requireBuild(dir);

const out = runDir(`crash-${values.db}`);
const dataDir = path.join(out, "data");
const log = path.join(out, "server.log");
let database;
if (values.db === "postgres") {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL");
  database = await createDatabase(base, "lantoa_crash");
}
// Meilisearch runs apart from the app, so the kill takes only the app.
const meili = await ownMeilisearch({ dataDir: path.join(out, "meili"), port: await freePort() });
const port = await freePort();
const env = {
  DATA_DIR: dataDir,
  DATABASE_URL: database?.url ?? "",
  MEILI_HOST: meili.host,
  MEILI_MASTER_KEY: meili.masterKey ?? "",
  MEILI_INDEX_PREFIX: `crash_${randomBytes(3).toString("hex")}_`,
  SEARCH_INDEX_ON_START: "0",
  LANTOA_DEMO: "1",
  AUTH_SECRET: randomBytes(32).toString("hex"),
  AUTH_RATE_LIMIT_IP: "1000000", // every simulated journalist comes from 127.0.0.1
};

let app = await startApp({ dir, port, env, log });
const origin = app.origin;
const firstStart = app.readySeconds;

// ---- preparation (not part of the rush) ------------------------------------------------
const contest = await (await fetch(`${origin}/api/contests/current`)).json();
const run = randomBytes(3).toString("hex");
const journalists = [];
for (let i = 0; i < USERS; i += 20) {
  journalists.push(...(await Promise.all(Array.from({ length: Math.min(20, USERS - i) }, async (_, k) => {
    const email = `crash${i + k}.${run}@drill.vn`;
    return { i: i + k, email, cookie: await journalist(origin, email) };
  }))));
}

// ---- the rush, with the killer beside it --------------------------------------------------
let inFlight = 0;
let networkErrors = 0;
let serverErrors = 0;
const statusDuringCrash = {};
const acknowledged = [];
const failures = [];
const stepMs = [];
let crashing = false;
let killedAt = null;
let servedAgainAt = null;

function track(send) {
  return async () => {
    inFlight++;
    try {
      return await send();
    } finally {
      inFlight--;
    }
  };
}
const observe = (res, error) => {
  if (crashing && res && res.status < 300 && killedAt !== null) {
    servedAgainAt = performance.now();
    crashing = false;
  }
  if (error) networkErrors++;
  else if (res.status >= 500) serverErrors++;
  if (crashing) {
    const k = error ? `network: ${error.cause?.code ?? error.message}` : String(res.status);
    statusDuringCrash[k] = (statusDuringCrash[k] ?? 0) + 1;
  }
};

async function journey({ i, email, cookie }) {
  for (let k = 0; k < ROUNDS; k++) {
    const file = pdf(Number(values.kb) * 1024, `${run} ${i} ${k}`);
    const hash = sha256(file);
    const t0 = performance.now();
    const create = await retrying(track(() => fetch(`${origin}/api/entries`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "idempotency-key": `create-${i}-${k}` },
      body: JSON.stringify({ category: "print", title: `Bài diễn tập ${i}.${k}`, summary: "Nộp giữa lúc máy chủ sập.", outlet: "Báo Diễn Tập", publishedAt: contest.publication.from, length: 800 }),
    })), { onAttempt: observe });
    if (create.res?.status !== 201) return failures.push(`${email} create ${k}: ${create.res?.status ?? create.error?.message} ${JSON.stringify(create.res?.body)}`);
    const entry = create.res.body;
    // The upload route dedupes by content (the same bytes on the same entry are recorded once),
    // so resending the same file is its idempotent retry; the key is sent for uniformity.
    const upload = await retrying(track(() => fetch(`${origin}/api/entries/${entry.id}/attachments`, { method: "POST", headers: { cookie, "idempotency-key": `upload-${i}-${k}` }, body: multipart(file) })), { onAttempt: observe });
    if (upload.res?.status !== 201 && upload.res?.status !== 200) return failures.push(`${email} upload ${k}: ${upload.res?.status ?? upload.error?.message} ${JSON.stringify(upload.res?.body)}`);
    const attachment = upload.res.body;
    if (attachment.sha256 !== hash) return failures.push(`${email} upload ${k}: server hashed ${attachment.sha256}`);
    const submit = await retrying(track(() => fetch(`${origin}/api/entries/${entry.id}/submit`, { method: "POST", headers: { cookie, "idempotency-key": `submit-${i}-${k}` } })), { onAttempt: observe });
    if (submit.res?.status !== 200) return failures.push(`${email} submit ${k}: ${submit.res?.status ?? submit.error?.message} ${JSON.stringify(submit.res?.body)}`);
    const done = submit.res.body;
    acknowledged.push({ id: entry.id, code: done.code, sha256: hash, email, at: performance.now() });
    stepMs.push(performance.now() - t0);
  }
}

const started = performance.now();
const kills = [];
let rushOver = false;
const targets = Array.from({ length: Number(values.kills) }, () => Math.floor(USERS * ROUNDS * (0.1 + 0.7 * Math.random()))).sort((x, y) => x - y);
const killer = (async () => {
  for (const target of targets) {
    while (acknowledged.length < target && !rushOver) await sleep(20);
    await sleep(Math.random() * 1000);
    if (rushOver) return;
    const at = (performance.now() - started) / 1000;
    const inFlightAtKill = inFlight;
    const acknowledgedBefore = acknowledged.length;
    killedAt = performance.now();
    servedAgainAt = null;
    crashing = true;
    app.signal("SIGKILL");
    await app.exited;
    // What the killed process left half-done on disk, before the new one starts.
    const temporaryFilesAtKill = storedFiles(path.join(dataDir, "uploads")).temp.length;
    const t = performance.now();
    app = await startApp({ dir, port, env, log });
    const readySeconds = (performance.now() - t) / 1000;
    while (servedAgainAt === null && !rushOver) await sleep(20);
    kills.push({
      atSecond: Number(at.toFixed(1)),
      inFlightAtKill,
      acknowledgedBefore,
      temporaryFilesAtKill,
      // Until a client's retried request succeeds again; readiness lags behind on a flooded server.
      restartToServedSeconds: servedAgainAt === null ? null : Number(((servedAgainAt - t) / 1000).toFixed(1)),
      restartToReadySeconds: Number(readySeconds.toFixed(1)),
    });
  }
})();
await Promise.all(journalists.map(journey));
rushOver = true;
const seconds = (performance.now() - started) / 1000;
await killer;
await app.stop();
await meili.stop();

// ---- the record -----------------------------------------------------------------------------
const db = { url: database?.url, dataDir };
const rows = await query(db, `select e.id, e.code, e.status, e.contest_id as "contestId", u.email,
    coalesce((select json_agg(json_build_object('sha256', a.sha256, 'size', a.size)) from attachments a where a.entry_id = e.id), '[]'::json) as files
  from entries e join users u on u.id = e.owner_id`);
const keys = await query(db, `select k.key, k.status_code as "statusCode", u.email from idempotency_keys k join users u on u.id = k.user_id`);
const attachmentHashes = new Set((await query(db, "select sha256 from attachments")).map((r) => r.sha256));
const { files, temp } = storedFiles(path.join(dataDir, "uploads"));
const stored = new Map(files.map((f) => [f.sha256, f]));
await database?.drop();

const problems = [];
const byId = new Map(rows.map((r) => [r.id, r]));
for (const ack of acknowledged) {
  const row = byId.get(ack.id);
  const list = typeof row?.files === "string" ? JSON.parse(row.files) : row?.files;
  if (!row) problems.push(`${ack.code}: acknowledged but missing`);
  else if (row.status !== "submitted" || row.code !== ack.code) problems.push(`${ack.code}: is ${row.status} ${row.code}`);
  else if (list.length !== 1 || list[0].sha256 !== ack.sha256) problems.push(`${ack.code}: attachments ${JSON.stringify(list)}`);
  else if (stored.get(ack.sha256)?.actual !== ack.sha256) problems.push(`${ack.code}: stored file missing or altered`);
}
const rushEmails = new Set(journalists.map((j) => j.email));
const perJournalist = new Map();
for (const r of rows) if (rushEmails.has(r.email)) perJournalist.set(r.email, (perJournalist.get(r.email) ?? 0) + 1);
const createKeys = new Map();
for (const k of keys) if (rushEmails.has(k.email) && k.key.startsWith("create-")) createKeys.set(k.email, (createKeys.get(k.email) ?? 0) + 1);
const doubled = [...perJournalist].filter(([email, n]) => n !== (createKeys.get(email) ?? 0));
const halfWritten = rows.filter((r) => {
  if (!rushEmails.has(r.email)) return false; // the demo seed's entries are not the drill's
  const list = typeof r.files === "string" ? JSON.parse(r.files) : r.files;
  return (r.status === "submitted" && (!r.code || list.length === 0)) || (r.status === "draft" && r.code);
});
const claimedWithoutResponse = keys.filter((k) => k.statusCode === 0);
const codeGaps = [];
const byContest = new Map();
for (const r of rows) if (r.code) byContest.set(r.code.replace(/\d+$/, ""), [...(byContest.get(r.code.replace(/\d+$/, "")) ?? []), Number(/\d+$/.exec(r.code)[0])]);
for (const [prefix, numbers] of byContest) {
  numbers.sort((a, b) => a - b);
  numbers.forEach((n, i) => n !== i + 1 && codeGaps.push(`${prefix}${n} at position ${i + 1}`));
}
const orphans = files.filter((f) => !attachmentHashes.has(f.sha256));
const corrupt = files.filter((f) => f.actual !== f.sha256);
const missingFiles = [...attachmentHashes].filter((h) => !stored.has(h));

const result = {
  drill: "crash during the rush",
  database: values.db,
  journalists: USERS,
  fileKb: Number(values.kb),
  firstStartSeconds: Number(firstStart.toFixed(1)),
  kills,
  rushSeconds: Number(seconds.toFixed(1)),
  acknowledged: acknowledged.length,
  expected: USERS * ROUNDS,
  clientFailures: failures.length,
  retried: { networkErrors, serverErrors, duringCrash: statusDuringCrash },
  entryMs: { p50: pct(stepMs, 50), p95: pct(stepMs, 95), max: pct(stepMs, 100) },
  verify: {
    acknowledgedProblems: problems.length,
    journalistsWithExtraEntries: doubled.length,
    halfWrittenEntries: halfWritten.length,
    keysClaimedWithoutResponse: claimedWithoutResponse.length,
    codeGaps: codeGaps.length,
    storedFiles: files.length,
    orphanedFiles: orphans.length,
    corruptFiles: corrupt.length,
    attachmentsWithoutFile: missingFiles.length,
    temporaryFilesLeft: temp.length,
  },
  output: out,
};
console.log(JSON.stringify(result, null, 2));
for (const [label, list] of [["failures", failures], ["problems", problems], ["doubled", doubled], ["half-written", halfWritten], ["code gaps", codeGaps], ["orphans", orphans], ["temporary", temp]]) {
  if (list.length) console.log(`${label}:`, list.slice(0, 5));
}
const failed = failures.length || problems.length || doubled.length || halfWritten.length || claimedWithoutResponse.length || codeGaps.length || orphans.length || corrupt.length || missingFiles.length || temp.length || acknowledged.length !== USERS * ROUNDS || kills.length !== Number(values.kills);
process.exit(failed ? 1 : 0);
