import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Meilisearch } from "meilisearch";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "../../lib/db/client";
import * as schema from "../../lib/db/schema";
import { loadEntryDocuments } from "../../lib/search/entry-index";
import { entriesIndex } from "../../lib/search/settings";
import { bucketKeys, createTestBucket, s3Environment, type TestBucket } from "../support/s3";
import { pdf } from "../support/files";

// Two production instances of the build, as docs/deploy.md describes running several: one
// PostgreSQL database (fresh, on TEST_DATABASE_URL's server), one Meilisearch under one index
// prefix, one S3 bucket for the uploads (STORAGE=s3, on the run's s3rver; each instance has a
// DATA_DIR of its own and shares nothing on disk), one AUTH_SECRET. Requests go to the instance
// each test names, so nothing can pass by one instance quietly serving everything.

const root = path.resolve(import.meta.dirname, "../..");
const base = process.env.TEST_DATABASE_URL;
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 12;

test.describe.configure({ mode: "serial" });
test.skip(!base, "needs TEST_DATABASE_URL: both instances share one PostgreSQL (PGlite is one process only)");
test.skip(!process.env.MEILI_HOST, "needs MEILI_HOST: both instances share one Meilisearch (npm test starts one)");
test.skip(!process.env.TEST_S3_ENDPOINT, "needs TEST_S3_ENDPOINT: both instances share one bucket (npm test starts an S3 server)");

type Instance = { name: string; origin: string; child: ChildProcess; log: string };

