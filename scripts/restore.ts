// npm run restore -- <backup folder>: restores a backup made by `npm run backup` into DATA_DIR,
// which must be missing or empty (it refuses otherwise). The database (PGlite: DATA_DIR/db;
// PostgreSQL: pg_restore into DATABASE_URL, which must hold no tables), every uploaded file (its
// SHA-256 checked against uploads.json) and the generated auth secret. Start the app afterwards:
// it migrates the restored database if the code is newer and builds missing search indexes; with a
// Meilisearch (MEILI_HOST) that kept its indexes, run `npm run reindex` so they match the record.
// With STORAGE=s3 the files go into the bucket (lib/backup/s3.ts), which must be empty.
import path from "node:path";
import { validateEnv } from "../lib/env";
import { uploadsBackupFromEnv } from "../lib/backup/s3";
import { BackupError, restoreBackup } from "../lib/backup/backup";

const folder = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
if (process.argv.includes("--help") || !folder) {
  console.log(`npm run restore -- <backup folder>

Restores into DATA_DIR (missing or empty) the backup in <backup folder>: the database
(PGlite into DATA_DIR/db, or pg_restore into an empty DATABASE_URL) and every uploaded file,
checking each file's SHA-256. With STORAGE=s3 the files go into the (empty) bucket.`);
  process.exit(folder ? 0 : 1);
}

const env = validateEnv(process.env);
const blobs = uploadsBackupFromEnv(env);
try {
  const result = await restoreBackup({ folder: path.resolve(folder), dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, blobs });
  console.log(`restore: ${result.manifest.name} restored into ${result.dataDir}
  database  ${result.manifest.database.kind}${env.DATABASE_URL ? " (into DATABASE_URL)" : ` (${path.join(result.dataDir, "db")})`}
  uploads   ${result.files} files${blobs ? ` into ${blobs.location}` : ""}, every SHA-256 verified
Start the app on this DATA_DIR (it builds missing search indexes); if MEILI_HOST points at a
Meilisearch that kept its indexes, run \`npm run reindex\` so they match the restored record.`);
} catch (error) {
  console.error(`restore: ${error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
