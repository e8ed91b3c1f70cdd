// An upload the client abandons half-way (connection dropped, tab closed) leaves no attachment
// row, no file under any hash and no temporary file; and temporary files left by a process that
// was killed mid-upload are swept, while those still being written are kept.
import "../support/env";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContest } from "@/lib/db/seed";
import type { User } from "@/lib/db/schema";
import { ABANDONED_AFTER_MS, localStorage } from "@/lib/storage/local";
import { call, sessionCookie } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, databaseState, makeUser, pdf } from "../support/fixtures";

const uploads = () => path.join(process.env.DATA_DIR!, "uploads");
const stored = (sha256: string) => path.join(uploads(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
/** Temporary files this process wrote (other test files share the folder and write their own). */
const ownTempFiles = async () => (await readdir(path.join(uploads(), "tmp")).catch(() => [] as string[])).filter((n) => n.includes(`.${process.pid}.`));

/** A multipart body that delivers `sent` bytes of `file`, then fails or just stops. */
function cutBody(boundary: string, file: Buffer, sent: number, end: "error" | "close"): ReadableStream<Uint8Array> {
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bai.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const chunks: Buffer[] = [head];
  for (let at = 0; at < sent; at += 64 * 1024) chunks.push(file.subarray(at, Math.min(sent, at + 64 * 1024)));
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = chunks.shift();
      if (next) {
        controller.enqueue(new Uint8Array(next));
        // Let the server write what it has before the cut, as a slow network would.
        await new Promise((r) => setTimeout(r, 2));
        return;
      }
      if (end === "error") controller.error(new Error("socket hang up"));
      else controller.close();
    },
  });
}

async function upload(entryId: string, owner: User, body: ReadableStream<Uint8Array>, boundary: string, declared: number): Promise<Response> {
  const { POST } = await import("@/app/api/entries/[id]/attachments/route");
  const headers = new Headers({ cookie: await sessionCookie(owner.id), "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(declared), "x-forwarded-for": "198.51.100.7" });
  const req = new Request(`http://localhost/api/entries/${entryId}/attachments`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return POST(req, { params: Promise.resolve({ id: entryId }) });
}

describe.each(databaseKinds)("an interrupted upload on %s", (kind) => {
  let database: TestDatabase;
  let owner: User;
  let entryId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    owner = await makeUser(database.db);
    entryId = (await call("POST", "/api/entries", { as: owner.id, json: await completeEntry(database.db) })).body.id;
  });
  afterAll(() => database.dispose());

  it.each(["error", "close"] as const)("leaves nothing behind when the body stream ends with %s half-way", async (end) => {
    const file = pdf(3 * 1024 * 1024);
    const sent = 1024 * 1024 + 123;
    const boundary = `----cut${randomBytes(6).toString("hex")}`;
    const before = await databaseState(database.db);
    const res = await upload(entryId, owner, cutBody(boundary, file, sent, end), boundary, file.length + 400);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("multipartInvalid");

    expect(await databaseState(database.db)).toBe(before);
    expect((await call("GET", `/api/entries/${entryId}`, { as: owner.id })).body.attachments).toEqual([]);
    // Neither what arrived nor the whole file is stored under its hash, and no temporary copy is left.
    for (const bytes of [file.subarray(0, sent), file]) expect(existsSync(stored(createHash("sha256").update(bytes).digest("hex")))).toBe(false);
    expect(await ownTempFiles()).toEqual([]);

    // The same file sent whole afterwards is stored and recorded as usual.
    const whole = new FormData();
    whole.append("file", new Blob([new Uint8Array(file)], { type: "application/pdf" }), "bai.pdf");
    const again = await call("POST", `/api/entries/${entryId}/attachments`, { as: owner.id, body: whole });
    expect(again.status).toBe(201);
    expect(existsSync(stored(again.body.sha256))).toBe(true);
    expect((await call("DELETE", `/api/entries/${entryId}/attachments/${again.body.id}`, { as: owner.id })).status).toBe(204);
  });
});

describe("temporary upload files", () => {
  it("are swept when their writer is gone, and kept while it is writing", async () => {
    const root = path.join(process.env.DATA_DIR!, `sweep-${randomBytes(4).toString("hex")}`);
    const tmp = path.join(root, "tmp");
    await mkdir(tmp, { recursive: true });
    const storage = localStorage(root);
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
      otherMachineRecent: `elsewhere.${dead}.0123456789ab.${uuid()}.part`,
      otherMachineOld: `elsewhere.1.0123456789ab.${uuid()}.part`,
      oldNaming: `${uuid()}.part`,
    };
    for (const name of Object.values(files)) await writeFile(path.join(tmp, name), "partial");
    const old = new Date(Date.now() - ABANDONED_AFTER_MS - 60_000);
    await utimes(path.join(tmp, files.otherMachineOld), old, old);
    // An upload of this process in progress.
    const live = await storage.begin();
    await new Promise<void>((resolve, reject) => live.sink.write(Buffer.from("%PDF-1.7\n"), (error) => (error ? reject(error) : resolve())));

    expect(await storage.sweep()).toEqual({ removed: 3 });
    const left = await readdir(tmp);
    expect(left.sort()).toEqual([files.otherMachineRecent, files.oldNaming, ...left.filter((n) => n.startsWith(`${host}.${process.pid}.`))].sort());
    expect(left.filter((n) => n.startsWith(`${host}.${process.pid}.`))).toHaveLength(1);

    // An hour without a write: abandoned, whoever wrote it (the live upload is an hour old too).
    expect(await storage.sweep(Date.now() + ABANDONED_AFTER_MS + 60_000)).toEqual({ removed: 3 });
    expect(await readdir(tmp)).toEqual([]);
    await live.abort();
  });
});
