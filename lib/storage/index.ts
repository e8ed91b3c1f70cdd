import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { localStorage } from "./local";
import type { BlobStorage } from "./types";

export type { BlobStorage, BlobUpload } from "./types";

let storage: BlobStorage | undefined;

export function getStorage(): BlobStorage {
  storage ??= localStorage(path.join(env.DATA_DIR, "uploads"));
  return storage;
}
