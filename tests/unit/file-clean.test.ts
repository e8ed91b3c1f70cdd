import { PDFDocument, PDFName } from "pdf-lib";
import sharp, { type Sharp } from "sharp";
import { describe, expect, it } from "vitest";
import { cleanFile, findBylines, REMOVED_KEYS, UnreadableFileError } from "@/lib/storage/clean";
import adminVi from "@/lib/i18n/messages/vi/admin.json";
import adminEn from "@/lib/i18n/messages/en/admin.json";
import { cleanMp4Stream } from "@/lib/storage/clean/mp4";
import { mp3, mp4, pdf } from "../support/files";

const AUTHOR = "Nguyễn Thị Hoà";
const has = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, "latin1")) || bytes.includes(Buffer.from(text, "utf8"));

describe("cleaning files for jurors", () => {
  it("PDF: empties the Info dictionary and drops the XMP stream and PieceInfo, keeping the page", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText("Bai du thi ve thay giao ban Mong", { x: 72, y: 770, size: 12 });
    doc.setAuthor("Nguyen Thi Hoa");
    doc.setCreator("Writer of Nguyen Thi Hoa");
    doc.setProducer("Producer X");
    doc.setTitle("Phong su");
    doc.setKeywords(["hoa", "nguyen"]);
    const xmp = doc.context.stream('<x:xmpmeta><dc:creator>Nguyen Thi Hoa XMP</dc:creator></x:xmpmeta>', { Type: "Metadata", Subtype: "XML" });
    doc.catalog.set(PDFName.of("Metadata"), doc.context.register(xmp));
    doc.catalog.set(PDFName.of("PieceInfo"), doc.context.obj({ Illustrator: { Private: "Nguyen Thi Hoa piece" } }));
    const input = Buffer.from(await doc.save({ useObjectStreams: false }));
    expect(has(input, "Nguyen Thi Hoa XMP")).toBe(true);

    const { bytes, removed } = await cleanFile(input, "application/pdf");
    expect(removed).toEqual(expect.arrayContaining(["pdf.author", "pdf.creator", "pdf.producer", "pdf.title", "pdf.keywords", "pdf.xmp", "pdf.pieceInfo"]));
    expect(has(bytes, "Nguyen Thi Hoa")).toBe(false);
    expect(has(bytes, "Producer X")).toBe(false);
    const back = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(back.getPageCount()).toBe(1);
    expect(back.getAuthor()).toBeUndefined();
    expect(back.getCreator()).toBeUndefined();
    expect(back.catalog.get(PDFName.of("Metadata"))).toBeUndefined();
  });

  it("PDF: finds an author's name left in the page text, diacritics and case aside", async () => {
    const { removed, text } = await cleanFile(pdf(4096, "s", { info: { Author: "X" }, text: "Bai va anh: NGUYEN THI HOA" }), "application/pdf");
    expect(removed).toEqual(["pdf.author"]);
    expect(findBylines([AUTHOR, "Hoa Sen"], text)).toEqual([AUTHOR]);
    expect(findBylines(["Hoà"], ["Hoàng Sa"])).toEqual([]);
  });

  it("JPEG, PNG, WebP: drop EXIF (Artist) and keep the picture", async () => {
    const pixels = sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 30, b: 30 } } });
    for (const [type, make] of [
      ["image/jpeg", (s: Sharp) => s.jpeg()],
      ["image/png", (s: Sharp) => s.png()],
      ["image/webp", (s: Sharp) => s.webp()],
    ] as const) {
      const input = await make(pixels.clone().withExif({ IFD0: { Artist: "Nguyen Thi Hoa", Copyright: "Bao Lao Dong" } })).toBuffer();
      expect(has(input, "Nguyen Thi Hoa"), type).toBe(true);
      const { bytes, removed } = await cleanFile(input, type);
      expect(removed, type).toContain("image.exif");
      expect(has(bytes, "Nguyen Thi Hoa"), type).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height, meta.exif], type).toEqual([32, 24, undefined]);
      const { dominant } = await sharp(bytes).stats();
      expect(dominant.r, type).toBeGreaterThan(150);
    }
  });

  it("JPEG: a photo taken sideways still stands the right way up once EXIF is gone", async () => {
    const input = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#888" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const meta = await sharp((await cleanFile(input, "image/jpeg")).bytes).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([20, 40, undefined]);
  });

  it("MP3: strips ID3v2 and ID3v1 tags, audio frames unchanged", async () => {
    const input = mp3("Nguyen Thi Hoa");
    const { bytes, removed } = await cleanFile(input, "audio/mpeg");
    expect(removed.sort()).toEqual(["audio.id3v1", "audio.id3v2"]);
    expect(has(bytes, "Nguyen")).toBe(false);
    expect(bytes.equals(mp3())).toBe(true);
  });

  it("MP4 and M4A: udta becomes free space of the same size, so every offset into mdat holds", async () => {
    for (const [brand, type] of [["isom", "video/mp4"], ["M4A ", "audio/mp4"]] as const) {
      const input = mp4(brand, "Nguyễn Thị Hoà");
      const { bytes, removed } = await cleanFile(input, type);
      expect(removed, type).toEqual(["video.udta"]);
      expect(has(bytes, "Nguyễn Thị Hoà"), type).toBe(false);
      expect(bytes.length).toBe(input.length);
      expect(bytes.includes(Buffer.from("udta"))).toBe(false);
      expect(bytes.subarray(-4096).equals(input.subarray(-4096)), "mdat").toBe(true);
      expect(bytes.readUInt32BE(bytes.indexOf("moov") - 4)).toBe(input.readUInt32BE(input.indexOf("moov") - 4));
    }
  });

  it("MP4 streamed in small pieces (videos up to 1 GB are not held in memory) comes out as the whole-file cleaning", async () => {
    const input = mp4("isom", "Nguyễn Thị Hoà", 50_000);
    async function* pieces(bytes: Buffer, size: number) {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    }
    const run = async (bytes: Buffer, size: number) => {
      const removed = new Set<string>();
      const out: Buffer[] = [];
      for await (const chunk of cleanMp4Stream(pieces(bytes, size), removed)) out.push(chunk);
      return { bytes: Buffer.concat(out), removed: [...removed] };
    };
    const whole = await cleanFile(input, "video/mp4");
    for (const size of [7, 1000, 1 << 20]) expect(await run(input, size), String(size)).toEqual({ bytes: whole.bytes, removed: whole.removed });
    await expect(run(input.subarray(0, input.length - 10), 1000)).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(run(Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypisom"), Buffer.alloc(6000, 0)]), 1000)).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it("refuses what does not parse as its type instead of passing it on", async () => {
    const filler = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x20)]);
    for (const [bytes, type] of [
      [filler, "application/pdf"],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1]), "image/jpeg"],
      [Buffer.concat([Buffer.from("ID3\x03\x00\x00\x00\x00\x00\x00"), Buffer.alloc(100_000, 0)]), "audio/mpeg"],
      [Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypisom"), Buffer.alloc(6000, 0)]), "video/mp4"],
      [Buffer.from("x"), "text/html"],
    ] as const) {
      await expect(cleanFile(bytes, type), type).rejects.toBeInstanceOf(UnreadableFileError);
    }
  });

  it("names everything it can remove in both languages, plainly", () => {
    for (const messages of [adminVi, adminEn]) {
      const what = messages.Admin.Files.what as Record<string, Record<string, string>>;
      for (const key of REMOVED_KEYS) {
        const [group, item] = key.split(".") as [string, string];
        expect(what[group]?.[item], key).toBeTruthy();
      }
    }
    // Vietnamese labels carry no English or format names.
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : values(v as object)));
    const vi = values(adminVi.Admin.Files).join(" | ");
    expect(vi).not.toMatch(/\b(XMP|EXIF|IPTC|ID3|metadata|author|tags?)\b/);
  });
});
