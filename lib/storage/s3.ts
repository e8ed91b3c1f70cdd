// Uploads in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, R2, …), the second BlobStorage
// beside the local disk. Objects are keyed like the files on disk, <prefix>ab/cd/<sha256>; an upload
// streams to <prefix>tmp/<temporary name> (multipart, a few parts in memory at a time, never the
// whole file) and commit() copies it under its hash inside the bucket, then deletes the temporary
// object, so a crash never leaves a half file under a real hash.
// No "server-only" here: scripts/backup.mjs and the tests use this module outside Next.js.
import { Readable, PassThrough, Writable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { abandoned, tempName } from "./temp";
import type { BlobStorage, BlobUpload } from "./types";

const SHA256 = /^[0-9a-f]{64}$/;
/**
 * Each upload in flight holds at most QUEUE parts being sent plus the one being filled, so about
 * 24 MB of memory whatever the file's size (S3 wants parts of 5 MB or more, at most 10,000 of them:
 * 8 MB parts allow files up to 80 GB; the contest's largest limit is 1 GB).
 */
export const PART_BYTES = 8 * 1024 * 1024;
const QUEUE = 2;

export type S3Config = {
  bucket: string;
  /** Key prefix ending in "/" (or ""), so one bucket can hold several installations. */
  prefix?: string;
  /** Unset: AWS S3 itself. */
  endpoint?: string;
  region?: string;
  /** Unset: the AWS SDK's default credential chain (AWS_* variables, instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bucket in the path (http://host/bucket/key) rather than the host name: MinIO and most servers other than AWS. */
  forcePathStyle?: boolean;
};

/** The S3 settings named by the environment (lib/env.mjs validated them: STORAGE=s3 means S3_BUCKET is set). */
export function s3ConfigFromEnv(env: {
  S3_BUCKET?: string;
  S3_PREFIX?: string;
  S3_ENDPOINT?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE?: string;
}): S3Config {
  if (!env.S3_BUCKET) throw new Error("S3_BUCKET is required with STORAGE=s3");
  return {
    bucket: env.S3_BUCKET,
    prefix: env.S3_PREFIX ?? "",
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "1",
  };
}

export function s3Client(config: S3Config): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region ?? "us-east-1",
    forcePathStyle: config.forcePathStyle ?? false,
    credentials: config.credentials,
    // A bucket in another AWS region than S3_REGION still answers (after one redirect).
    followRegionRedirects: true,
    // An unreachable server fails a request within seconds (readiness gives storage 3 s), not minutes.
    requestHandler: { connectionTimeout: 3_000 },
  });
}

export type S3Storage = BlobStorage & {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  /** The object key of the stored file with this SHA-256. */
  keyOf(sha256: string): string;
  /** Every stored file (temporary objects aside), in key order. */
  list(): AsyncGenerator<{ sha256: string; size: number }>;
  /** Streams `body` into the object `key` (multipart when large); resolves once it is stored. */
  write(key: string, body: Readable): Promise<void>;
  remove(key: string): Promise<void>;
};

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
};
const isNotImplemented = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotImplemented" || e?.name === "MethodNotAllowed" || e?.$metadata?.httpStatusCode === 501;
};

