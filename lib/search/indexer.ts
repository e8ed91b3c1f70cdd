// Builds any index defined in settings.ts without readers ever seeing it half-built: a fresh
// index gets the settings and every document, then /swap-indexes exchanges it with the live
// one in a single task, and the old copy is deleted. A failed build deletes its copy; a copy
// left by a killed process is swept by the next build of the same index.
import { createHash, randomBytes } from "node:crypto";
import { MeilisearchApiError, type Meilisearch, type Task } from "meilisearch";
import type { IndexDefinition } from "./settings";

const BUILD_MARK = "__build_";
// A build copy older than this belongs to a process that died; newer ones may be in progress.
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export function indexUid(prefix: string, name: string): string {
  return `${prefix}${name}`;
}

/**
 * A short hash of the settings and documents: the index carries it on every document, so a
 * server can tell at start whether the live index was built from the same content.
 */
export function contentStamp(definition: IndexDefinition, documents: readonly object[]): string {
  return createHash("sha256").update(JSON.stringify([definition.settings, documents])).digest("hex").slice(0, 20);
}

export function assertSucceeded(task: Task): Task {
  if (task.status !== "succeeded") {
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no error message"}`);
  }
  return task;
}

export function isApiError(error: unknown, code: string): boolean {
  // By name, not instanceof: a script loading this module through tsx may hold a second copy of
  // the meilisearch package, whose errors are not instances of this copy's class.
  return error instanceof Error && error.name === "MeilisearchApiError" && (error as MeilisearchApiError).cause?.code === code;
}

/**
 * The stamp of the live index: undefined when the index does not exist, null when it is empty
 * or was built without a stamp.
 */
export async function readIndexStamp(admin: Meilisearch, uid: string): Promise<string | null | undefined> {
  try {
    const { results } = await admin.index(uid).getDocuments({ limit: 1, fields: ["indexStamp"] });
    const stamp = results[0]?.indexStamp;
    return typeof stamp === "string" ? stamp : null;
  } catch (error) {
    if (isApiError(error, "index_not_found")) return undefined;
    throw error;
  }
}

async function indexExists(admin: Meilisearch, uid: string): Promise<boolean> {
  try {
    await admin.getRawIndex(uid);
    return true;
  } catch (error) {
    if (isApiError(error, "index_not_found")) return false;
    throw error;
  }
}

/** Deletes an index and waits; one that is already gone is fine. */
async function dropIndex(admin: Meilisearch, uid: string): Promise<void> {
  const task = await admin.deleteIndex(uid).waitTask();
  if (task.error?.code !== "index_not_found") assertSucceeded(task);
}

/** Deletes build copies of `uid` left behind by processes that died mid-build. */
async function sweepAbandonedBuilds(admin: Meilisearch, uid: string): Promise<void> {
  const { results } = await admin.getRawIndexes({ limit: 1000 });
  const abandoned = results.filter((index) => {
    if (!index.uid.startsWith(uid + BUILD_MARK)) return false;
    const startedAt = Number(index.uid.slice(uid.length + BUILD_MARK.length).split("_")[0]);
    return !(Date.now() - startedAt < ABANDONED_AFTER_MS);
  });
  await Promise.all(abandoned.map((index) => dropIndex(admin, index.uid)));
}

export type RebuildOptions = { definition: IndexDefinition; prefix: string; documents: readonly object[]; stamp?: string; batchSize?: number };
export type RebuildResult = { uid: string; documents: number; indexingMs: number; totalMs: number };

/** Builds a fresh index from `documents` (with a client holding an admin key) and swaps it in for `prefix + definition.name`. */
export async function rebuildIndex(admin: Meilisearch, { definition, prefix, documents, stamp, batchSize = 5_000 }: RebuildOptions): Promise<RebuildResult> {
  const started = performance.now();
  const uid = indexUid(prefix, definition.name);
  await sweepAbandonedBuilds(admin, uid);
  const copy = `${uid}${BUILD_MARK}${Date.now()}_${randomBytes(4).toString("hex")}`;
  try {
    assertSucceeded(await admin.createIndex(copy, { primaryKey: definition.primaryKey }).waitTask());
    assertSucceeded(await admin.index(copy).updateSettings(definition.settings).waitTask());
    const indexingStarted = performance.now();
    const stamped = stamp ? documents.map((doc) => ({ ...doc, indexStamp: stamp })) : [...documents];
    const batches = [];
    for (let i = 0; i < stamped.length; i += batchSize) {
      batches.push(admin.index(copy).addDocuments(stamped.slice(i, i + batchSize), { primaryKey: definition.primaryKey }));
    }
    for (const batch of batches) assertSucceeded(await batch.waitTask());
    const indexingMs = performance.now() - indexingStarted;
    // Swapping needs both indexes; the very first build swaps with an empty live index.
    if (!(await indexExists(admin, uid))) {
      const created = await admin.createIndex(uid, { primaryKey: definition.primaryKey }).waitTask();
      // Another build may have created it in the meantime, which is just as good.
      if (created.error?.code !== "index_already_exists") assertSucceeded(created);
    }
    assertSucceeded(await admin.swapIndexes([{ indexes: [uid, copy], rename: false }]).waitTask());
    // The copy now holds the previous documents.
    await dropIndex(admin, copy);
    return { uid, documents: stamped.length, indexingMs, totalMs: performance.now() - started };
  } catch (error) {
    // Remove the partial build, but report the error that stopped it, not a cleanup failure
    // (a copy that cannot be deleted now is swept by the next build).
    await dropIndex(admin, copy).catch(() => undefined);
    throw error;
  }
}
