import "server-only";
import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { typeLabel } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import type { BlobStorage } from "../types";
import { findBylines } from "./byline";
import { cleanFile } from "./index";
import { cleanMp4Stream } from "./mp4";
import { UnreadableFileError } from "./types";

export type CleanRecord = { cleanSha256: string; cleanSize: number; removedMetadata: string[]; bylineFound: string[] };
type Original = { sha256: string; contentType: string; fileName: string };

// Videos (up to 1 GB) are cleaned as they stream; the other types are parsed whole in memory
// (PDF and images up to 20 MB, MP3 up to 200 MB).
const STREAMED = new Set(["video/mp4", "audio/mp4"]);

async function openStored(storage: BlobStorage, sha256: string): Promise<Readable> {
  const file = await storage.open(sha256);
  if (!file) throw new AppError(404, "notFound");
  return Readable.fromWeb(file.stream as unknown as NodeWebReadableStream<Uint8Array>);
}

const unreadable = (original: Original) => {
  const type = typeLabel(original.contentType);
  return new AppError(422, "fileUnreadable", { type }, { file: { key: "fileUnreadable", params: { type } } });
};

/** Writes `chunks` to storage under their SHA-256; nothing is visible unless all of it was written. */
export async function storeBytes(storage: BlobStorage, chunks: AsyncIterable<Buffer> | Buffer[]): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  const upload = await storage.begin();
  try {
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.from(chunks), count, upload.sink);
    const sha256 = hash.digest("hex");
    await upload.commit(sha256);
    return { sha256, size };
  } catch (error) {
    await upload.abort();
    throw error;
  }
}

/**
 * Makes and stores the copy jurors receive, beside the original (content-addressed too), and
 * checks it for the authors' names. A file the cleaner cannot parse is refused with 422: jurors
 * must never be handed the original instead.
 */
export async function storeCleanCopy(storage: BlobStorage, original: Original, authorNames: readonly string[]): Promise<CleanRecord> {
  let removed: string[];
  let text: string[];
  let stored: { sha256: string; size: number };
  try {
    if (STREAMED.has(original.contentType)) {
      const found = new Set<string>();
      stored = await storeBytes(storage, cleanMp4Stream(await openStored(storage, original.sha256), found));
      [removed, text] = [[...found], []];
    } else {
      const chunks: Buffer[] = [];
      for await (const chunk of await openStored(storage, original.sha256)) chunks.push(chunk as Buffer);
      const result = await cleanFile(Buffer.concat(chunks), original.contentType);
      stored = await storeBytes(storage, [result.bytes]);
      [removed, text] = [result.removed, result.text];
    }
  } catch (error) {
    throw error instanceof UnreadableFileError ? unreadable(original) : error;
  }
  // The file name is checked too: the secretariat sees it, and it often carries the author's name.
  const bylineFound = findBylines(authorNames, [...text, original.fileName]);
  return { cleanSha256: stored.sha256, cleanSize: stored.size, removedMetadata: removed, bylineFound };
}
