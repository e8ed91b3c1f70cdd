// Buckets of their own for the tests, on the run's S3-compatible server (TEST_S3_ENDPOINT, started
// by scripts/test.mjs: see ./s3-server.ts). Suites that run on both stores take `storageKinds`.
import { randomBytes } from "node:crypto";
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, paginateListObjectsV2 } from "@aws-sdk/client-s3";
import { s3Client, s3Storage, type S3Config, type S3Storage } from "../../lib/storage/s3";
import { S3RVER_CREDENTIALS } from "./s3-server";

export type StorageKind = "local" | "s3";

/** Every storage suite runs on the local disk, and on S3 too when TEST_S3_ENDPOINT is set (npm test sets it). */
export const storageKinds: StorageKind[] = process.env.TEST_S3_ENDPOINT ? ["local", "s3"] : ["local"];

/** The environment that points the app at `bucket` on the test server (STORAGE=s3 and the S3_* variables). */
export function s3Environment(bucket: string, prefix = ""): Record<string, string> {
  return {
    STORAGE: "s3",
    S3_ENDPOINT: process.env.TEST_S3_ENDPOINT!,
    S3_BUCKET: bucket,
    S3_PREFIX: prefix,
    S3_REGION: "us-east-1",
    S3_FORCE_PATH_STYLE: "1",
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  };
}

export type TestBucket = { config: S3Config; storage: S3Storage; dispose: () => Promise<void> };

/** A new, empty bucket on the test server (removed with everything in it by dispose()). */
export async function createTestBucket(prefix = ""): Promise<TestBucket> {
  const endpoint = process.env.TEST_S3_ENDPOINT;
  if (!endpoint) throw new Error("TEST_S3_ENDPOINT is not set: run the tests with `node scripts/test.mjs`, which starts an S3 server");
  const config: S3Config = { bucket: `lantoa-test-${randomBytes(6).toString("hex")}`, prefix, endpoint, region: "us-east-1", credentials: S3RVER_CREDENTIALS, forcePathStyle: true };
  const client = s3Client(config);
  await client.send(new CreateBucketCommand({ Bucket: config.bucket }));
  return {
    config,
    storage: s3Storage(config, client),
    dispose: async () => {
      for await (const page of paginateListObjectsV2({ client }, { Bucket: config.bucket })) {
        for (const object of page.Contents ?? []) await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: object.Key! }));
      }
      await client.send(new DeleteBucketCommand({ Bucket: config.bucket }));
      client.destroy();
    },
  };
}

/** Every key in the bucket, sorted. */
export async function bucketKeys(storage: S3Storage): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: storage.client }, { Bucket: storage.bucket })) for (const object of page.Contents ?? []) keys.push(object.Key!);
  return keys.sort();
}
