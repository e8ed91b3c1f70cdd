import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { componentLogger } from "@/lib/log";
import { localStorage } from "./local";
import { s3ConfigFromEnv, s3Storage } from "./s3";
import type { BlobStorage } from "./types";

export type { BlobStorage, BlobUpload } from "./types";

const log = componentLogger("storage");
// Often enough that files left by a machine that went away do not pile up; cheap (one listing).
const SWEEP_EVERY_MS = 15 * 60_000;

let storage: BlobStorage | undefined;

/** The store STORAGE names: the local disk under DATA_DIR/uploads, or the S3 bucket. */
export function getStorage(): BlobStorage {
  if (!storage) {
    const store = env.STORAGE === "s3" ? s3Storage(s3ConfigFromEnv(env)) : localStorage(path.join(env.DATA_DIR, "uploads"));
    storage = store;
    // Uploads cut short by a crash leave their temporary file behind (no abort() ran): remove
    // those now and then, never an upload still being written (see lib/storage/temp.ts).
    const sweep = () =>
      store.sweep().then(
        ({ removed }) => removed && log.info({ removed }, "removed temporary upload files left by a stopped process"),
        (error: unknown) => log.warn({ err: error }, "could not sweep temporary upload files"),
      );
    void sweep();
    setInterval(sweep, SWEEP_EVERY_MS).unref();
  }
  return storage;
}

/** Tests: serve uploads from this store instead (undefined: the environment's again, on next use). */
export function useStorage(store: BlobStorage | undefined): void {
  storage = store;
}
