import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { Mp3Encoder } from "@breezystack/lamejs";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import sharp from "sharp";

// The demo entries' files, made in code so the demo needs no download and no file in the
// repository: a printed newspaper page as a PDF (Vietnamese headline and body in Be Vietnam Pro,
// the font the site itself serves), JPEG photographs drawn as landscapes, and a short MP3 clip.

const FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/be-vietnam-pro/files");
// Fontsource splits the family by script: a Vietnamese text needs the Latin and the Vietnamese
// files together (ă, đ, ĩ, ũ, ơ, ư and the stacked tones are in the second), each glyph taken from
// the first file that has it.
const SUBSETS = ["latin", "vietnamese"] as const;

type Face = { fonts: PDFFont[]; sets: Set<number>[] };

// Read once per process; pdf-lib parses and subsets them for each document.
const fontFiles = new Map<string, Promise<Buffer>>();
function fontFile(subset: string, weight: number): Promise<Buffer> {
  const name = `be-vietnam-pro-${subset}-${weight}-normal.woff`;
  if (!fontFiles.has(name)) fontFiles.set(name, readFile(path.join(FONT_DIR, name)));
  return fontFiles.get(name)!;
}

async function embedFace(doc: PDFDocument, weight: 400 | 700): Promise<Face> {
  const fonts = await Promise.all(SUBSETS.map(async (s) => doc.embedFont(await fontFile(s, weight), { subset: true })));
  return { fonts, sets: fonts.map((f) => new Set(f.getCharacterSet())) };
}

/** Text split into runs that one font file can draw. */
function runs(face: Face, text: string): { font: PDFFont; text: string }[] {
  const out: { font: PDFFont; text: string }[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const i = Math.max(0, face.sets.findIndex((set) => set.has(code)));
    const font = face.fonts[i]!;
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ font, text: ch });
  }
  return out;
}

const widthOf = (face: Face, text: string, size: number) => runs(face, text).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);

function drawLine(page: PDFPage, face: Face, text: string, x: number, y: number, size: number, color = rgb(0.1, 0.1, 0.1)): void {
  for (const run of runs(face, text)) {
    page.drawText(run.text, { x, y, size, font: run.font, color });
    x += run.font.widthOfTextAtSize(run.text, size);
  }
}

/** Words wrapped to `width`. */
function wrap(face: Face, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && widthOf(face, next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export type PrintedArticle = { section: string; date: string; page: number; headline: string; standfirst: string; body: string[] };

/**
 * A newspaper page as it was printed: running head, a headline across the page, the standfirst,
 * and the body in two columns (continued on a second page when it is long). No byline and no
 * masthead: the contest's rules ask authors to leave their names out of what jurors read.
 */
export async function printedArticlePdf(article: PrintedArticle): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([embedFace(doc, 400), embedFace(doc, 700)]);
  const [W, H, margin, gutter] = [595, 842, 48, 20];
  const column = (W - 2 * margin - gutter) / 2;
  let page = doc.addPage([W, H]);
  let pageNo = article.page;
  const runningHead = () => {
    drawLine(page, regular, `${article.section.toUpperCase()}  ·  ${article.date}`, margin, H - 36, 9, rgb(0.35, 0.35, 0.35));
    drawLine(page, regular, String(pageNo), W - margin - widthOf(regular, String(pageNo), 9), H - 36, 9, rgb(0.35, 0.35, 0.35));
    page.drawLine({ start: { x: margin, y: H - 44 }, end: { x: W - margin, y: H - 44 }, thickness: 1.2, color: rgb(0.6, 0.1, 0.08) });
  };
  runningHead();
  let y = H - 84;
  for (const line of wrap(bold, article.headline, 26, W - 2 * margin)) {
    drawLine(page, bold, line, margin, y, 26);
    y -= 32;
  }
  y -= 4;
  for (const line of wrap(bold, article.standfirst, 12, W - 2 * margin)) {
    drawLine(page, bold, line, margin, y, 12, rgb(0.25, 0.25, 0.25));
    y -= 17;
  }
  y -= 10;
  page.drawLine({ start: { x: margin, y: y + 6 }, end: { x: W - margin, y: y + 6 }, thickness: 0.5, color: rgb(0.7, 0.7, 0.7) });
  const lines = article.body.flatMap((p) => [...wrap(regular, p, 10.5, column), ""]);
  const top = y - 8;
  let [col, cy] = [0, top];
  for (const line of lines) {
    if (cy < margin) {
      if (col === 0) [col, cy] = [1, top];
      else {
        page = doc.addPage([W, H]);
        pageNo++;
        runningHead();
        [col, cy] = [0, H - 70];
      }
    }
    if (line) drawLine(page, regular, line, margin + col * (column + gutter), cy, 10.5);
    cy -= line ? 14.5 : 7;
  }
  return Buffer.from(await doc.save());
}

export type Landscape = { sky: [string, string]; hills: string[]; sun?: string; water?: string };

/** A photograph-sized JPEG (1600 × 1067) of a landscape drawn from bands of colour. */
export async function landscapeJpeg(scene: Landscape): Promise<Buffer> {
  const [w, h] = [1600, 1067];
  const hills = scene.hills
    .map((fill, i) => {
      const base = h * (0.45 + i * 0.12);
      const points = Array.from({ length: 9 }, (_, k) => `${(k * w) / 8},${Math.round(base - 60 * Math.sin(k * 1.3 + i * 2) - 30 * Math.cos(k * 0.7 + i))}`).join(" ");
      return `<polygon points="0,${h} ${points} ${w},${h}" fill="${fill}"/>`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky[0]}"/><stop offset="1" stop-color="${scene.sky[1]}"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#s)"/>
    ${scene.sun ? `<circle cx="${w * 0.72}" cy="${h * 0.22}" r="70" fill="${scene.sun}" opacity="0.9"/>` : ""}
    ${hills}
    ${scene.water ? `<rect y="${h * 0.86}" width="${w}" height="${h * 0.14}" fill="${scene.water}" opacity="0.85"/>` : ""}
  </svg>`;
  // A little grain, as a real photograph has, so the JPEG is photo-sized rather than flat.
  return sharp(Buffer.from(svg)).blur(1.2).jpeg({ quality: 84, mozjpeg: true }).toBuffer();
}

/**
 * A short MP3 (mono, 22.05 kHz, 48 kbit/s): a tune on a soft bell-like tone, as a radio
 * report's signature opens, `seconds` long.
 */
export function signatureTuneMp3(seconds = 6): Buffer {
  const rate = 22050;
  const notes = [392, 440, 523.25, 587.33, 659.25, 587.33, 523.25, 440]; // a pentatonic phrase
  const samples = new Int16Array(Math.round(seconds * rate));
  const noteLength = samples.length / notes.length;
  for (let i = 0; i < samples.length; i++) {
    const n = Math.min(notes.length - 1, Math.floor(i / noteLength));
    const t = (i - n * noteLength) / rate;
    const envelope = Math.exp(-3 * t) * Math.min(1, t * 200);
    const f = notes[n]!;
    samples[i] = Math.round(9000 * envelope * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)));
  }
  const encoder = new Mp3Encoder(1, rate, 48);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < samples.length; i += 1152) chunks.push(encoder.encodeBuffer(samples.subarray(i, i + 1152)));
  chunks.push(encoder.flush());
  return Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
}
