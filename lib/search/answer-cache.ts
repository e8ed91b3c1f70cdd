// Answers of the public search kept per index version, so a repeated search costs one small
// metadata read instead of two searches. The version is each index's `updatedAt`, which
// Meilisearch moves on every write, settings change and swap: after a reindex or a publication
// the key changes and nothing stale is served. Concurrent requests share one version read and
// one search per key. Each instance keeps its own answers under the shared versions, so several
// instances never need each other's memory.
import type { SearchBackend } from "./connection";
import { openClients } from "./connection";
import { indexUid, isApiError } from "./indexer";

/** Entries kept per process (the oldest used go first); a result page is a few kilobytes. */
const MAX_ENTRIES = 2_000;

type Versions = Promise<string>;

const answers = new Map<string, Promise<unknown>>();
const pendingVersions = new Map<string, Versions>();

async function readVersions(backend: SearchBackend, names: readonly string[]): Promise<string> {
  const { meta } = await openClients(backend);
  const versions = await Promise.all(
    names.map(async (name) => {
      try {
        const index = await meta.getRawIndex(indexUid(backend.indexPrefix, name));
        return `${name}@${index.updatedAt}`;
      } catch (error) {
        if (isApiError(error, "index_not_found")) return `${name}@none`;
        throw error;
      }
    }),
  );
  return versions.join(" ");
}

/**
 * The indexes' current versions. A request that arrives while a read is under way shares it:
 * that read started less than one round trip earlier.
 */
export function indexVersions(backend: SearchBackend, names: readonly string[]): Versions {
  const key = `${backend.host} ${backend.indexPrefix} ${names.join(",")}`;
  let pending = pendingVersions.get(key);
  if (!pending) {
    pending = readVersions(backend, names);
    pendingVersions.set(key, pending);
    pending.finally(() => pendingVersions.delete(key)).catch(() => undefined);
  }
  return pending;
}

/**
 * The answer of `compute` for `key` at the indexes' current versions: from memory when this
 * process already computed it at these versions. Degraded answers (`keep` false) are not kept.
 * When the versions cannot be read, `compute` answers (and its own fallback takes over).
 */
export async function cachedAnswer<T>(backend: SearchBackend, names: readonly string[], key: string, compute: () => Promise<T>, keep: (answer: T) => boolean): Promise<T> {
  let versions: string;
  try {
    versions = await indexVersions(backend, names);
  } catch {
    return compute();
  }
  const full = `${backend.host} ${backend.indexPrefix} ${versions}\n${key}`;
  const held = answers.get(full) as Promise<T> | undefined;
  if (held) {
    // Most recently used last.
    answers.delete(full);
    answers.set(full, held);
    return held;
  }
  const computing = compute();
  answers.set(full, computing);
  computing.then(
    (answer) => {
      if (!keep(answer)) answers.delete(full);
    },
    () => answers.delete(full),
  );
  while (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
  return computing;
}

/** Forgets every answer (tests). */
export function clearAnswers(): void {
  answers.clear();
}
