import type { Writable } from "node:stream";

/** Content-addressed file storage: the local disk (./local.ts) or an S3-compatible bucket (./s3.ts). */
export interface BlobStorage {
  /** A place to stream a new file into; nothing is visible until commit(). */
  begin(): Promise<BlobUpload>;
  /** The stored file with this SHA-256, or null. */
  open(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> } | null>;
  /** Deletes the stored file with this SHA-256 (nothing when there is none): callers check no row still uses it. */
  removeBlob(sha256: string): Promise<void>;
  /** For the readiness report: whether the store answers, and whether a new file could be written now. */
  probe(): Promise<{ ok: boolean; writable: boolean }>;
  /** Removes temporary files whose writer is gone (see ./temp.ts); returns how many. */
  sweep(now?: number): Promise<{ removed: number }>;
}

export interface BlobUpload {
  readonly sink: Writable;
  /** Makes the fully written file available under its hash (a no-op when it already is). */
  commit(sha256: string): Promise<void>;
  /** Throws the partial file away. */
  abort(): Promise<void>;
}
