import "server-only";
import { createHash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import { displayFileName, typeLabel } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import type { BlobStorage } from "./types";

export type ReceivedFile = { sha256: string; size: number; contentType: string; fileName: string };

// file-type needs at most this many leading bytes to recognise any format it knows.
const SNIFF_BYTES = 4100;
// Room for the multipart boundaries and headers around the file itself.
const ENVELOPE_BYTES = 64 * 1024;

// A PDF that also reads as a web page (a "polyglot": %PDF-1.4, then <html><script>…) would run
// its script wherever it is ever served or saved as HTML. A real PDF has no reason to carry markup
// in its first kilobytes (its XMP metadata is <?xpacket/<x:xmpmeta, not listed here), so one
// that does is refused. Only the start is read: that is where a browser sniffs for HTML, and
// compressed page content further on could match by chance.
const MARKUP_WINDOW = 16 * 1024;
const MARKUP = ["<html", "<head", "<body", "<script", "<svg", "<iframe", "<!doctype"];

/** Whether the first bytes of a file hold HTML or SVG markup (case-insensitive). */
export function holdsMarkup(start: Buffer): boolean {
  const text = start.subarray(0, MARKUP_WINDOW).toString("latin1").toLowerCase();
  return MARKUP.some((tag) => text.includes(tag));
}

/** Detected formats under the names the contest uses (file-type says audio/x-m4a for M4A). */
async function detectType(head: Buffer): Promise<string | null> {
  const found = await fileTypeFromBuffer(head);
  if (!found) return null;
  return found.mime === "audio/x-m4a" ? "audio/mp4" : found.mime;
}

/**
 * Streams the `file` field of a multipart request into storage: hashed and size-checked as it
 * arrives (never held whole in memory), typed by its leading bytes, not by its name or the
 * client's Content-Type, and committed under its SHA-256 only when complete and acceptable.
 */
export async function receiveUpload(req: Request, storage: BlobStorage, limits: { maxBytes: number; accepted: readonly string[] }): Promise<ReceivedFile> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !req.body) throw new AppError(415, "multipartRequired");
  const tooLarge = () => new AppError(413, "fileTooLarge", { maxBytes: limits.maxBytes });
  if (Number(req.headers.get("content-length") ?? 0) > limits.maxBytes + ENVELOPE_BYTES) throw tooLarge();
  const accepted = () => new AppError(415, "fileTypeRejected", { accepted: limits.accepted.map(typeLabel).join(", ") });

  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: 1, fileSize: limits.maxBytes, fields: 10, fieldSize: 1024, parts: 12 } });
  } catch {
    throw new AppError(400, "multipartInvalid");
  }
  const source = Readable.fromWeb(req.body as unknown as NodeWebReadableStream<Uint8Array>);

  let handling: Promise<ReceivedFile> | null = null;
  let fileStream: Readable | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", () => reject(new AppError(400, "multipartInvalid")));
    let received = 0;
    // Without a Content-Length the body is still bounded: stop reading past the limit.
    source.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes + ENVELOPE_BYTES) {
        source.destroy();
        reject(tooLarge());
      }
    });
    source.on("error", () => reject(new AppError(400, "multipartInvalid")));
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || handling) {
        stream.resume();
        return;
      }
      fileStream = stream;
      handling = storeFile(stream, info.filename ?? "", storage, limits.maxBytes);
      // Keep the rejection for the await below; this only stops it being reported as unhandled.
      handling.catch(() => undefined);
    });
  });
  source.pipe(parser);

  try {
    await finished;
  } catch (error) {
    // Stop the file half-way so its temporary copy is removed before we answer.
    (fileStream as Readable | null)?.destroy();
    await (handling as Promise<ReceivedFile> | null)?.catch(() => undefined);
    throw error;
  }
  if (!handling) throw new AppError(422, "fileMissing", {}, { file: { key: "required" } });
  const file = await (handling as Promise<ReceivedFile>);
  if (!limits.accepted.includes(file.contentType)) throw accepted();
  return file;

  async function storeFile(stream: Readable & { truncated?: boolean }, rawName: string, store: BlobStorage, maxBytes: number): Promise<ReceivedFile> {
    const upload = await store.begin();
    const hash = createHash("sha256");
    let size = 0;
    let head: Buffer | null = Buffer.alloc(0);
    let start = Buffer.alloc(0);
    let type: string | null = null;
    let rejected = false;
    const inspect = new Transform({
      async transform(chunk: Buffer, _encoding, done: TransformCallback) {
        size += chunk.length;
        hash.update(chunk);
        if (start.length < MARKUP_WINDOW) start = Buffer.concat([start, chunk.subarray(0, MARKUP_WINDOW - start.length)]);
        if (head) {
          head = Buffer.concat([head, chunk]);
          if (head.length < SNIFF_BYTES) return done();
          type = await detectType(head);
          rejected = !type || !limits.accepted.includes(type);
          const first = head;
          head = null;
          // A refused file is still read to its end (bounded above) but no longer written.
          return done(null, rejected ? undefined : first);
        }
        done(null, rejected ? undefined : chunk);
      },
      async flush(done: TransformCallback) {
        if (head) {
          type = head.length ? await detectType(head) : null;
          rejected = !type || !limits.accepted.includes(type);
          if (!rejected) this.push(head);
        }
        done();
      },
    });
    try {
      await pipeline(stream, inspect, upload.sink);
      if (stream.truncated || size > maxBytes) throw tooLarge();
      if (size === 0) throw new AppError(422, "fileEmpty", {}, { file: { key: "fileEmpty" } });
      if (rejected || !type) throw accepted();
      if (type === "application/pdf" && holdsMarkup(start)) throw new AppError(422, "pdfWithMarkup", {}, { file: { key: "pdfWithMarkup" } });
      const sha256 = hash.digest("hex");
      await upload.commit(sha256);
      return { sha256, size, contentType: type, fileName: displayFileName(rawName ?? "") };
    } catch (error) {
      await upload.abort();
      throw error;
    }
  }
}
