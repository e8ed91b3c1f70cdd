// Backups and restores of the record: the database and the uploaded files. The npm scripts
// (scripts/backup.ts, scripts/restore.ts) and the tests share this one implementation.
//
// A backup folder holds
//   database/pglite.tar.gz   PGlite's own data-folder dump (dumpDataDir), or
//   database/postgres.dump   pg_dump --format=custom
//   uploads/ab/cd/<sha256>   every stored file (hard links when on the same filesystem: files are
//                            content-addressed and never changed in place, so a link is a copy)
//   uploads.json             [{ sha256, size }] for every file
//   auth-secret              when DATA_DIR held a generated one (sessions stay valid after a restore)
//   manifest.json            format, time, database kind, counts, sizes and SHA-256 of everything above
// It is written under a ".partial" name and renamed when complete, so a folder without that suffix
// is always a whole backup.
//
// Consistency: the database is snapshotted FIRST, the uploads listed AFTER. A file is committed to
// storage before the row that names it is inserted, and files are never deleted, so every
// attachment in the snapshot has its file in the backup (files uploaded later are extra, harmless).
//
// Uploads in an S3 bucket (STORAGE=s3) come and go through the `blobs` option (lib/backup/s3.ts):
// same layout and checksums, so a backup of either store restores into either.
import type { PGlite, PGliteOptions } from "@electric-sql/pglite";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile, chmod } from "node:fs/promises";
import path from "node:path";
import type { UploadsBackup } from "./s3";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

export const BACKUP_FORMAT = "lantoa-backup/1";
const SHA256 = /^[0-9a-f]{64}$/;

/** A file's SHA-256 (hex) and size in bytes. */
export type FileDigest = { sha256: string; size: number };

/** What manifest.json records about a backup. */
export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  name: string;
  startedAt: string;
  snapshotAt: string;
  finishedAt: string;
  database: { kind: "pglite" | "postgres"; file: string; size: number; sha256: string };
  uploads: { storage: "local" | "s3"; count: number; bytes: number; linked: number; copied: number; manifest: string; manifestSha256: string };
  authSecret: { file: string; sha256: string } | null;
};

export type BackupDatabase = { kind: "pglite"; client: PGlite } | { kind: "postgres"; url: string };

/** A named failure the scripts print as is (no stack trace). */
export class BackupError extends Error {}

export async function sha256File(file: string): Promise<FileDigest> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** "2026-11-23T06-41-07.123Z": an ISO 8601 date-time with the colons a file name cannot always hold. */
export function backupName(date = new Date()): string {
  return date.toISOString().replace(/:/g, "-");
}

/**
 * Writes a snapshot of a live PGlite instance: checkpoints (so the restored copy has little WAL to
 * replay), then waits for the transaction in flight to end (PGlite runs one at a time, and none
 * starts until the dump is taken) and dumps the data folder, so the dump holds every transaction
 * committed before it and none half-done. Writers wait for the dump (a second or two).
 */
export async function snapshotPglite(client: PGlite, file: string): Promise<FileDigest> {
  await client.exec("CHECKPOINT");
  // query() and exec() take the same transaction lock, so nothing may run inside this callback but the dump.
  const take = () => client.dumpDataDir("gzip");
  const exclusive = client as PGlite & { _runExclusiveTransaction?: <T>(fn: () => Promise<T>) => Promise<T> };
  const blob = typeof exclusive._runExclusiveTransaction === "function" ? await exclusive._runExclusiveTransaction(take) : await take();
  const bytes = Buffer.from(await blob.arrayBuffer());
  await writeFile(file, bytes);
  return { sha256: sha256Of(bytes), size: bytes.length };
}

function run(command: string, args: string[], { env }: { env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: env ?? process.env });
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new BackupError(`${command} is not on PATH: install the PostgreSQL client tools (the same major version as the server or newer)`) : error));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`))));
  });
}

/** pg_dump's custom format: one transaction (a consistent snapshot) while the app keeps writing. */
export async function snapshotPostgres(url: string, file: string): Promise<FileDigest> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`]);
  return sha256File(file);
}

/** Every stored file under root/ab/cd/<sha256> (the staging folder root/tmp is skipped). */
async function listUploads(root: string): Promise<string[]> {
  const found: string[] = [];
  const dirs = async (dir: string) => (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name)).map((d) => d.name);
  for (const a of await dirs(root)) {
    for (const b of await dirs(path.join(root, a))) {
      for (const entry of await readdir(path.join(root, a, b), { withFileTypes: true })) {
        if (entry.isFile() && SHA256.test(entry.name) && entry.name.startsWith(a + b)) found.push(entry.name);
      }
    }
  }
  return found.sort();
}

