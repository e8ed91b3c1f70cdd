// STORAGE and the S3_* variables: a wrong or incomplete combination stops the server, naming the variable.
import { describe, expect, it } from "vitest";
import { validateEnv } from "@/lib/env";
import { s3ConfigFromEnv } from "@/lib/storage/s3";

const s3 = { STORAGE: "s3", S3_BUCKET: "lantoa-uploads" };

describe("STORAGE and S3_*", () => {
  it("defaults to the local disk, and takes a complete S3 setting", () => {
    expect(validateEnv({}).STORAGE).toBe("local");
    const env = validateEnv({ ...s3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "eu-central-1", S3_PREFIX: "lantoa/2026/", S3_FORCE_PATH_STYLE: "1", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" });
    expect(s3ConfigFromEnv(env)).toEqual({
      bucket: "lantoa-uploads",
      prefix: "lantoa/2026/",
      endpoint: "http://127.0.0.1:9000",
      region: "eu-central-1",
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
      forcePathStyle: true,
    });
    // Without keys or an endpoint: AWS S3 and the SDK's own credential chain.
    expect(s3ConfigFromEnv(validateEnv(s3))).toMatchObject({ endpoint: undefined, credentials: undefined, forcePathStyle: false, prefix: "" });
  });

  it("names the variable that is missing or wrong", () => {
    expect(() => validateEnv({ STORAGE: "s3" })).toThrow(/S3_BUCKET: S3_BUCKET is required with STORAGE=s3/);
    expect(() => validateEnv({ STORAGE: "S3" })).toThrow(/STORAGE: STORAGE must be local or s3/);
    expect(() => validateEnv({ ...s3, S3_ACCESS_KEY_ID: "key" })).toThrow(/S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together/);
    expect(() => validateEnv({ ...s3, S3_SECRET_ACCESS_KEY: "secret" })).toThrow(/S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together/);
    expect(() => validateEnv({ ...s3, S3_BUCKET: "Uploads_2026" })).toThrow(/S3_BUCKET: S3_BUCKET must be a bucket name/);
    expect(() => validateEnv({ ...s3, S3_ENDPOINT: "ftp://files.example.vn" })).toThrow(/S3_ENDPOINT: S3_ENDPOINT must be an http/);
    expect(() => validateEnv({ ...s3, S3_PREFIX: "lantoa" })).toThrow(/S3_PREFIX: S3_PREFIX must be a key prefix ending in \//);
    expect(() => validateEnv({ ...s3, S3_FORCE_PATH_STYLE: "true" })).toThrow(/S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be 0 or 1/);
  });

  it("refuses S3_* without STORAGE=s3, so uploads never go to a local disk by mistake", () => {
    expect(() => validateEnv({ S3_BUCKET: "lantoa-uploads" })).toThrow(/S3_BUCKET: S3_BUCKET is set but STORAGE is not s3/);
    expect(() => validateEnv({ STORAGE: "local", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "1" })).toThrow(/S3_ENDPOINT: .*\n\s+S3_FORCE_PATH_STYLE: /);
    // Empty values count as unset.
    expect(validateEnv({ STORAGE: "", S3_BUCKET: "", S3_PREFIX: "" }).STORAGE).toBe("local");
  });
});
