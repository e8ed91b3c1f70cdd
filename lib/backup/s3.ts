// Backup and restore of uploads kept in an S3-compatible bucket (STORAGE=s3). lib/backup/backup.mjs
// takes this as its `blobs` option: the backup folder has the same layout and checksums as a backup
// of the local disk (uploads/ab/cd/<sha256>, uploads.json), so either kind restores into either
// store — which is also how an installation moves its uploads from the disk to a bucket.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { s3ConfigFromEnv, s3Storage, type S3Storage } from "../storage/s3";
import { BackupError } from "./backup";

type FileEntry = { sha256: string; size: number };

/** What createBackup and restoreBackup need from a store other than the local uploads folder. */
export type UploadsBackup = {
  kind: "s3";
  /** For messages: s3://bucket/prefix */
  location: string;
  /** Copies every stored file into `target`/ab/cd/<sha256>, checking each one's SHA-256. */
  backup(target: string): Promise<{ files: FileEntry[]; linked: number; copied: number }>;
  /** Refuses unless the store is empty (a restore never merges). */
  assertEmpty(): Promise<void>;
  /** Stores every listed file from `source`/ab/cd/<sha256>, checking each one's SHA-256 as it is sent. */
  restore(source: string, files: FileEntry[]): Promise<void>;
  /** Removes what restore() stored (a failed restore leaves the store as it was: empty). */
  rollback(): Promise<void>;
};

const blobPath = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** A pass-through that hashes and counts what goes through it. */
function hashing() {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest("hex"), size }) };
}

export function s3UploadsBackup(store: S3Storage): UploadsBackup {
  const location = `s3://${store.bucket}/${store.prefix}`;
  const written: string[] = [];
  return {
    kind: "s3",
    location,

    async backup(target) {
      const files: FileEntry[] = [];
      for await (const { sha256 } of store.list()) {
        const file = await store.open(sha256);
        if (!file) continue; // listed, then gone: files are never deleted, so not a file of this snapshot
        const to = blobPath(target, sha256);
        await mkdir(path.dirname(to), { recursive: true });
        const tap = hashing();
        await pipeline(Readable.fromWeb(file.stream as import("node:stream/web").ReadableStream<Uint8Array>), tap.stream, createWriteStream(to, { flags: "wx" }));
        const actual = tap.result();
        if (actual.sha256 !== sha256) throw new BackupError(`${location}${store.keyOf(sha256).slice(store.prefix.length)} does not match its name (its content hashes to ${actual.sha256}); the stored object is damaged`);
        files.push({ sha256, size: actual.size });
      }
      return { files, linked: 0, copied: files.length };
    },

    async assertEmpty() {
      // The first page is enough (no MaxKeys: s3rver fails truncated listings on OpenSSL 3).
      const page = await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: store.prefix }));
      if (page.KeyCount || page.Contents?.length) throw new BackupError(`${location} is not empty: restore only into an empty bucket (or set S3_PREFIX to a new prefix)`);
    },

    async restore(source, files) {
      for (const file of files) {
        const from = blobPath(source, file.sha256);
        const key = store.keyOf(file.sha256);
        const tap = hashing();
        written.push(key);
        await Promise.all([pipeline(createReadStream(from), tap.stream), store.write(key, tap.stream)]);
        const actual = tap.result();
        if (actual.sha256 !== file.sha256 || actual.size !== file.size) throw new BackupError(`${from} is damaged: expected SHA-256 ${file.sha256} (${file.size} bytes), found ${actual.sha256} (${actual.size} bytes)`);
      }
    },

    async rollback() {
      for (const key of written.splice(0)) await store.remove(key).catch(() => undefined);
    },
  };
}

/** The uploads backup for the environment's store: the bucket with STORAGE=s3, nothing (the local folder) otherwise. */
export function uploadsBackupFromEnv(env: Parameters<typeof s3ConfigFromEnv>[0] & { STORAGE?: string }): UploadsBackup | undefined {
  return env.STORAGE === "s3" ? s3UploadsBackup(s3Storage(s3ConfigFromEnv(env))) : undefined;
}
