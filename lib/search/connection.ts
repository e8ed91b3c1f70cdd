// Which Meilisearch to talk to and with which keys. The master key is only used here, on the
// server, to look up (or create once) the admin key for writes and the search-only key for
// reads; clients are cached per process and dropped when the lookup fails so the next call
// retries. scripts/reindex.ts, the tests and the bench connect the same way.
import { Meilisearch } from "meilisearch";

export type SearchBackend = {
  host: string;
  masterKey?: string;
  /** prepended to every index name (tests and the bench use their own) */
  indexPrefix: string;
};

/** `meta` reads index metadata only (updatedAt, for lib/search/answer-cache.ts). */
export type SearchClients = { admin: Meilisearch; search: Meilisearch; meta: Meilisearch };

// Reads fail fast so a slow or unreachable server turns into the fallback, not a hung page.
const SEARCH_TIMEOUT_MS = 2_000;
const ADMIN_TIMEOUT_MS = 30_000;
const TASK_WAIT = { timeout: 600_000, interval: 50 };

/** The Meilisearch of a validated environment, if it names one. */
export function backendFromEnv(env: { MEILI_HOST?: string; MEILI_MASTER_KEY?: string; MEILI_INDEX_PREFIX?: string }): SearchBackend | undefined {
  if (!env.MEILI_HOST) return undefined;
  return { host: env.MEILI_HOST, masterKey: env.MEILI_MASTER_KEY, indexPrefix: env.MEILI_INDEX_PREFIX ?? "" };
}

async function apiKeys(master: Meilisearch): Promise<{ admin: string; search: string; meta: string }> {
  const { results } = await master.getKeys({ limit: 1000 });
  const usable = results.filter((k) => k.indexes.includes("*") && (k.expiresAt === null || Date.parse(String(k.expiresAt)) > Date.now()));
  const find = (action: string) => usable.find((k) => k.actions.length === 1 && k.actions[0] === action)?.key;
  // Servers ship default admin and search keys; recreate them if an operator deleted them.
  const admin = find("*") ?? (await master.createKey({ name: "Lan Tỏa admin", description: "Index writes from the Lan Tỏa server", actions: ["*"], indexes: ["*"], expiresAt: null })).key;
  const search = find("search") ?? (await master.createKey({ name: "Lan Tỏa search", description: "Searches from the Lan Tỏa server", actions: ["search"], indexes: ["*"], expiresAt: null })).key;
  // Reading an index's metadata needs more than the search key. Not the default read-only admin
  // key: it may also read the other keys. One that may do nothing else is created once.
  const meta =
    find("indexes.get") ??
    (await master.createKey({ name: "Lan Tỏa index versions", description: "Reads index metadata to key cached answers", actions: ["indexes.get"], indexes: ["*"], expiresAt: null })).key;
  return { admin, search, meta };
}

const cache = new Map<string, Promise<SearchClients>>();

const cacheKeyOf = (backend: SearchBackend) => `${backend.host}\n${backend.masterKey ?? ""}`;

/** Drops the cached clients so the next call looks the keys up again (after keys were rotated). */
export function forgetClients(backend: SearchBackend): void {
  cache.delete(cacheKeyOf(backend));
}

export function openClients(backend: SearchBackend): Promise<SearchClients> {
  const cacheKey = cacheKeyOf(backend);
  let clients = cache.get(cacheKey);
  if (!clients) {
    clients = (async () => {
      // A server without a master key accepts requests without keys.
      const keys = backend.masterKey
        ? await apiKeys(new Meilisearch({ host: backend.host, apiKey: backend.masterKey, timeout: SEARCH_TIMEOUT_MS }))
        : { admin: undefined, search: undefined, meta: undefined };
      return {
        admin: new Meilisearch({ host: backend.host, apiKey: keys.admin, timeout: ADMIN_TIMEOUT_MS, defaultWaitOptions: TASK_WAIT }),
        search: new Meilisearch({ host: backend.host, apiKey: keys.search, timeout: SEARCH_TIMEOUT_MS }),
        meta: new Meilisearch({ host: backend.host, apiKey: keys.meta, timeout: SEARCH_TIMEOUT_MS }),
      };
    })();
    cache.set(cacheKey, clients);
    clients.catch(() => cache.delete(cacheKey));
  }
  return clients;
}
