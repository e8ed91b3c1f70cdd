// One suite for every BlobStorage: the local disk and an S3-compatible bucket (s3rver, started by
// scripts/test.mjs). Files are stored under their SHA-256 only when complete, once; an upload is
// streamed in and out without ever being held whole in memory; nothing of an aborted or cut-off
// upload stays; temporary files of writers that are gone are swept; the attachment routes serve
// the store STORAGE names.
import "../support/env";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readlink, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContest } from "@/lib/db/seed";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { useStorage, type BlobStorage } from "@/lib/storage";
import { storedFileResponse } from "@/lib/storage/disposition";
import { localStorage } from "@/lib/storage/local";
import { receiveUpload } from "@/lib/storage/receive";
import { s3Storage } from "@/lib/storage/s3";
import { ABANDONED_AFTER_MS, tempName } from "@/lib/storage/temp";
import { call } from "../support/api";
import { openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";
import { S3RVER_CREDENTIALS } from "../support/s3-server";
import { bucketKeys, createTestBucket, storageKinds, type StorageKind, type TestBucket } from "../support/s3";

const MB = 1024 * 1024;
const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** How many of this process's open file descriptors point at a file of this name (Linux). */
async function openFilesNamed(name: string): Promise<number> {
  const fds = await readdir("/proc/self/fd");
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => "")));
  return targets.filter((t) => path.basename(t) === name).length;
}

/** A store of the given kind, fresh and empty, with what a test needs to look inside it. */
type Harness = {
  storage: BlobStorage;
  /** Names of the temporary files (local tmp/) or objects (the bucket's tmp/). */
  temporary(): Promise<string[]>;
  /** Puts a temporary file under this name, as a writer would have left it. */
  putTemporary(name: string): Promise<void>;
  /** Whether a file is stored under this hash. */
  stored(sha256: string): Promise<boolean>;
  dispose(): Promise<void>;
};

async function harness(kind: StorageKind): Promise<Harness> {
  if (kind === "local") {
    const root = path.join(process.env.DATA_DIR!, `storage-${randomBytes(4).toString("hex")}`);
    const tmp = path.join(root, "tmp");
    return {
      storage: localStorage(root),
      temporary: async () => (await readdir(tmp).catch(() => [] as string[])).sort(),
      putTemporary: async (name) => {
        await mkdir(tmp, { recursive: true });
        await writeFile(path.join(tmp, name), "partial");
      },
      stored: async (sha256) => existsSync(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)),
      dispose: () => rm(root, { recursive: true, force: true }),
    };
  }
  const bucket: TestBucket = await createTestBucket("lantoa/");
  const { storage } = bucket;
  return {
    storage,
    temporary: async () => (await bucketKeys(storage)).filter((k) => k.startsWith("lantoa/tmp/")).map((k) => k.slice("lantoa/tmp/".length)),
    putTemporary: async (name) => {
      await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: `lantoa/tmp/${name}`, Body: "partial" }));
    },
    stored: async (sha256) => (await bucketKeys(storage)).includes(storage.keyOf(sha256)),
    dispose: bucket.dispose,
  };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Peak growth of this process's heap and buffers while `work` runs, sampled every 10 ms. */
