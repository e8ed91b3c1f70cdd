import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { typeLabel } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import type { BlobStorage } from "../types";
import { findBylines } from "./byline";
import { cleanFile } from "./index";
import { UnreadableFileError } from "./types";

export type CleanRecord = { cleanSha256: string; cleanSize: number; removedMetadata: string[]; bylineFound: string[] };

// The cleaners parse whole files, so the file is read into memory (MP4 up to the category limit).
async function readStored(storage: BlobStorage, sha256: string): Promise<Buffer> {
  const file = await storage.open(sha256);
  if (!file) throw new AppError(404, "notFound");
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(file.stream as import("node:stream/web").ReadableStream<Uint8Array>)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Makes and stores the copy jurors receive, beside the original (content-addressed too), and
 * checks it for the authors' names. A file the cleaner cannot parse is refused with 422: jurors
 * must never be handed the original instead.
 */
export async function storeCleanCopy(
  storage: BlobStorage,
  original: { sha256: string; contentType: string; fileName: string },
  authorNames: readonly string[],
): Promise<CleanRecord> {
  const bytes = await readStored(storage, original.sha256);
  let result;
  try {
    result = await cleanFile(bytes, original.contentType);
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw new AppError(422, "fileUnreadable", { type: typeLabel(original.contentType) }, { file: { key: "fileUnreadable", params: { type: typeLabel(original.contentType) } } });
    }
    throw error;
  }
  const cleanSha256 = createHash("sha256").update(result.bytes).digest("hex");
  const upload = await storage.begin();
  try {
    await pipeline(Readable.from([result.bytes]), upload.sink);
    await upload.commit(cleanSha256);
  } catch (error) {
    await upload.abort();
    throw error;
  }
  // The file name is checked too: the secretariat sees it, and it often carries the author's name.
  const bylineFound = findBylines(authorNames, [...result.text, original.fileName]);
  return { cleanSha256, cleanSize: result.bytes.length, removedMetadata: result.removed, bylineFound };
}