const run = randomBytes(4).toString("hex");
const dbName = `lantoa_scaleout_${run}`;
const work = path.join(root, "data", `scale-out-${run}`);
const prefix = `${process.env.MEILI_INDEX_PREFIX ?? "test_"}scale${run}_`;
let databaseUrl = "";
let bucket: TestBucket | undefined;
let a: Instance;
let b: Instance;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function start(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const dataDir = path.join(work, name);
  mkdirSync(dataDir, { recursive: true });
  const log = path.join(work, `${name}.log`);
  const out = openSync(log, "a");
  const child = spawn(process.execPath, ["--import", "tsx/esm", "scripts/start.ts", "--port", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    // Its own process group, so stopping it stops `next start` under it too.
    detached: true,
    stdio: ["ignore", out, out],
    // Behind a load balancer, as the tests play one (their X-Forwarded-For is the caller).
    env: { ...process.env, TRUST_PROXY: "1", ...env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const instance = { name, origin: `http://127.0.0.1:${port}`, child, log };
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited with ${child.exitCode}:\n${readFileSync(log, "utf8").slice(-2000)}`);
    const ready = await fetch(`${instance.origin}/api/health/ready`).then((r) => r.status, () => 0);
    if (ready === 200) return instance;
    if (Date.now() > deadline) throw new Error(`instance ${name} not ready after 150 s:\n${readFileSync(log, "utf8").slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stop(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((r) => instance.child.once("exit", r));
  process.kill(-instance.child.pid!, "SIGTERM");
  const timer = setTimeout(() => process.kill(-instance.child.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Each call from its own documentation address, so the per-address counter is the test's to reach. */
const address = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

async function signUp(on: Instance, email: string): Promise<void> {
  const res = await fetch(`${on.origin}/api/account`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address() },
    body: JSON.stringify({ name: "Trần Thị Hai Nơi", email, password: "mat-khau-dung-123", phone: "0912345678", outlet: "Báo Nhân Dân" }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** next-auth's credentials sign-in: a session cookie, or the error message it redirected with. */
async function signIn(on: Instance, email: string, password: string, from = address()): Promise<{ cookie?: string; error?: string }> {
  const csrf = await fetch(`${on.origin}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${on.origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, "x-forwarded-for": from },
    body: new URLSearchParams({ csrfToken, email, password, locale: "en", json: "true" }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("next-auth.session-token="));
  if (cookie) return { cookie };
  const { url } = (await res.json()) as { url: string };
  return { error: new URL(url).searchParams.get("error") ?? url };
}

/** Failed sign-ins against the given instances in turn, until one is refused as too many; returns its number. */
async function attemptsUntilLimited(instances: Instance[], email: (n: number) => string, from: () => string, max: number): Promise<number> {
  for (let n = 1; n <= max; n++) {
    const { cookie, error } = await signIn(instances[(n - 1) % instances.length]!, email(n), "mat-khau-sai-000", from());
    expect(cookie).toBeUndefined();
    // The address limit says "Too many attempts", the (account, address) throttle "Too many failed sign-ins".
    if (error?.startsWith("Too many")) return n;
    expect(error).toBe("The e-mail or password is not correct.");
  }
  return Infinity;
}


async function api(on: Instance, cookie: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { cookie, ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  return fetch(`${on.origin}${url}`, init);
}

async function upload(on: Instance, cookie: string, entryId: string, file: Buffer): Promise<{ id: string; sha256: string }> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)], { type: "application/pdf" }), "bai-bao.pdf");
  const res = await api(on, cookie, "POST", `/api/entries/${entryId}/attachments`, form);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; sha256: string };
}

let shared: Record<string, string>;

test.beforeAll(async () => {
  test.setTimeout(400_000);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  bucket = await createTestBucket("lantoa/");
  await admin(base!, (c) => c.query(`create database ${dbName}`));
  const url = new URL(base!);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
  shared = {
    DATABASE_URL: databaseUrl,
    MEILI_HOST: process.env.MEILI_HOST!,
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? "",
    MEILI_INDEX_PREFIX: prefix,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SITE_URL: "http://127.0.0.1:3000",
    SEARCH_INDEX_ON_START: "0", // the stories index is not under test; spare the two cores
    AUTH_RATE_LIMIT_ACCOUNT: String(ACCOUNT_LIMIT),
    AUTH_RATE_LIMIT_IP: String(ADDRESS_LIMIT),
    LOG_LEVEL: "warn",
    ...s3Environment(bucket.config.bucket, "lantoa/"),
  };
  // A seeds the contest (demo data) and builds the entries index; B starts on what A left.
  a = await start("a", { ...shared, LANTOA_DEMO: "1" });
  b = await start("b", { ...shared, LANTOA_DEMO: "0" });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const instance of [a, b]) if (instance) await testInfo.attach(`instance ${instance.name} log`, { body: readFileSync(instance.log, "utf8").slice(-20_000), contentType: "text/plain" });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await Promise.all([stop(a), stop(b)]);
  if (databaseUrl) await admin(base!, (c) => c.query(`drop database if exists ${dbName} with (force)`));
  await bucket?.dispose();
  rmSync(work, { recursive: true, force: true });
});

test("a session signed in on one instance is valid on the other", async () => {
  const email = `hai-noi.${run}@baomoi.vn`;
  await signUp(a, email);
  const { cookie } = await signIn(a, email, "mat-khau-dung-123");
  expect(cookie).toBeTruthy();

  const created = await api(b, cookie!, "POST", "/api/entries", { category: "print", title: "Viết trên B" });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const read = await api(a, cookie!, "GET", `/api/entries/${id}`);
  expect(read.status).toBe(200);
  expect(((await read.json()) as { title: string }).title).toBe("Viết trên B");
  const listed = (await (await api(b, cookie!, "GET", "/api/entries")).json()) as { entries: { id: string }[] };
  expect(listed.entries.map((e) => e.id)).toEqual([id]);

  // The other instance checks the signature, not just the cookie's presence.
  const forged = cookie!.slice(0, -4) + (cookie!.endsWith("AAAA") ? "BBBB" : "AAAA");
  expect((await api(b, forged, "GET", "/api/entries")).status).toBe(401);
});

test("failed sign-ins spread over both instances trip the limits at the same count as on one", async () => {
  test.setTimeout(120_000); // about forty sign-ins, each a password hash
  const alone = `mot-noi.${run}@baomoi.vn`;
  const spread = `hai-noi-sai.${run}@baomoi.vn`;
  await signUp(a, alone);
  await signUp(b, spread);

  // Per (account, address) pair: the failure that reaches the limit blocks the pair and is answered
  // with the delay, on one instance and alternating between two. Each pair has its own address (outside address()'s range).
  const onOne = await attemptsUntilLimited([a], () => alone, () => "198.51.100.251", 20);
  const onTwo = await attemptsUntilLimited([a, b], () => spread, () => "198.51.100.252", 20);
  expect(onOne).toBe(ACCOUNT_LIMIT);
  expect(onTwo).toBe(onOne);
  // Blocked on both: the right password from that address is refused on either instance until the
  // delay passes; from another address the owner still signs in.
  for (const on of [a, b]) expect((await signIn(on, spread, "mat-khau-dung-123", "198.51.100.252")).error).toMatch(/^Too many failed sign-ins/);
  expect((await signIn(b, spread, "mat-khau-dung-123", "198.51.100.253")).cookie).toBeDefined();

  // Per client address: every attempt counts, whichever instance takes it. Each attempt names
  // another unknown account, so the per-account counter never stops them first.
  const unknown = (tag: string) => (n: number) => `khong-co.${tag}.${n}.${run}@baomoi.vn`;
  const byOne = await attemptsUntilLimited([b], unknown("one"), () => "203.0.113.7", 40);
  const byTwo = await attemptsUntilLimited([a, b], unknown("two"), () => "192.0.2.7", 40);
  expect(byOne).toBe(ADDRESS_LIMIT + 1);
  expect(byTwo).toBe(byOne);
});

test("without a trusted proxy in front, a client's own X-Forwarded-For buys it no fresh attempts", async () => {
  test.setTimeout(240_000); // a third instance, then a dozen sign-ins
  const alone = await start("c", { ...shared, LANTOA_DEMO: "0", TRUST_PROXY: "0" });
  try {
    let forged = 0;
    const unknown = (n: number) => `khong-co.gia-mao.${n}.${run}@baomoi.vn`;
    // Another made-up address on every attempt: the server counts its socket's address instead.
    expect(await attemptsUntilLimited([alone], unknown, () => `198.51.100.${++forged}`, 40)).toBe(ADDRESS_LIMIT + 1);
  } finally {
    await stop(alone);
  }
});

test("an attachment uploaded on one instance downloads byte for byte from the other", async () => {
  const email = `tep.${run}@baomoi.vn`;
  await signUp(b, email);
  const { cookie } = await signIn(b, email, "mat-khau-dung-123");
  const entry = (await (await api(b, cookie!, "POST", "/api/entries", { category: "print", title: "Tệp qua hai nơi" })).json()) as { id: string };
  const file = pdf(2 * 1024 * 1024 + 17);
  const sha256 = createHash("sha256").update(file).digest("hex");
  const stored = await upload(a, cookie!, entry.id, file);
  expect(stored.sha256).toBe(sha256);
  // In the bucket, under the prefix; on neither instance's disk.
  expect(await bucketKeys(bucket!.storage)).toContain(`lantoa/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
  for (const on of [a, b]) expect(((await (await fetch(`${on.origin}/api/health/ready`)).json()) as { storage: unknown }).storage).toEqual({ ok: true, writable: true });
  for (const instance of ["a", "b"]) expect(existsSync(path.join(work, instance, "uploads", sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(false);

  const download = await api(b, cookie!, "GET", `/api/entries/${entry.id}/attachments/${stored.id}`);
  expect(download.status).toBe(200);
  expect(download.headers.get("content-type")).toBe("application/pdf");
  const body = Buffer.from(await download.arrayBuffer());
  expect(body.length).toBe(file.length);
  expect(createHash("sha256").update(body).digest("hex")).toBe(sha256);
});

test("entries written on both instances reach the index once each, and the index matches the database", async () => {
  test.setTimeout(120_000);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const pending = async () => Number((await db.query("select count(*) from search_outbox where processed_at is null")).rows[0].count);
    const waitDrained = async () => {
      const deadline = Date.now() + 60_000;
      while ((await pending()) > 0) {
        expect(Date.now(), "outbox still pending after 60 s").toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    // What A's demo seed queued is drained first, so the rows below are only this test's.
    await waitDrained();
    const watermark = Number((await db.query("select coalesce(max(id), 0) as id from search_outbox")).rows[0].id);

    // Three journalists, two submitted entries each (the contest allows three), written on
    // alternating instances; each entry is then edited on the other instance, and each
    // journalist leaves one draft, which must stay out of the index.
    let writes = 0;
    const sessions: string[] = [];
    for (let j = 0; j < 3; j++) {
      const email = `ghi.${j}.${run}@baomoi.vn`;
      await signUp(a, email);
      sessions.push((await signIn(b, email, "mat-khau-dung-123")).cookie!);
    }
    const contest = (await (await fetch(`${a.origin}/api/contests/current`)).json()) as { publication: { from: string } };
    const submitted: string[] = [];
    for (let i = 0; i < 6; i++) {
      const on = i % 2 ? b : a;
      const other = i % 2 ? a : b;
      const cookie = sessions[i % 3]!;
      const created = await api(on, cookie, "POST", "/api/entries", { category: "print", title: `Bài hai nơi ${i}`, summary: "Viết trên hai máy chủ.", outlet: "Báo Nhân Dân", publishedAt: contest.publication.from, length: 900 }, { "idempotency-key": `create-${i}` });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await upload(on, cookie, id, pdf(40 * 1024));
      expect((await api(on, cookie, "POST", `/api/entries/${id}/submit`, undefined, { "idempotency-key": `submit-${i}` })).status).toBe(200);
      expect((await api(other, cookie, "PATCH", `/api/entries/${id}`, { title: `Bài hai nơi ${i}, sửa trên ${other.name}` })).status).toBe(200);
      submitted.push(id);
      writes += 4;
    }
    for (let j = 0; j < 3; j++) {
      expect((await api(j % 2 ? a : b, sessions[j]!, "POST", "/api/entries", { category: "radio", title: `Bản nháp ${j}` })).status).toBe(201);
      writes += 1;
    }
    await waitDrained();

    // Every write left one row, and every row was marked done by exactly one drain: attempts
    // counts every drain that claimed it, so a second delivery would read 2 with no failure
    // recorded. (A drain that failed — Meilisearch slower than the task timeout on a busy
    // machine — records last_error, and its row is sent again: at-least-once, by design.)
    const rows = (await db.query("select id, entity_id, attempts, processed_at, last_error from search_outbox where id > $1 order by id", [watermark])).rows as { attempts: number; processed_at: Date | null; last_error: string | null }[];
    expect(rows).toHaveLength(writes);
    expect(rows.filter((r) => r.processed_at === null || (r.attempts !== 1 && !r.last_error))).toEqual([]);
    const retried = rows.filter((r) => r.attempts !== 1);
    if (retried.length) test.info().annotations.push({ type: "outbox retries", description: JSON.stringify(retried) });

    // The index holds exactly what the database says, field for field (every displayed field).
    const fields = entriesIndex.settings.displayedAttributes as string[];
    const pick = (doc: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, doc[f] ?? null]));
    const expected = (await loadEntryDocuments(drizzle({ client: db, schema }) as unknown as Db)).map(pick);
    const meili = new Meilisearch({ host: process.env.MEILI_HOST!, apiKey: process.env.MEILI_MASTER_KEY || undefined });
    const { results } = await meili.index(`${prefix}${entriesIndex.name}`).getDocuments({ limit: 1000 });
    const actual = results.map((d) => pick(d as Record<string, unknown>)).sort((x, y) => String(x.id).localeCompare(String(y.id)));
    expect(actual).toEqual([...expected].sort((x, y) => String(x.id).localeCompare(String(y.id))));
    for (const id of submitted) expect(actual.find((d) => d.id === id)?.title).toMatch(/, sửa trên [ab]$/);
  } finally {
    await db.end();
  }
});