async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = used();
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, used() - base)), 10);
  try {
    const result = await work();
    peak = Math.max(peak, used() - base);
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A multipart request whose file part is made as it is read: an MP4 header, then `size` bytes in
 * all, never all in memory. `cutAt` ends the body with an error after that many file bytes.
 */
function streamedUpload(size: number, { cutAt }: { cutAt?: number } = {}): { request: Request; sha256: Promise<string> } {
  const boundary = `----lantoa${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="phong-su.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = randomBytes(MB);
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypisom"), Buffer.alloc(20)]);
  const hash = createHash("sha256");
  let sent = 0;
  let resolveHash: (value: string) => void;
  const sha256 = new Promise<string>((resolve) => (resolveHash = resolve));
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(new Uint8Array(head));
        return;
      }
      if (cutAt !== undefined && sent >= cutAt) return controller.error(new Error("socket hang up"));
      if (sent >= size) {
        resolveHash(hash.digest("hex"));
        controller.enqueue(new Uint8Array(tail));
        return controller.close();
      }
      let chunk = sent === 0 ? Buffer.concat([mp4, block.subarray(mp4.length, 256 * 1024)]) : block.subarray(0, Math.min(256 * 1024, size - sent));
      chunk = chunk.subarray(0, Math.min(chunk.length, size - sent));
      // A fresh copy each time, as bytes off a socket would be: nothing is shared with the next chunk.
      const copy = Buffer.from(chunk);
      hash.update(copy);
      sent += copy.length;
      controller.enqueue(new Uint8Array(copy.buffer, copy.byteOffset, copy.length));
    },
  });
  const request = new Request("http://localhost/upload", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, sha256 };
}

describe.each(storageKinds)("blob storage on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.dispose());

  it("stores a streamed file under its SHA-256 only once complete, and the same content once", async () => {
    const chunks = [randomBytes(300 * 1024), randomBytes(300 * 1024), randomBytes(123)];
    const content = Buffer.concat(chunks);
    const sha256 = sha256Of(content);
    expect(await h.storage.open(sha256)).toBeNull();

    const upload = await h.storage.begin();
    await pipeline(Readable.from(chunks), upload.sink);
    // Written but not committed: not there under its hash.
    expect(await h.storage.open(sha256)).toBeNull();
    await upload.commit(sha256);
    const file = await h.storage.open(sha256);
    expect(file?.size).toBe(content.length);
    expect(sha256Of(await readAll(file!.stream))).toBe(sha256);
    expect(await h.temporary()).toEqual([]);

    // The same bytes again: committed without a second copy, nothing left over.
    const again = await h.storage.begin();
    await pipeline(Readable.from([content]), again.sink);
    await again.commit(sha256);
    expect(await h.stored(sha256)).toBe(true);
    expect(await h.temporary()).toEqual([]);

    await expect(h.storage.open("../../etc/passwd")).rejects.toThrow(/not a SHA-256/);
  });

  /** 4 MB of random bytes, stored under their SHA-256. */
  async function storeRandom(): Promise<{ content: Buffer; sha256: string }> {
    const content = randomBytes(4 * MB);
    const sha256 = sha256Of(content);
    const upload = await h.storage.begin();
    await pipeline(Readable.from([content]), upload.sink);
    await upload.commit(sha256);
    return { content, sha256 };
  }

  it("stops reading when the reader cancels halfway, with no error after the cancel", async () => {
    // A PDF viewer that has what it needs cancels the rest of the response.
    const { content, sha256 } = await storeRandom();

    const late: unknown[] = [];
    const record = (error: unknown) => late.push(error);
    process.on("uncaughtException", record);
    try {
      const file = await h.storage.open(sha256);
      const reader = file!.stream.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      expect(Buffer.from(first.value!).equals(content.subarray(0, first.value!.length))).toBe(true);
      await reader.cancel();
      await new Promise((r) => setTimeout(r, 300));
      // The file can still be read whole afterwards, and nothing was thrown once the reader left.
      expect(sha256Of(await readAll((await h.storage.open(sha256))!.stream))).toBe(sha256);
      expect(late).toEqual([]);
    } finally {
      process.off("uncaughtException", record);
    }
  });

  it("lets go of the file when the client of a download goes away", async () => {
    const { sha256 } = await storeRandom();

    // The routes' response over the stored stream, with the request's signal, read a little.
    let cancelled: unknown = null;
    const file = (await h.storage.open(sha256))!;
    const inner = file.stream.getReader();
    const watched = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const { done, value } = await inner.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => {
        cancelled = reason ?? "cancelled";
        return inner.cancel(reason);
      },
    });
    const client = new AbortController();
    const response = storedFileResponse({ size: file.size, stream: watched }, { contentType: "application/pdf", disposition: "inline", sha256, signal: client.signal });
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    const open = kind === "local" ? await openFilesNamed(sha256) : 0;
    client.abort(new Error("client gone"));
    await new Promise((r) => setTimeout(r, 100));
    expect(cancelled).toBeInstanceOf(Error);
    // On disk, the file descriptor is closed at once rather than by the garbage collector.
    if (kind === "local") {
      expect(open).toBe(1);
      expect(await openFilesNamed(sha256)).toBe(0);
    }
  });

  it("keeps nothing of an aborted upload, after several parts were sent", async () => {
    const upload = await h.storage.begin();
    const sent = randomBytes(20 * MB);
    await new Promise<void>((resolve, reject) => upload.sink.write(sent, (error) => (error ? reject(error) : resolve())));
    // Give the uploader time to send what it has (on S3: at least one 8 MB part).
    await new Promise((r) => setTimeout(r, 500));
    await upload.abort();
    expect(await h.temporary()).toEqual([]);
    expect(await h.stored(sha256Of(sent))).toBe(false);
  });

  it("streams a 160 MB upload in and out without holding it in memory", async () => {
    // Memory is measured, garbage not yet collected included (28–43 MB here): under half the file.
    const size = 160 * MB;
    const { request, sha256 } = streamedUpload(size);
    const { result: received, peak: inPeak } = await peakMemoryGrowth(() => receiveUpload(request, h.storage, { maxBytes: 200 * MB, accepted: ["video/mp4"] }));
    expect(received).toMatchObject({ size, contentType: "video/mp4", sha256: await sha256 });
    expect(inPeak, `peak memory growth while receiving: ${Math.round(inPeak / MB)} MB`).toBeLessThan(size / 2);

    const file = await h.storage.open(received.sha256);
    expect(file?.size).toBe(size);
    const { result: downloaded, peak: outPeak } = await peakMemoryGrowth(async () => {
      const hash = createHash("sha256");
      let length = 0;
      for await (const chunk of file!.stream as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        length += chunk.length;
      }
      return { sha256: hash.digest("hex"), length };
    });
    expect(downloaded).toEqual({ sha256: received.sha256, length: size });
    expect(outPeak, `peak memory growth while sending: ${Math.round(outPeak / MB)} MB`).toBeLessThan(size / 2);
    expect(await h.temporary()).toEqual([]);
  }, 120_000);

  it("keeps nothing of an upload whose connection drops half-way", async () => {
    const { request } = streamedUpload(30 * MB, { cutAt: 17 * MB + 5 });
    const error = await receiveUpload(request, h.storage, { maxBytes: 200 * MB, accepted: ["video/mp4"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("multipartInvalid");
    expect(await h.temporary()).toEqual([]);
  }, 60_000);

  it("reports whether it answers and takes writes", async () => {
    expect(await h.storage.probe()).toEqual({ ok: true, writable: true });
    expect(await h.temporary()).toEqual([]);
    if (kind === "local") {
      const file = path.join(process.env.DATA_DIR!, `not-a-folder-${randomBytes(4).toString("hex")}`);
      await writeFile(file, "x");
      expect((await localStorage(file).probe()).writable).toBe(false);
    } else {
      const missing = s3Storage({ bucket: `lantoa-missing-${randomBytes(4).toString("hex")}`, endpoint: process.env.TEST_S3_ENDPOINT, credentials: S3RVER_CREDENTIALS, forcePathStyle: true });
      expect(await missing.probe()).toEqual({ ok: false, writable: false });
    }
  });

  it("sweeps temporary files whose writer is gone, and keeps those still being written", async () => {
    const host = hostname().replace(/[^A-Za-z0-9-]/g, "_") || "host";
    // A process that has exited: its pid is free (not reused within this test).
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""]);
      child.on("exit", () => resolve(child.pid!));
    });
    const uuid = () => crypto.randomUUID();
    const files = {
      killedWriter: `${host}.${dead}.0123456789ab.${uuid()}.part`,
      earlierProcessSamePid: `${host}.${process.pid}.0123456789ab.${uuid()}.part`,
      otherMachine: `elsewhere.${dead}.0123456789ab.${uuid()}.part`,
      ours: tempName("part"),
    };
    for (const name of Object.values(files)) await h.putTemporary(name);

    expect(await h.storage.sweep()).toEqual({ removed: 2 });
    expect(await h.temporary()).toEqual([files.otherMachine, files.ours].sort());
    // An hour without a write: abandoned, whoever wrote it.
    expect(await h.storage.sweep(Date.now() + ABANDONED_AFTER_MS + 60_000)).toEqual({ removed: 2 });
    expect(await h.temporary()).toEqual([]);
  });
});

describe.runIf(storageKinds.includes("s3"))("the attachment routes with STORAGE=s3", () => {
  let database: TestDatabase;
  let bucket: TestBucket;
  let owner: User;
  let entryId: string;

  beforeAll(async () => {
    bucket = await createTestBucket();
    useStorage(bucket.storage);
    database = await openTestDatabase("pglite");
    await seedContest(database.db, new Date());
    owner = await makeUser(database.db);
    entryId = (await call("POST", "/api/entries", { as: owner.id, json: await completeEntry(database.db) })).body.id;
  });
  afterAll(async () => {
    useStorage(undefined);
    await database.dispose();
    await bucket.dispose();
  });

  it("uploads into the bucket, not the disk, and downloads from it", async () => {
    const file = pdf(600 * 1024);
    const sha256 = sha256Of(file);
    const res = await call("POST", `/api/entries/${entryId}/attachments`, { as: owner.id, body: form(file) });
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(sha256);
    // The original and, beside it, the cleaned copy jurors receive (lib/storage/clean).
    const keys = await bucketKeys(bucket.storage);
    expect(keys).toContain(bucket.storage.keyOf(sha256));
    expect(keys).toHaveLength(2);
    expect(existsSync(path.join(process.env.DATA_DIR!, "uploads", sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(false);

    const download = await call("GET", `/api/entries/${entryId}/attachments/${res.body.id}`, { as: owner.id });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-length")).toBe(String(file.length));
    expect(sha256Of(Buffer.from(await download.response.arrayBuffer()))).toBe(sha256);

    // A refused file leaves no object behind.
    const refused = await call("POST", `/api/entries/${entryId}/attachments`, { as: owner.id, body: form(Buffer.concat([Buffer.from("MZ\x90\x00"), randomBytes(9000)]), "bai.pdf") });
    expect(refused.status).toBe(415);
    expect(await bucketKeys(bucket.storage)).toEqual(keys);

    // Readiness probes the bucket.
    const ready = await call("GET", "/api/health/ready");
    expect(ready.body.storage).toEqual({ ok: true, writable: true });
  });
});
