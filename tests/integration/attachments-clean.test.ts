// Blind judging through the files: what a journalist uploads keeps its metadata for the
// secretariat, while jurors only ever download a cleaned copy, on the local disk and on S3.
import "../support/env";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { reviewEntries } from "@/lib/db/queries/secretariat";
import { attachments, type User } from "@/lib/db/schema";
import { seedContest } from "@/lib/db/seed";
import { useStorage } from "@/lib/storage";
import { call } from "../support/api";
import { openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, databaseState, form, makeUser, mp3, mp4, pdf } from "../support/fixtures";
import { createTestBucket, storageKinds, type TestBucket } from "../support/s3";

const AUTHOR = "Nguyễn Thị Hoà";
const PEN = "Hoà Bình Minh";
const ASCII = "Nguyen Thi Hoa";
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const bytesOf = async (res: { response: Response }) => Buffer.from(await res.response.arrayBuffer());
const names = (b: Buffer) => [ASCII, "Hoa Binh Minh", AUTHOR].filter((n) => b.includes(Buffer.from(n, "latin1")) || b.includes(Buffer.from(n, "utf8")));

describe.each(storageKinds)("cleaned copies for jurors (%s storage)", (storageKind) => {
  let database: TestDatabase;
  let bucket: TestBucket | undefined;
  let author: User;
  let secretariat: User;
  let juror: User;
  let print: string;
  let radio: string;
  let tv: string;
  const originals: Record<string, Buffer> = {};

  beforeAll(async () => {
    if (storageKind === "s3") {
      bucket = await createTestBucket();
      useStorage(bucket.storage);
    }
    database = await openTestDatabase("pglite");
    await seedContest(database.db, new Date());
    author = await makeUser(database.db, "journalist", AUTHOR);
    secretariat = await makeUser(database.db, "secretariat", "Thư Ký");
    juror = await makeUser(database.db, "juror", "Giám Khảo");
    // Another outlet than the juror's, or the assignment would rightly skip them.
    const base = { ...(await completeEntry(database.db)), outlet: "Báo Riêng Của Tác Giả" };
    print = (await call("POST", "/api/entries", { as: author.id, json: { ...base, authors: [{ name: AUTHOR, penName: PEN }] } })).body.id;
    radio = (await call("POST", "/api/entries", { as: author.id, json: { ...base, category: "radio", length: 10, authors: [{ name: AUTHOR, penName: PEN }] } })).body.id;
    // The name is also in the page text (in capitals): it cannot be removed, only reported.
    originals.pdf = pdf(16 * 1024, "x", { info: { Author: ASCII, Creator: "Hoa Binh Minh's Word" }, text: `Phong su cua ${ASCII.toUpperCase()}` });
    originals.jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a6" } }).withExif({ IFD0: { Artist: ASCII } }).jpeg().toBuffer();
    originals.mp3 = mp3(ASCII);
    tv = (await call("POST", "/api/entries", { as: author.id, json: { ...base, category: "television", length: 10, authors: [{ name: AUTHOR, penName: PEN }] } })).body.id;
    originals.mp4 = mp4("isom", AUTHOR, 64 * 1024);
  });
  afterAll(async () => {
    useStorage(undefined);
    await database.dispose();
    await bucket?.dispose();
  });

  it("upload stores a cleaned copy, says what was removed and warns of a byline left in the text", async () => {
    const up = (entry: string, bytes: Buffer, name: string) => call("POST", `/api/entries/${entry}/attachments`, { as: author.id, body: form(bytes, name) });
    expect((await up(print, originals.pdf!, "phong-su.pdf")).status).toBe(201);
    expect((await up(print, originals.jpeg!, "anh.jpg")).status).toBe(201);
    expect((await up(radio, originals.mp3!, "Hoà Bình Minh - bản tin.mp3")).status).toBe(201);
    expect((await up(tv, originals.mp4!, "phong-su.mp4")).status).toBe(201);
    const rows = await database.db.select().from(attachments);
    const byType = Object.fromEntries(rows.map((r) => [r.contentType, r]));
    expect(byType["application/pdf"]).toMatchObject({ removedMetadata: ["pdf.author", "pdf.creator"], bylineFound: [AUTHOR] });
    expect(byType["image/jpeg"]).toMatchObject({ removedMetadata: ["image.exif"], bylineFound: [] });
    // The pen name is in the file name: the secretariat is warned even though the bytes are clean.
    expect(byType["audio/mpeg"]).toMatchObject({ removedMetadata: expect.arrayContaining(["audio.id3v1", "audio.id3v2"]), bylineFound: [PEN] });
    expect(byType["video/mp4"]).toMatchObject({ removedMetadata: ["video.udta"], bylineFound: [], cleanSize: originals.mp4!.length });
    for (const row of rows) expect(row.cleanSha256, row.contentType).toMatch(/^[0-9a-f]{64}$/);

    // The secretariat's review table carries the same, per file.
    for (const id of [print, radio, tv]) {
      expect((await call("POST", `/api/entries/${id}/submit`, { as: author.id })).status).toBe(200);
    }
    const contestId = (await call("GET", `/api/entries/${print}`, { as: author.id })).body.contestId;
    const review = await reviewEntries(database.db, contestId, { q: "", page: 1 });
    const printRow = review.rows.find((r) => r.id === print)!;
    expect(printRow.files.map((f) => [f.contentType, f.removedMetadata, f.bylineFound])).toEqual([
      ["application/pdf", ["pdf.author", "pdf.creator"], [AUTHOR]],
      ["image/jpeg", ["image.exif"], []],
    ]);
  });

  it("a juror downloads only the cleaned copy; the secretariat still gets the original", async () => {
    for (const id of [print, radio, tv]) {
      expect((await call("POST", `/api/admin/entries/${id}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } })).status).toBe(200);
    }
    const round = { name: { vi: "Sơ khảo", en: "Preliminary" }, scope: { kind: "eligible" }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null };
    const roundId = (await call("POST", "/api/admin/rounds", { as: secretariat.id, json: round })).body.id;
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: [{ jurorId: juror.id, panels: [] }] } })).status).toBe(204);
    const run = await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id });
    expect(run.body.unmet).toEqual([]);
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);

    const seen: string[] = [];
    for (const id of [print, radio, tv]) {
      const entry = (await call("GET", `/api/jury/entries/${id}`, { as: juror.id })).body.entry;
      for (const file of entry.attachments as { id: string; contentType: string; size: number; url: string }[]) {
        const got = await call("GET", file.url, { as: juror.id });
        expect(got.status).toBe(200);
        const bytes = await bytesOf(got);
        expect(names(bytes), file.contentType).toEqual([]);
        expect(bytes.length, "listed size is the copy's").toBe(file.size);
        const original = await call("GET", `/api/entries/${id}/attachments/${file.id}`, { as: secretariat.id });
        const kept = await bytesOf(original);
        expect(names(kept).length, file.contentType).toBeGreaterThan(0);
        expect(sha(kept)).toBe(sha(Object.values(originals).find((o) => sha(o) === sha(kept))!));
        seen.push(file.contentType);
      }
    }
    expect(seen.sort()).toEqual(["application/pdf", "audio/mpeg", "image/jpeg", "video/mp4"]);
    // The cleaned PDF is still the document: its page and its text.
    const pdfRow = (await database.db.select().from(attachments).where(eq(attachments.contentType, "application/pdf")))[0]!;
    const copy = await bytesOf(await call("GET", `/api/jury/entries/${print}/attachments/${pdfRow.id}`, { as: juror.id }));
    const doc = await PDFDocument.load(copy, { updateMetadata: false });
    expect([doc.getPageCount(), doc.getAuthor(), doc.getCreator()]).toEqual([1, undefined, undefined]);
    expect(copy.includes(Buffer.from("Phong su cua"))).toBe(true);
  });

  it("a file stored before cleaning existed is cleaned on its first juror download", async () => {
    const [row] = await database.db.select().from(attachments).where(eq(attachments.contentType, "image/jpeg"));
    await database.db.update(attachments).set({ cleanSha256: null, cleanSize: null, removedMetadata: null, bylineFound: null }).where(eq(attachments.id, row!.id));
    const got = await call("GET", `/api/jury/entries/${print}/attachments/${row!.id}`, { as: juror.id });
    expect(got.status).toBe(200);
    expect(names(await bytesOf(got))).toEqual([]);
    const [after] = await database.db.select().from(attachments).where(eq(attachments.id, row!.id));
    expect(after).toMatchObject({ cleanSha256: row!.cleanSha256, removedMetadata: ["image.exif"], bylineFound: [] });
  });

  it("refuses a file that does not parse as its type with 422, recording nothing", async () => {
    const draft = (await call("POST", "/api/entries", { as: author.id, json: await completeEntry(database.db) })).body.id;
    const before = await databaseState(database.db);
    const fake = Buffer.concat([Buffer.from("%PDF-1.7\n%fake\n"), Buffer.alloc(8000, 0x20)]);
    const res = await call("POST", `/api/entries/${draft}/attachments`, { as: author.id, body: form(fake, "bai.pdf") });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("fileUnreadable");
    expect(res.body.error.message).toContain("PDF");
    expect(await databaseState(database.db)).toBe(before);
  });
});