export function s3Storage(config: S3Config, client: S3Client = s3Client(config)): S3Storage {
  const Bucket = config.bucket;
  const prefix = config.prefix ?? "";
  const tmp = `${prefix}tmp/`;
  const keyOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error("not a SHA-256");
    return `${prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  };
  const stored = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{64})$`);
  const remove = async (key: string) => {
    await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
  };
  const exists = (key: string) =>
    client.send(new HeadObjectCommand({ Bucket, Key: key })).then(
      () => true,
      (error: unknown) => {
        if (isNotFound(error)) return false;
        throw error;
      },
    );
  const startUpload = (key: string, body: Readable) => {
    const upload = new Upload({ client, params: { Bucket, Key: key, Body: body }, partSize: PART_BYTES, queueSize: QUEUE, leavePartsOnError: false });
    return { upload, done: upload.done() };
  };

  return {
    client,
    bucket: Bucket,
    prefix,
    keyOf,
    remove,

    async begin(): Promise<BlobUpload> {
      const key = `${tmp}${tempName("part")}`;
      // The sink hands each chunk to the uploader and waits when it is a part or two behind
      // (backpressure up to the request); it finishes only once the object is stored, so the
      // caller's pipeline() fails when the upload does.
      const body = new PassThrough();
      const { upload, done } = startUpload(key, body);
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          if (body.write(chunk)) callback();
          else body.once("drain", () => callback());
        },
        final(callback) {
          body.end();
          done.then(() => callback(), callback);
        },
        destroy(error, callback) {
          if (!body.writableFinished) body.destroy();
          callback(error);
        },
      });
      done.catch((error: unknown) => sink.destroy(error as Error));
      return {
        sink,
        async commit(sha256) {
          const target = keyOf(sha256);
          await done;
          // Copied inside the bucket (no bytes through this process); the same content stored
          // before stays as it is.
          if (!(await exists(target))) await client.send(new CopyObjectCommand({ Bucket, Key: target, CopySource: encodeURI(`${Bucket}/${key}`) }));
          await remove(key);
        },
        async abort() {
          sink.destroy();
          // Stops sending parts and aborts the multipart upload; waits for it to settle, so
          // nothing lands after the temporary object is deleted.
          await upload.abort().catch(() => undefined);
          await done.catch(() => undefined);
          await remove(key).catch(() => undefined);
        },
      };
    },

    async open(sha256) {
      const key = keyOf(sha256);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        return { size: Number(object.ContentLength ?? 0), stream: object.Body.transformToWebStream() as ReadableStream<Uint8Array> };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async removeBlob(sha256) {
      // S3 answers a delete of a missing key with success too.
      await remove(keyOf(sha256));
    },

    async probe() {
      // The bucket answers; then a one-byte object is written and removed where uploads are staged.
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch {
        return { ok: false, writable: false };
      }
      const key = `${tmp}${tempName("probe")}`;
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: "1" }));
        await remove(key);
        return { ok: true, writable: true };
      } catch {
        await remove(key).catch(() => undefined);
        return { ok: true, writable: false };
      }
    },

    async sweep(now = Date.now()) {
      let removed = 0;
      // Temporary objects: complete uploads whose commit never ran.
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: tmp })) {
        for (const object of page.Contents ?? []) {
          if (!object.Key || !abandoned(object.Key.slice(tmp.length), object.LastModified?.getTime() ?? 0, now)) continue;
          if (await remove(object.Key).then(() => true, () => false)) removed++;
        }
      }
      // Multipart uploads cut off half-way keep their parts (and their cost) until aborted. Not
      // every S3-compatible server lists them; a bucket lifecycle rule is the backstop (docs/deploy.md).
      try {
        let marker: { KeyMarker?: string; UploadIdMarker?: string } = {};
        for (;;) {
          const page = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: tmp, ...marker }));
          for (const upload of page.Uploads ?? []) {
            if (!upload.Key || !upload.UploadId || !abandoned(upload.Key.slice(tmp.length), upload.Initiated?.getTime() ?? 0, now)) continue;
            const aborted = await client.send(new AbortMultipartUploadCommand({ Bucket, Key: upload.Key, UploadId: upload.UploadId })).then(() => true, () => false);
            if (aborted) removed++;
          }
          if (!page.IsTruncated) break;
          marker = { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker };
        }
      } catch (error) {
        if (!isNotImplemented(error)) throw error;
      }
      return { removed };
    },

    async *list() {
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) {
          const m = object.Key ? stored.exec(object.Key) : null;
          if (m && m[3]!.startsWith(m[1]! + m[2]!)) yield { sha256: m[3]!, size: Number(object.Size ?? 0) };
        }
      }
    },

    async write(key, body) {
      await startUpload(key, body).done;
    },
  };
}
