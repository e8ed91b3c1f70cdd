import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { componentLogger } from "@/lib/log";
import { localStorage } from "./local";
import type { BlobStorage } from "./types";

export type { BlobStorage, BlobUpload } from "./types";

const log = componentLogger("storage");
// Often enough that files left by a machine that went away do not pile up; cheap (one readdir).
const SWEEP_EVERY_MS = 15 * 60_000;

let storage: BlobStorage | undefined;

export function getStorage(): BlobStorage {
  if (!storage) {
    const local = localStorage(path.join(env.DATA_DIR, "uploads"));
    storage = local;
    // Uploads cut short by a crash leave their temporary file behind (no abort() ran): remove
    // those now and then, never an upload still being written (see lib/storage/local.ts).
    const sweep = () =>
      local.sweep().then(
        ({ removed }) => removed && log.info({ removed }, "removed temporary upload files left by a stopped process"),
        (error: unknown) => log.warn({ err: error }, "could not sweep temporary upload files"),
      );
    void sweep();
    setInterval(sweep, SWEEP_EVERY_MS).unref();
  }
  return storage;
}
