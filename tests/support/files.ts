// Real, minimal files of each contest type, made by hand (no database or server imports: the
// end-to-end specs use them too). Uploads are cleaned (lib/storage/clean), so filler bytes no
// longer pass: each must parse as what it claims to be.
import { randomBytes } from "node:crypto";

export type PdfOptions = { info?: Record<string, string>; text?: string };

const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A one-page PDF showing `text` (Helvetica, uncompressed), with the Info entries given, padded with
 * whitespace between objects to exactly `size` bytes when that is larger; `seed` makes it unique.
 */
export function pdf(size = 8 * 1024, seed = randomBytes(8).toString("hex"), options: PdfOptions = {}): Buffer {
  const content = `BT /F1 12 Tf 72 770 Td ${pdfString(options.text ?? "Bai du thi")} Tj ET`;
  const info = Object.entries(options.info ?? {}).map(([k, v]) => `/${k} ${pdfString(v)}`).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< ${info} >>`,
  ];
  let body = `%PDF-1.7\n%${seed}\n`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const tail = (at: number) =>
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}` +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  const head = Buffer.byteLength(body, "latin1");
  const natural = head + Buffer.byteLength(tail(head), "latin1");
  // The padding shifts startxref, whose digits can change the length: settle it in two passes.
  let pad = Math.max(0, size - natural);
  pad = Math.max(0, size - head - Buffer.byteLength(tail(head + pad), "latin1"));
  return Buffer.concat([Buffer.from(body, "latin1"), Buffer.alloc(pad, 0x20), Buffer.from(tail(head + pad), "latin1")]);
}

const syncsafe = (n: number) => Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);

/** An MP3: `frames` silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz), with ID3v2.3 and ID3v1 tags naming `artist`. */
export function mp3(artist?: string, frames = 20): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  const audio = Buffer.concat(Array.from({ length: frames }, () => frame));
  if (!artist) return audio;
  const text = Buffer.concat([Buffer.from([0]), Buffer.from(artist, "latin1")]);
  const tpe1 = Buffer.concat([Buffer.from("TPE1"), Buffer.from([0, 0, 0, text.length]), Buffer.from([0, 0]), text]);
  const id3v2 = Buffer.concat([Buffer.from("ID3"), Buffer.from([3, 0, 0]), syncsafe(tpe1.length), tpe1]);
  const id3v1 = Buffer.alloc(128);
  id3v1.write("TAG", 0, "latin1");
  id3v1.write(artist.slice(0, 30), 33, "latin1");
  return Buffer.concat([id3v2, audio, id3v1]);
}

const box = (type: string, ...children: Buffer[]) => {
  const payload = Buffer.concat(children);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, payload]);
};

/**
 * An MP4 (`brand` "isom") or M4A ("M4A "): ftyp, a moov whose udta carries an iTunes-style
 * ©ART tag naming `artist` (when given), and an mdat of `mediaBytes`.
 */
export function mp4(brand = "isom", artist?: string, mediaBytes = 4096): Buffer {
  const ftyp = box("ftyp", Buffer.from(brand, "latin1"), Buffer.from([0, 0, 2, 0]), Buffer.from("isommp41"));
  const mvhd = box("mvhd", Buffer.alloc(100));
  const udta = artist ? [box("udta", box("meta", Buffer.alloc(4), box("ilst", box("\u00a9ART", box("data", Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from(artist, "utf8"))))))] : [];
  const trak = box("trak", box("tkhd", Buffer.alloc(84)), box("mdia", box("mdhd", Buffer.alloc(24))));
  const moov = box("moov", mvhd, trak, ...udta);
  const media = Buffer.alloc(mediaBytes);
  for (let i = 0; i < media.length; i++) media[i] = (i * 31) & 0xff;
  return Buffer.concat([ftyp, moov, box("mdat", media)]);
}
