// Backups and restores (PGlite): a snapshot taken while journalists keep writing holds every entry
// and file acknowledged before it began; it restores only into an empty DATA_DIR, every file's
// SHA-256 checked; `npm run backup` refuses while another process holds the embedded database.
// With STORAGE=s3 the files are copied out of the bucket with their checksums and restored into an
// empty one (s3rver, started by scripts/test.mjs); PostgreSQL too when TEST_DATABASE_URL is set.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import { installDatabase, openDatabase, type DatabaseHandle, type Db } from "@/lib/db/client";
import { seedContest } from "@/lib/db/seed";
import { attachments, entries } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { createBackup, restoreBackup, sha256File } from "@/lib/backup/backup";
import { s3UploadsBackup } from "@/lib/backup/s3";
import { useStorage } from "@/lib/storage";
import { call } from "../support/api";
import { openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";
import { bucketKeys, createTestBucket, s3Environment, storageKinds, type TestBucket } from "../support/s3";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const script = (name: string, args: string[], dataDir: string, env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx/esm", path.join(root, "scripts", name), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

type Written = { entryId: string; attachmentId: string; sha256: string };

const blob = (dataDir: string, sha256: string) => path.join(dataDir, "uploads", sha256.slice(0, 2), sha256.slice(2, 4), sha256);

async function contents(db: Db) {
  return {
    entries: new Set((await db.select({ id: entries.id }).from(entries)).map((r) => r.id)),
    attachments: await db.select({ id: attachments.id, sha256: attachments.sha256, size: attachments.size }).from(attachments),
  };
}

/** Creates an entry with one attachment through the route handlers, as a journalist would. */
async function write(db: Db, seed: number): Promise<Written> {
  const author = await makeUser(db);
  const entry = await call("POST", "/api/entries", { as: author.id, json: await completeEntry(db) });
  expect(entry.status).toBe(201);
  const upload = await call("POST", `/api/entries/${entry.body.id}/attachments`, { as: author.id, body: form(pdf(4096 + seed)) });
  expect(upload.status).toBe(201);
  return { entryId: entry.body.id, attachmentId: upload.body.id, sha256: upload.body.sha256 };
}

/** Writes until stopped; `during` fills with what was acknowledged. */
function keepWriting(db: Db) {
  let stop = false;
  const during: Written[] = [];
  const done = (async () => {
    for (let i = 100; !stop; i++) during.push(await write(db, i));
  })();
  const waitFor = async (count: number) => {
    while (during.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { during, waitFor, stop: async () => ((stop = true), await done) };
}

describe("backup and restore on pglite", () => {
  let scratch: string;
  let live: DatabaseHandle;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "lantoa-backup-"));
    live = await openDatabase({ dataDir: path.join(scratch, "live", "db") });
    installDatabase(live);
    await seedContest(live.db, new Date());
  });
  afterAll(async () => {
    await live.close().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  });

  it("snapshots while writes continue and restores every record and file acknowledged before it", async () => {
    const acknowledged: Written[] = [];
    for (let i = 0; i < 4; i++) acknowledged.push(await write(live.db, i));

    const writer = keepWriting(live.db);
    const { during } = writer;
    await writer.waitFor(2);

    const before = [...acknowledged, ...during];
    const writtenBefore = during.length;
    const { folder, manifest } = await createBackup({
      database: { kind: "pglite", client: (live.db as unknown as { $client: PGlite }).$client },
      uploadsDir: path.join(env.DATA_DIR, "uploads"),
      backupsDir: path.join(scratch, "backups"),
    });
    // Let the writer finish at least one more write after the snapshot, then stop it.
    await writer.waitFor(during.length + 1);
    await writer.stop();
    expect(during.length).toBeGreaterThan(writtenBefore);

    expect(path.basename(folder)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/);
    expect(await readdir(path.join(scratch, "backups"))).toEqual([path.basename(folder)]);
    expect(manifest).toMatchObject({ format: "lantoa-backup/1", database: { kind: "pglite", file: "database/pglite.tar.gz" } });
    expect(manifest.uploads.count).toBeGreaterThanOrEqual(before.length);
    expect(manifest.uploads.linked + manifest.uploads.copied).toBe(manifest.uploads.count);
    expect((await sha256File(path.join(folder, manifest.database.file))).sha256).toBe(manifest.database.sha256);

    const restoredDir = path.join(scratch, "restored");
    const restored = await restoreBackup({ folder, dataDir: restoredDir });
    expect(restored.files).toBe(manifest.uploads.count);

    const copy = await openDatabase({ dataDir: path.join(restoredDir, "db") });
    try {
      const found = await contents(copy.db);
      for (const written of before) {
        expect(found.entries.has(written.entryId)).toBe(true);
        expect(found.attachments.find((a) => a.id === written.attachmentId)?.sha256).toBe(written.sha256);
      }
      // Every attachment in the restored database has its file, intact.
      for (const attachment of found.attachments) {
        expect(await sha256File(blob(restoredDir, attachment.sha256))).toEqual({ sha256: attachment.sha256, size: attachment.size });
      }
      // The restored database is a working one: it takes new writes.
      const [first] = await copy.db.select().from(entries).where(eq(entries.id, before[0]!.entryId));
      expect(first!.title).toBe("Người thầy bản Mông");
    } finally {
      await copy.close();
    }

    // Refusals: a data directory that is not empty, named in the message; a damaged file.
    await expect(restoreBackup({ folder, dataDir: path.join(scratch, "live") })).rejects.toThrow(`${path.join(scratch, "live")} is not empty`);
    const damaged = path.join(scratch, "damaged-backup");
    await cp(folder, damaged, { recursive: true });
    await writeFile(blob(damaged, before[0]!.sha256), pdf(4096, "tampered"));
    await expect(restoreBackup({ folder: damaged, dataDir: path.join(scratch, "from-damaged") })).rejects.toThrow(/is damaged: expected SHA-256/);
    expect(existsSync(path.join(scratch, "from-damaged"))).toBe(false);
    // Damaging the copy left the original backup (hard links into uploads) untouched.
    expect((await sha256File(blob(folder, before[0]!.sha256))).sha256).toBe(before[0]!.sha256);
  }, 120_000);

  it("npm run backup refuses while another process holds the database, then backs up; npm run restore", async () => {
    const dataDir = path.join(scratch, "restored");
    const held = await openDatabase({ dataDir: path.join(dataDir, "db") });
    let counts: { entries: number; attachments: number };
    try {
      const found = await contents(held.db);
      counts = { entries: found.entries.size, attachments: found.attachments.length };
      const refused = await script("backup.ts", [], dataDir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is open in process ${process.pid}`);
    } finally {
      await held.close();
    }

    const made = await script("backup.ts", [], dataDir);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    const folder = /^backup: (.+)$/m.exec(made.stdout)![1]!;
    expect(folder.startsWith(path.join(dataDir, "backups"))).toBe(true);

    const target = path.join(scratch, "cli-restored");
    const restored = await script("restore.ts", [folder], target);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("every SHA-256 verified");
    const again = await script("restore.ts", [folder], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${target} is not empty`);

    const copy = await openDatabase({ dataDir: path.join(target, "db") });
    try {
      const found = await contents(copy.db);
      expect({ entries: found.entries.size, attachments: found.attachments.length }).toEqual(counts!);
      for (const attachment of found.attachments) expect((await sha256File(blob(target, attachment.sha256))).sha256).toBe(attachment.sha256);
    } finally {
      await copy.close();
    }
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)("backup and restore on postgres", () => {
  let scratch: string;
  let database: TestDatabase;
  const emptyName = `lantoa_restore_${randomBytes(6).toString("hex")}`;
  const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  const emptyUrl = () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${emptyName}`;
    return url.toString();
  };

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "lantoa-backup-pg-"));
    database = await openTestDatabase("postgres");
    await seedContest(database.db, new Date());
    const client = admin();
    await client.connect();
    await client.query(`create database ${emptyName}`);
    await client.end();
  });
  afterAll(async () => {
    await database.dispose();
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${emptyName} with (force)`);
    await client.end();
    await rm(scratch, { recursive: true, force: true });
  });

  it("pg_dump while writes continue; pg_restore into an empty database finds every acknowledged record and file", async () => {
    const acknowledged: Written[] = [];
    for (let i = 0; i < 4; i++) acknowledged.push(await write(database.db, i));
    const writer = keepWriting(database.db);
    await writer.waitFor(2);
    const before = [...acknowledged, ...writer.during];
    const { folder, manifest } = await createBackup({ database: { kind: "postgres", url: database.url! }, uploadsDir: path.join(env.DATA_DIR, "uploads"), backupsDir: path.join(scratch, "backups") });
    await writer.waitFor(writer.during.length + 1);
    await writer.stop();
    expect(manifest.database).toMatchObject({ kind: "postgres", file: "database/postgres.dump" });

    await expect(restoreBackup({ folder, dataDir: path.join(scratch, "restored") })).rejects.toThrow(/set DATABASE_URL/);
    await restoreBackup({ folder, dataDir: path.join(scratch, "restored"), databaseUrl: emptyUrl() });
    const copy = await openDatabase({ url: emptyUrl() });
    try {
      const found = await contents(copy.db);
      for (const written of before) {
        expect(found.entries.has(written.entryId)).toBe(true);
        expect(found.attachments.find((a) => a.id === written.attachmentId)?.sha256).toBe(written.sha256);
      }
      for (const attachment of found.attachments) {
        expect(await sha256File(blob(path.join(scratch, "restored"), attachment.sha256))).toEqual({ sha256: attachment.sha256, size: attachment.size });
      }
    } finally {
      await copy.close();
    }
    await expect(restoreBackup({ folder, dataDir: path.join(scratch, "again"), databaseUrl: emptyUrl() })).rejects.toThrow(/already holds \d+ tables/);
    expect(existsSync(path.join(scratch, "again"))).toBe(false);
  }, 120_000);
});

describe.runIf(storageKinds.includes("s3"))("backup and restore with STORAGE=s3", () => {
  let scratch: string;
  let live: DatabaseHandle;
  const buckets: TestBucket[] = [];
  const bucket = async () => {
    const made = await createTestBucket();
    buckets.push(made);
    return made;
  };
  const sha256s = async (b: TestBucket) => (await bucketKeys(b.storage)).map((key) => path.basename(key));

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "lantoa-backup-s3-"));
    live = await openDatabase({ dataDir: path.join(scratch, "live", "db") });
    installDatabase(live);
    await seedContest(live.db, new Date());
  });
  afterAll(async () => {
    useStorage(undefined);
    await live.close().catch(() => undefined);
    for (const b of buckets) await b.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  it("copies every object out of the bucket with its checksum while writes continue, and restores into an empty bucket", async () => {
    const source = await bucket();
    useStorage(source.storage);
    const acknowledged: Written[] = [];
    for (let i = 0; i < 4; i++) acknowledged.push(await write(live.db, i));
    const writer = keepWriting(live.db);
    await writer.waitFor(2);
    const before = [...acknowledged, ...writer.during];
    const { folder, manifest } = await createBackup({
      database: { kind: "pglite", client: (live.db as unknown as { $client: PGlite }).$client },
      uploadsDir: path.join(scratch, "no-uploads-here"),
      blobs: s3UploadsBackup(source.storage),
      backupsDir: path.join(scratch, "backups"),
    });
    await writer.waitFor(writer.during.length + 1);
    await writer.stop();

    expect(manifest.uploads).toMatchObject({ storage: "s3", linked: 0 });
    expect(manifest.uploads.copied).toBe(manifest.uploads.count);
    expect(manifest.uploads.count).toBeGreaterThanOrEqual(before.length);
    for (const written of before) expect((await sha256File(blob(folder, written.sha256))).sha256).toBe(written.sha256);

    // Into an empty bucket: every object back under its hash, nothing under DATA_DIR/uploads.
    const target = await bucket();
    const restoredDir = path.join(scratch, "restored");
    const restored = await restoreBackup({ folder, dataDir: restoredDir, blobs: s3UploadsBackup(target.storage) });
    expect(restored.files).toBe(manifest.uploads.count);
    expect(existsSync(path.join(restoredDir, "uploads"))).toBe(false);
    const copy = await openDatabase({ dataDir: path.join(restoredDir, "db") });
    try {
      const found = await contents(copy.db);
      for (const written of before) expect(found.attachments.find((a) => a.id === written.attachmentId)?.sha256).toBe(written.sha256);
      for (const attachment of found.attachments) {
        const file = await target.storage.open(attachment.sha256);
        expect(file?.size).toBe(attachment.size);
        const bytes = Buffer.from(await new Response(file!.stream).arrayBuffer());
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(attachment.sha256);
      }
    } finally {
      await copy.close();
    }
    // Exactly the files of the backup; the source bucket holds those and what was written after.
    expect((await sha256s(target)).sort()).toEqual(await readdirSorted(folder));
    expect(await sha256s(source)).toEqual(expect.arrayContaining(await sha256s(target)));

    // Refusals: a bucket that is not empty; a damaged file, after which the bucket is empty again.
    await expect(restoreBackup({ folder, dataDir: path.join(scratch, "again"), blobs: s3UploadsBackup(target.storage) })).rejects.toThrow(`s3://${target.config.bucket}/ is not empty`);
    expect(existsSync(path.join(scratch, "again"))).toBe(false);
    const damaged = path.join(scratch, "damaged-backup");
    await cp(folder, damaged, { recursive: true });
    const last = (await readdirSorted(folder)).at(-1)!;
    await writeFile(blob(damaged, last), pdf(4096, "tampered"));
    const empty = await bucket();
    await expect(restoreBackup({ folder: damaged, dataDir: path.join(scratch, "from-damaged"), blobs: s3UploadsBackup(empty.storage) })).rejects.toThrow(/is damaged: expected SHA-256/);
    expect(await bucketKeys(empty.storage)).toEqual([]);
    expect(existsSync(path.join(scratch, "from-damaged"))).toBe(false);
  }, 120_000);

  it("npm run backup and npm run restore read and fill the bucket STORAGE=s3 names", async () => {
    const dataDir = path.join(scratch, "restored");
    const source = buckets[1]!; // the bucket the first test restored into, which goes with this DATA_DIR
    const made = await script("backup.ts", [], dataDir, s3Environment(source.config.bucket));
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`from s3://${source.config.bucket}/`);
    const folder = /^backup: (.+)$/m.exec(made.stdout)![1]!;

    const target = await bucket();
    const into = path.join(scratch, "cli-restored");
    const restored = await script("restore.ts", [folder], into, s3Environment(target.config.bucket));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`into s3://${target.config.bucket}/, every SHA-256 verified`);
    expect(await sha256s(target)).toEqual(await sha256s(source));
    // The bucket now holds files: a second restore into it is refused, with the bucket named.
    const again = await script("restore.ts", [folder], path.join(scratch, "cli-again"), s3Environment(target.config.bucket));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`restore: s3://${target.config.bucket}/ is not empty`);
  }, 120_000);
});

/** The SHA-256 of every file in a backup folder, sorted. */
async function readdirSorted(folder: string): Promise<string[]> {
  return (JSON.parse(await readFile(path.join(folder, "uploads.json"), "utf8")) as { sha256: string }[]).map((f) => f.sha256).sort();
}
