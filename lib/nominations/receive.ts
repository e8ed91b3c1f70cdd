import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import { displayFileName, typeLabel, type FieldIssue } from "@/lib/contest/rules";
import type { StoredEvidence } from "@/lib/db/queries/nominations";
import { AppError } from "@/lib/errors";
import { holdsMarkup } from "@/lib/storage/receive";
import { cleanFile, UnreadableFileError } from "@/lib/storage/clean";
import type { BlobStorage } from "@/lib/storage";
import { MAX_FILE_BYTES, MAX_FILES, NOMINATION_FILE_TYPES } from "@/lib/validation/nomination";

export type ReceivedForm = { fields: Map<string, string[]>; files: { name: string; bytes: Buffer }[] };

const MAX_FIELDS = 40;
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * A plain form post (multipart/form-data or urlencoded) read whole: its text fields by name and,
 * for multipart, at most MAX_FILES files of at most MAX_FILE_BYTES each in the `files` field.
 * An empty file input (no name, no bytes) is not a file. Anything beyond the limits is a 413/422.
 */
export async function readForm(req: Request): Promise<ReceivedForm> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!req.body) throw new AppError(415, "multipartRequired");
  const total = MAX_FILES * MAX_FILE_BYTES + MAX_FIELDS * MAX_FIELD_BYTES;
  if (Number(req.headers.get("content-length") ?? 0) > total) throw new AppError(413, "fileTooLarge", { max: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: MAX_FILES + 1, fileSize: MAX_FILE_BYTES, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + MAX_FILES + 1 } });
  } catch {
    throw new AppError(415, "multipartRequired");
  }
  const fields = new Map<string, string[]>();
  const files: { name: string; bytes: Buffer }[] = [];
  let problem: AppError | null = null;
  const source = Readable.fromWeb(req.body as unknown as NodeWebReadableStream<Uint8Array>);
  await new Promise<void>((resolve, reject) => {
    let received = 0;
    source.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > total) {
        source.destroy();
        reject(new AppError(413, "fileTooLarge", { max: `${MAX_FILE_BYTES / 1024 / 1024} MB` }));
      }
    });
    source.on("error", () => reject(new AppError(400, "multipartInvalid")));
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) problem ??= new AppError(422, "validation", {}, { [name]: { key: "tooLong", params: { max: MAX_FIELD_BYTES } } });
      if (!fields.has(name)) fields.set(name, []);
      fields.get(name)!.push(value);
    });
    parser.on("file", (name, stream: Readable & { truncated?: boolean }, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const bytes = Buffer.concat(chunks);
        if (name !== "files" || (bytes.length === 0 && !info.filename)) return;
        if (stream.truncated) problem ??= new AppError(413, "fileTooLarge", { max: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
        files.push({ name: info.filename ?? "", bytes });
      });
    });
    parser.on("filesLimit", () => (problem ??= tooManyFiles()));
    parser.on("fieldsLimit", () => (problem ??= new AppError(422, "validation", {}, { _: { key: "unknownField" } })));
    parser.on("error", () => reject(new AppError(400, "multipartInvalid")));
    parser.on("close", resolve);
    source.pipe(parser);
  });
  if (problem) throw problem;
  if (files.length > MAX_FILES) throw tooManyFiles();
  return { fields, files };
}

const tooManyFiles = () => new AppError(422, "validation", {}, { "evidence.files": { key: "tooMany", params: { max: MAX_FILES } } });

const fileIssue = (issue: FieldIssue) => new AppError(422, "validation", {}, { "evidence.files": issue });

/**
 * Checks each evidence file by its content (never its name or the type the browser sent), refuses
 * a PDF that also reads as a web page, removes its metadata (lib/storage/clean, as entries' files
 * are for jurors), and stores only that cleaned copy. A file that cannot be cleaned is refused.
 */
export async function storeEvidence(storage: BlobStorage, files: { name: string; bytes: Buffer }[]): Promise<StoredEvidence[]> {
  const stored: StoredEvidence[] = [];
  const accepted = NOMINATION_FILE_TYPES.map(typeLabel).join(", ");
  for (const file of files) {
    if (file.bytes.length === 0) throw fileIssue({ key: "fileEmpty" });
    const found = await fileTypeFromBuffer(file.bytes);
    const type = found?.mime;
    if (!type || !(NOMINATION_FILE_TYPES as readonly string[]).includes(type)) throw fileIssue({ key: "attachmentTypeForCategory", params: { accepted } });
    if (type === "application/pdf" && holdsMarkup(file.bytes)) throw fileIssue({ key: "pdfWithMarkup" });
    let clean: { bytes: Buffer; removed: string[] };
    try {
      clean = await cleanFile(file.bytes, type);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw fileIssue({ key: "fileUnreadable", params: { type: typeLabel(type) } });
      throw error;
    }
    const sha256 = createHash("sha256").update(clean.bytes).digest("hex");
    const upload = await storage.begin();
    try {
      await pipeline(Readable.from([clean.bytes]), upload.sink);
      await upload.commit(sha256);
    } catch (error) {
      await upload.abort();
      throw error;
    }
    stored.push({ sha256, size: clean.bytes.length, contentType: type, fileName: displayFileName(file.name), removedMetadata: clean.removed });
  }
  return stored;
}
