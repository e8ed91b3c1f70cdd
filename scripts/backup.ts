// npm run backup: a consistent snapshot of the record into DATA_DIR/backups/<ISO date-time>/
// (see lib/backup/backup.ts for the layout and why it is consistent).
//   PostgreSQL (DATABASE_URL): pg_dump (one transaction) while the app keeps running; needs pg_dump on PATH.
//   PGlite (embedded): PGlite allows one process per data folder, so this refuses while the app
//   holds DATA_DIR/db (stop it first); the dump is then taken with PGlite's own dumpDataDir().
//   STORAGE=s3: the uploads are read from the bucket (lib/backup/s3.ts), not DATA_DIR/uploads.
//   --help
import { existsSync } from "node:fs";
import path from "node:path";
import { validateEnv } from "../lib/env";
import { uploadsBackupFromEnv } from "../lib/backup/s3";
import { BackupError, createBackup, openPgliteWithExtensions } from "../lib/backup/backup";
import { claimDataDir, dataDirHolder, lockFile, releaseDataDir } from "../lib/db/pglite-lock";

if (process.argv.includes("--help")) {
  console.log(`npm run backup

Writes the database and every uploaded file into DATA_DIR/backups/<ISO date-time>/, with
uploads.json (sha256, size of each file) and manifest.json (counts and checksums).
With DATABASE_URL: pg_dump, while the app runs. With PGlite: stop the app first.
With STORAGE=s3 the files are read from the bucket.
Restore with: npm run restore -- <folder>`);
  process.exit(0);
}

const env = validateEnv(process.env);
const dataDir = path.resolve(env.DATA_DIR);
const common = { uploadsDir: path.join(dataDir, "uploads"), blobs: uploadsBackupFromEnv(env), backupsDir: path.join(dataDir, "backups"), authSecretFile: env.AUTH_SECRET ? undefined : path.join(dataDir, "auth-secret") };

function fail(message: string): never {
  console.error(`backup: ${message}`);
  process.exit(1);
}

try {
  let result;
  if (env.DATABASE_URL) {
    result = await createBackup({ ...common, database: { kind: "postgres", url: env.DATABASE_URL } });
  } else {
    const dbDir = path.join(dataDir, "db");
    if (!existsSync(path.join(dbDir, "PG_VERSION"))) fail(`no embedded database under ${dbDir} (nothing to back up; is DATA_DIR right?)`);
    const holder = dataDirHolder(dbDir);
    if (holder) {
      fail(`the embedded database ${dbDir} is open in process ${holder.pid}${holder.host ? ` on ${holder.host}` : ""} (${lockFile(dbDir)}). PGlite allows one process per data folder: stop the app, run the backup, start it again — or run on PostgreSQL (DATABASE_URL), which is backed up while it runs.`);
    }
    claimDataDir(dbDir, "backup");
    try {
      const client = await openPgliteWithExtensions({ dataDir: dbDir });
      try {
        result = await createBackup({ ...common, database: { kind: "pglite", client } });
      } finally {
        await client.close();
      }
    } finally {
      releaseDataDir(dbDir);
    }
  }
  const { folder, manifest } = result;
  console.log(`backup: ${folder}
  database  ${manifest.database.kind}, ${manifest.database.file} (${manifest.database.size} bytes, sha256 ${manifest.database.sha256})
  uploads   ${manifest.uploads.count} files, ${manifest.uploads.bytes} bytes (${common.blobs ? `from ${common.blobs.location}, ` : ""}${manifest.uploads.linked} hard-linked, ${manifest.uploads.copied} copied)
restore with: DATA_DIR=<empty folder> npm run restore -- ${folder}`);
} catch (error) {
  fail(error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
}