const blobPath = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** Hard-links (or, across filesystems, copies) every stored file into `target`, checking each one's SHA-256. */
async function backupUploads(source: string, target: string): Promise<{ files: FileDigest[]; linked: number; copied: number }> {
  const files: FileDigest[] = [];
  let linked = 0;
  let copied = 0;
  for (const sha256 of await listUploads(source)) {
    const from = blobPath(source, sha256);
    const to = blobPath(target, sha256);
    const actual = await sha256File(from);
    if (actual.sha256 !== sha256) throw new BackupError(`${from} does not match its name (its content hashes to ${actual.sha256}); the stored file is damaged`);
    await mkdir(path.dirname(to), { recursive: true });
    try {
      await link(from, to);
      linked++;
    } catch (error) {
      if (!["EXDEV", "EPERM", "EMLINK", "ENOTSUP"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
      await copyFile(from, to);
      copied++;
    }
    files.push({ sha256, size: actual.size });
  }
  return { files, linked, copied };
}

/**
 * Makes one backup under `backupsDir/<ISO date-time>/` and returns its folder and manifest.
 * `database` is { kind: "pglite", client } (a live PGlite instance) or { kind: "postgres", url }.
 */
export async function createBackup({
  database,
  uploadsDir,
  blobs,
  backupsDir,
  authSecretFile,
  now = new Date(),
}: {
  database: BackupDatabase;
  uploadsDir: string;
  /** The uploads' store when it is not the folder `uploadsDir` (an S3 bucket). */
  blobs?: UploadsBackup;
  backupsDir: string;
  authSecretFile?: string;
  now?: Date;
}): Promise<{ folder: string; manifest: BackupManifest }> {
  const name = backupName(now);
  const folder = path.join(backupsDir, name);
  const partial = `${folder}.partial`;
  await mkdir(path.join(partial, "database"), { recursive: true });
  try {
    const startedAt = new Date();
    const file = database.kind === "pglite" ? "database/pglite.tar.gz" : "database/postgres.dump";
    const dump = database.kind === "pglite" ? await snapshotPglite(database.client, path.join(partial, file)) : await snapshotPostgres(database.url, path.join(partial, file));
    const snapshotAt = new Date();
    const uploads = blobs ? await blobs.backup(path.join(partial, "uploads")) : await backupUploads(uploadsDir, path.join(partial, "uploads"));
    const uploadsJson = Buffer.from(JSON.stringify(uploads.files, null, 1));
    await writeFile(path.join(partial, "uploads.json"), uploadsJson);
    let authSecret: BackupManifest["authSecret"] = null;
    if (authSecretFile) {
      const secret = await readFile(authSecretFile).catch(() => null);
      if (secret) {
        await writeFile(path.join(partial, "auth-secret"), secret, { mode: 0o600 });
        authSecret = { file: "auth-secret", sha256: sha256Of(secret) };
      }
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      name,
      startedAt: startedAt.toISOString(),
      snapshotAt: snapshotAt.toISOString(),
      finishedAt: new Date().toISOString(),
      database: { kind: database.kind, file, size: dump.size, sha256: dump.sha256 },
      uploads: {
        storage: blobs?.kind ?? "local",
        count: uploads.files.length,
        bytes: uploads.files.reduce((sum, f) => sum + f.size, 0),
        linked: uploads.linked,
        copied: uploads.copied,
        manifest: "uploads.json",
        manifestSha256: sha256Of(uploadsJson),
      },
      authSecret,
    };
    await writeFile(path.join(partial, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    await rename(partial, folder);
    return { folder, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries.length === 0;
}

/** Copies `from` to `to` while hashing it, and fails unless the copy hashes to `sha256`. */
async function copyVerified(from: string, to: string, expected: FileDigest): Promise<void> {
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await mkdir(path.dirname(to), { recursive: true });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: "wx" }));
  const sha256 = hash.digest("hex");
  if (sha256 !== expected.sha256 || size !== expected.size) throw new BackupError(`${from} is damaged: expected SHA-256 ${expected.sha256} (${expected.size} bytes), found ${sha256} (${size} bytes)`);
}

/** Reads and checks a backup folder's manifest and the files it lists, before anything is written. */
export async function readBackup(folder: string): Promise<{ manifest: BackupManifest; files: FileDigest[] }> {
  const manifest: BackupManifest = JSON.parse(await readFile(path.join(folder, "manifest.json"), "utf8").catch(() => {
    throw new BackupError(`${folder} is not a backup: it has no manifest.json${folder.endsWith(".partial") ? " (a .partial folder is an unfinished backup)" : ""}`);
  }));
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`${folder}: unknown backup format ${JSON.stringify(manifest.format)} (expected ${BACKUP_FORMAT})`);
  const dump = await sha256File(path.join(folder, manifest.database.file)).catch(() => null);
  if (!dump || dump.sha256 !== manifest.database.sha256) throw new BackupError(`${path.join(folder, manifest.database.file)} is missing or damaged (SHA-256 differs from manifest.json)`);
  const uploadsJson = await readFile(path.join(folder, manifest.uploads.manifest));
  if (sha256Of(uploadsJson) !== manifest.uploads.manifestSha256) throw new BackupError(`${path.join(folder, manifest.uploads.manifest)} is damaged (SHA-256 differs from manifest.json)`);
  const files: FileDigest[] = JSON.parse(uploadsJson.toString("utf8"));
  if (files.length !== manifest.uploads.count) throw new BackupError(`${folder}: uploads.json lists ${files.length} files, manifest.json ${manifest.uploads.count}`);
  return { manifest, files };
}

/**
 * Restores a backup into `dataDir`, which must be missing or empty (it is never merged into).
 * Everything is written into a sibling folder first and renamed into place at the end, so a failed
 * restore leaves `dataDir` as it was. Every file's SHA-256 is checked as it is copied.
 * PGlite backups become DATA_DIR/db; PostgreSQL backups are loaded with pg_restore into
 * `databaseUrl`, which must hold no tables. With `blobs` (an S3 bucket, which must be empty) the
 * files go there instead of DATA_DIR/uploads, and are removed again if the restore fails.
 */
export async function restoreBackup({
  folder,
  dataDir,
  databaseUrl,
  blobs,
  openPglite = openPgliteWithExtensions,
}: {
  folder: string;
  dataDir: string;
  databaseUrl?: string;
  blobs?: UploadsBackup;
  openPglite?: typeof openPgliteWithExtensions;
}): Promise<{ manifest: BackupManifest; files: number; databaseBytes: number; dataDir: string }> {
  const target = path.resolve(dataDir);
  if (!(await isEmptyOrMissing(target))) throw new BackupError(`${target} is not empty: restore only into an empty data directory (set DATA_DIR to a new folder, or empty this one)`);
  const { manifest, files } = await readBackup(folder);
  await blobs?.assertEmpty();
  const staging = `${target}.restoring-${randomBytes(4).toString("hex")}`;
  await mkdir(staging, { recursive: true });
  try {
    if (manifest.database.kind === "pglite") {
      if (databaseUrl) throw new BackupError(`${folder} holds an embedded (PGlite) database; unset DATABASE_URL to restore it into ${target}/db`);
      const bytes = await readFile(path.join(folder, manifest.database.file));
      const client = await openPglite({ dataDir: path.join(staging, "db"), loadDataDir: new Blob([bytes]) });
      await client.query("select 1");
      await client.close();
    } else {
      if (!databaseUrl) throw new BackupError(`${folder} holds a PostgreSQL dump; set DATABASE_URL to the (empty) database to restore it into`);
      await assertEmptyPostgres(databaseUrl);
      await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${databaseUrl}`, path.join(folder, manifest.database.file)]);
    }
    for (const file of files) if (!SHA256.test(file.sha256)) throw new BackupError(`uploads.json names ${JSON.stringify(file.sha256)}, not a SHA-256`);
    if (blobs) await blobs.restore(path.join(folder, "uploads"), files);
    else for (const file of files) await copyVerified(blobPath(path.join(folder, "uploads"), file.sha256), blobPath(path.join(staging, "uploads"), file.sha256), file);
    if (manifest.authSecret) {
      const secret = await readFile(path.join(folder, manifest.authSecret.file));
      if (sha256Of(secret) !== manifest.authSecret.sha256) throw new BackupError(`${path.join(folder, manifest.authSecret.file)} is damaged`);
      await writeFile(path.join(staging, "auth-secret"), secret, { mode: 0o600 });
      await chmod(path.join(staging, "auth-secret"), 0o600);
    }
    if (!(await isEmptyOrMissing(target))) throw new BackupError(`${target} is no longer empty: something wrote into it during the restore`);
    await rmdir(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await blobs?.rollback();
    throw error;
  }
  const size = (await stat(path.join(folder, manifest.database.file))).size;
  return { manifest, files: files.length, databaseBytes: size, dataDir: target };
}

/** Opens PGlite with the extensions the schema uses, as lib/db/client.ts does. */
export async function openPgliteWithExtensions(options: PGliteOptions): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return PGlite.create({ ...options, extensions: { unaccent, pg_trgm } });
}

async function assertEmptyPostgres(url: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`);
    const tables = rows[0]?.n ?? 0;
    if (tables > 0) throw new BackupError(`the database at DATABASE_URL already holds ${tables} tables: restore only into an empty database`);
  } finally {
    await client.end();
  }
}
