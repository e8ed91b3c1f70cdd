import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, type PDFObject } from "pdf-lib";
import { UnreadableFileError, type CleanResult } from "./types";

// Info dictionary entries that name people or their tools; CreationDate, ModDate and Trapped stay.
const INFO_KEYS: Record<string, string> = {
  Author: "pdf.author",
  Creator: "pdf.creator",
  Producer: "pdf.producer",
  Title: "pdf.title",
  Subject: "pdf.subject",
  Keywords: "pdf.keywords",
};
const KEEP_INFO = new Set(["CreationDate", "ModDate", "Trapped"]);
// Content streams bigger than this are not inflated for the byline check (memory, time).
const MAX_INFLATE = 8 * 1024 * 1024;

/**
 * PDF: empties the Info dictionary (Author, Creator, Producer, Title, Subject, Keywords and any
 * custom entry such as /Company), drops every XMP metadata stream and the /PieceInfo private data
 * of the document and its pages, then saves a fresh file (earlier incremental revisions, which can
 * still hold the old values, are not carried over).
 */
export async function cleanPdf(input: Buffer): Promise<CleanResult> {
  let doc: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib would write its own Producer and dates back in.
    doc = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true });
    // A file without a catalog or page tree parses as objects but is no document.
    if (doc.getPageCount() === 0) throw new Error("no pages");
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : "not a PDF");
  }
  const { context, catalog } = doc;
  const removed = new Set<string>();

  const infoRef = context.trailerInfo.Info;
  const info = infoRef ? context.lookup(infoRef) : undefined;
  if (info instanceof PDFDict) {
    for (const key of info.keys()) {
      const name = key.decodeText();
      if (KEEP_INFO.has(name)) continue;
      info.delete(key);
      removed.add(INFO_KEYS[name] ?? "pdf.custom");
    }
  }

  const dropFrom = (dict: PDFDict) => {
    for (const [key, label] of [["Metadata", "pdf.xmp"], ["PieceInfo", "pdf.pieceInfo"]] as const) {
      const value = dict.get(PDFName.of(key));
      if (!value) continue;
      dict.delete(PDFName.of(key));
      if (value instanceof PDFRef) context.delete(value);
      removed.add(label);
    }
  };
  dropFrom(catalog);
  for (const page of doc.getPages()) dropFrom(page.node);
  // pdf-lib writes every object it parsed, referenced or not: an XMP stream left over from an
  // earlier revision (or hung on a font or image) would reach the juror anyway.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFStream && object.dict.get(PDFName.of("Type")) === PDFName.of("Metadata")) {
      context.delete(ref);
      removed.add("pdf.xmp");
    }
  }

  // Object streams would hide the remaining strings from anyone reading the bytes; plain objects.
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
  return { bytes, removed: [...removed], text: readableText(doc) };
}

/**
 * The text the byline check can read without a PDF text extractor: every string object (outline
 * titles, annotations, form fields) and the literal strings of content streams that are stored
 * plainly or Flate-compressed. Limit: text drawn with subset or CID fonts (most PDFs made by
 * layout software) is glyph codes, not letters, and is not found; neither is text in images.
 */
function readableText(doc: PDFDocument): string[] {
  const found: string[] = [];
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined) => {
    if (!object || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFString || object instanceof PDFHexString) found.push(object.decodeText());
    else if (object instanceof PDFArray) object.asArray().forEach(visit);
    else if (object instanceof PDFDict) for (const value of object.values()) visit(value);
    if (object instanceof PDFRawStream) {
      visit(object.dict);
      const content = streamText(object);
      if (content) found.push(...literalStrings(content));
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
  return found;
}

function streamText(stream: PDFRawStream): string | null {
  const filter = stream.dict.get(PDFName.of("Filter"));
  try {
    if (!filter) return Buffer.from(stream.contents).toString("latin1");
    if (filter === PDFName.of("FlateDecode") || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of("FlateDecode"))) {
      return inflateSync(stream.contents, { maxOutputLength: MAX_INFLATE }).toString("latin1");
    }
  } catch {
    // Damaged or too large: nothing readable from it.
  }
  return null;
}

/** The `( … )` strings of a content stream, escapes resolved, as Latin-1 / PDFDocEncoding text. */
function literalStrings(content: string): string[] {
  const out: string[] = [];
  const re = /\((?:\\[\s\S]|[^\\)])*\)/g;
  for (const match of content.matchAll(re)) {
    out.push(
      match[0]
        .slice(1, -1)
        .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => (/^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[c] ?? c)),
    );
  }
  // Text shown glyph by glyph with kerning, [(Ng)-20(uy)(ễn)] TJ, reads as one word once joined.
  out.push(out.join(""));
  return out;
}
