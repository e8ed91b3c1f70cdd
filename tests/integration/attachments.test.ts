import "../support/env";
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContest } from "@/lib/db/seed";
import type { User } from "@/lib/db/schema";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, databaseState, form, makeUser, mp3, mp4, pdf } from "../support/fixtures";

const MB = 1024 * 1024;
const uploads = () => path.join(process.env.DATA_DIR!, "uploads");

function bytes(head: number[] | string, size = 6000): Buffer {
  const start = typeof head === "string" ? Buffer.from(head) : Buffer.from(head);
  return Buffer.concat([start, Buffer.alloc(size - start.length, 1)]);
}

describe.each(databaseKinds)("attachments on %s", (kind) => {
  let database: TestDatabase;
  let owner: User;
  let other: User;
  let secretariat: User;
  let entryId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    owner = await makeUser(database.db);
    other = await makeUser(database.db);
    secretariat = await makeUser(database.db, "secretariat");
    entryId = (await call("POST", "/api/entries", { as: owner.id, json: await completeEntry(database.db) })).body.id;
  });
  afterAll(() => database.dispose());

  it("stores an upload by its SHA-256, once, and serves it back only to those allowed", async () => {
    const file = pdf(300 * 1024);
    const sha256 = createHash("sha256").update(file).digest("hex");
    const res = await call("POST", `/api/entries/${entryId}/attachments`, { as: owner.id, body: form(file, "../../etc/Bài báo số 1\u202E.exe.pdf") });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sha256, size: file.length, contentType: "application/pdf", fileName: "Bài báo số 1.exe.pdf" });
    const stored = path.join(uploads(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect((await stat(stored)).size).toBe(file.length);

    // The same bytes again, under another name: recorded once, stored once.
    const again = await call("POST", `/api/entries/${entryId}/attachments`, { as: owner.id, body: form(file, "copy.pdf") });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    const second = (await call("POST", "/api/entries", { as: owner.id, json: { category: "print" } })).body.id;
    expect((await call("POST", `/api/entries/${second}/attachments`, { as: owner.id, body: form(file) })).status).toBe(201);

    const download = await call("GET", `/api/entries/${entryId}/attachments/${res.body.id}`, { as: owner.id });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="Bai bao so 1.exe.pdf"; filename*=UTF-8''B%C3%A0i%20b%C3%A1o%20s%E1%BB%91%201.exe.pdf`);
    const body = Buffer.from(await download.response.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(sha256);

    expect((await call("GET", `/api/entries/${entryId}/attachments/${res.body.id}`, { as: other.id })).status).toBe(404);
    // The secretariat reads submitted entries' files, never a private draft's.
    expect((await call("GET", `/api/entries/${entryId}/attachments/${res.body.id}`, { as: secretariat.id })).status).toBe(404);
    expect((await call("POST", `/api/entries/${entryId}/submit`, { as: owner.id })).status).toBe(200);
    expect((await call("GET", `/api/entries/${entryId}/attachments/${res.body.id}`, { as: secretariat.id })).status).toBe(200);
    expect((await call("GET", `/api/entries/${entryId}/attachments/${res.body.id}`)).status).toBe(401);
  });

  it("refuses files by their content, not their name, and keeps nothing of them", async () => {
    const draft = (await call("POST", "/api/entries", { as: owner.id, json: { category: "print" } })).body.id;
    const radio = (await call("POST", "/api/entries", { as: owner.id, json: { category: "radio" } })).body.id;
    const before = await databaseState(database.db);
    const tmpBefore = await readdir(path.join(uploads(), "tmp")).catch(() => []);
    const cases: [string, Buffer, string, number, string][] = [
      ["an executable named .pdf", bytes("MZ\x90\x00"), "bai.pdf", 415, "fileTypeRejected"],
      ["an ELF binary", bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), "bai.pdf", 415, "fileTypeRejected"],
      ["an SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 200), "anh.svg", 415, "fileTypeRejected"],
      ["a zip", bytes([0x50, 0x4b, 0x03, 0x04]), "bai.pdf", 415, "fileTypeRejected"],
      ["HTML", bytes("<!doctype html><script>alert(1)</script>", 100), "bai.pdf", 415, "fileTypeRejected"],
      ["a tiny unknown file", Buffer.from("%PD"), "bai.pdf", 415, "fileTypeRejected"],
      // A polyglot: a PDF to file-type, a web page to a browser.
      ["a PDF that is also a web page", bytes("%PDF-1.4\n%\xE2\xE3\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"), "bai.pdf", 422, "pdfWithMarkup"],
      ["a PDF carrying SVG", bytes("%PDF-1.7\n1 0 obj\n<SVG onload=alert(1)>\nendobj\n%%EOF\n"), "bai.pdf", 422, "pdfWithMarkup"],
      ["an empty file", Buffer.alloc(0), "bai.pdf", 422, "fileEmpty"],
      ["a file over the limit", pdf(20 * MB + 1), "lon.pdf", 413, "fileTooLarge"],
    ];
    for (const [label, content, name, status, code] of cases) {
      const res = await call("POST", `/api/entries/${draft}/attachments`, { as: owner.id, body: form(content, name) });
      expect(res.status, label).toBe(status);
      expect(res.body.error.code, label).toBe(code);
    }
    const polyglot = await call("POST", `/api/entries/${draft}/attachments`, { as: owner.id, body: form(bytes("%PDF-1.4\n<!DOCTYPE html><script>x</script>")), headers: { "accept-language": "en" } });
    expect(polyglot.body.error.fields).toEqual({ file: "This PDF contains web page code (HTML or SVG), so it cannot be accepted. Export the PDF again from your editor and upload it." });
    // A PDF is fine for print but not for radio, which takes MP3 and M4A.
    const wrongCategory = await call("POST", `/api/entries/${radio}/attachments`, { as: owner.id, body: form(pdf()) });
    expect(wrongCategory.status).toBe(415);
    expect(wrongCategory.body.error.message).toContain("MP3, M4A");
    expect((await call("POST", `/api/entries/${draft}/attachments`, { as: owner.id, body: form(pdf(), "x.pdf", "other") })).body.error.code).toBe("fileMissing");
    expect((await call("POST", `/api/entries/${draft}/attachments`, { as: owner.id, json: { file: "x" } })).status).toBe(415);
    expect(await databaseState(database.db)).toBe(before);
    expect(await readdir(path.join(uploads(), "tmp"))).toEqual(tmpBefore);
  });

  it("accepts every contest format when its category does", async () => {
    const photo = (await call("POST", "/api/entries", { as: owner.id, json: { category: "photo" } })).body.id;
    const radio = (await call("POST", "/api/entries", { as: owner.id, json: { category: "radio" } })).body.id;
    const tv = (await call("POST", "/api/entries", { as: owner.id, json: { category: "television" } })).body.id;
    // Real files: each is cleaned for the jurors on upload, so it has to parse as its type.
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: "#c33" } });
    const samples: [string, Buffer, string][] = [
      [photo, await image.clone().jpeg().toBuffer(), "image/jpeg"],
      [photo, await image.clone().png().toBuffer(), "image/png"],
      [photo, await image.clone().webp().toBuffer(), "image/webp"],
      [radio, mp3("Tác giả"), "audio/mpeg"],
      [radio, mp4("M4A "), "audio/mp4"],
      [tv, mp4("isom"), "video/mp4"],
    ];
    for (const [id, content, type] of samples) {
      const res = await call("POST", `/api/entries/${id}/attachments`, { as: owner.id, body: form(content, "tep") });
      expect(res.status, type).toBe(201);
      expect(res.body.contentType).toBe(type);
    }
  });

  it("removes an attachment but never the last one of a submitted entry", async () => {
    const entry = (await call("POST", "/api/entries", { as: owner.id, json: await completeEntry(database.db) })).body.id;
    const a = (await call("POST", `/api/entries/${entry}/attachments`, { as: owner.id, body: form(pdf()) })).body;
    const b = (await call("POST", `/api/entries/${entry}/attachments`, { as: owner.id, body: form(pdf()) })).body;
    expect((await call("POST", `/api/entries/${entry}/submit`, { as: owner.id })).status).toBe(200);
    expect((await call("DELETE", `/api/entries/${entry}/attachments/${a.id}`, { as: other.id })).status).toBe(404);
    expect((await call("DELETE", `/api/entries/${entry}/attachments/${a.id}`, { as: owner.id })).status).toBe(204);
    const last = await call("DELETE", `/api/entries/${entry}/attachments/${b.id}`, { as: owner.id });
    expect(last.status).toBe(422);
    expect(Object.keys(last.body.error.fields)).toEqual(["attachments"]);
    expect((await call("GET", `/api/entries/${entry}`, { as: owner.id })).body.attachments.map((f: { id: string }) => f.id)).toEqual([b.id]);
  });
});
