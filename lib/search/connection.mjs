// @ts-check
// Which Meilisearch to talk to and with which keys. The master key is only used here, on the
// server, to look up (or create once) the admin key for writes and the search-only key for
// reads; clients are cached per process and dropped when the lookup fails so the next call
// retries. Plain .mjs so scripts/reindex.mjs, tests and the bench connect the same way.
import { Meilisearch } from "meilisearch";

/**
 * @typedef {object} SearchBackend
 * @property {string} host
 * @property {string} [masterKey]
 * @property {string} indexPrefix prepended to every index name (tests and the bench use their own)
 */

/** @typedef {{ admin: Meilisearch, search: Meilisearch }} SearchClients */

// Reads fail fast so a slow or unreachable server turns into the fallback, not a hung page.
const SEARCH_TIMEOUT_MS = 2_000;
const ADMIN_TIMEOUT_MS = 30_000;
const TASK_WAIT = { timeout: 600_000, interval: 50 };

/**
 * @param {{ MEILI_HOST?: string, MEILI_MASTER_KEY?: string, MEILI_INDEX_PREFIX?: string }} env validated environment
 * @returns {SearchBackend | undefined}
 */
export function backendFromEnv(env) {
  if (!env.MEILI_HOST) return undefined;
  return { host: env.MEILI_HOST, masterKey: env.MEILI_MASTER_KEY, indexPrefix: env.MEILI_INDEX_PREFIX ?? "" };
}

/** @param {Meilisearch} master */
async function apiKeys(master) {
  const { results } = await master.getKeys({ limit: 1000 });
  const usable = results.filter((k) => k.indexes.includes("*") && (k.expiresAt === null || Date.parse(String(k.expiresAt)) > Date.now()));
  const find = (/** @type {string} */ action) => usable.find((k) => k.actions.length === 1 && k.actions[0] === action)?.key;
  // Servers ship default admin and search keys; recreate them if an operator deleted them.
  const admin = find("*") ?? (await master.createKey({ name: "Lan Tỏa admin", description: "Index writes from the Lan Tỏa server", actions: ["*"], indexes: ["*"], expiresAt: null })).key;
  const search = find("search") ?? (await master.createKey({ name: "Lan Tỏa search", description: "Searches from the Lan Tỏa server", actions: ["search"], indexes: ["*"], expiresAt: null })).key;
  return { admin, search };
}

/** @type {Map<string, Promise<SearchClients>>} */
const cache = new Map();

/** @param {SearchBackend} backend */
const cacheKeyOf = (backend) => `${backend.host}\n${backend.masterKey ?? ""}`;

/** Drops the cached clients so the next call looks the keys up again (after keys were rotated). */
export function forgetClients(/** @type {SearchBackend} */ backend) {
  cache.delete(cacheKeyOf(backend));
}

/**
 * @param {SearchBackend} backend
 * @returns {Promise<SearchClients>}
 */
export function openClients(backend) {
  const cacheKey = cacheKeyOf(backend);
  let clients = cache.get(cacheKey);
  if (!clients) {
    clients = (async () => {
      // A server without a master key accepts requests without keys.
      const keys = backend.masterKey
        ? await apiKeys(new Meilisearch({ host: backend.host, apiKey: backend.masterKey, timeout: SEARCH_TIMEOUT_MS }))
        : { admin: undefined, search: undefined };
      return {
        admin: new Meilisearch({ host: backend.host, apiKey: keys.admin, timeout: ADMIN_TIMEOUT_MS, defaultWaitOptions: TASK_WAIT }),
        search: new Meilisearch({ host: backend.host, apiKey: keys.search, timeout: SEARCH_TIMEOUT_MS }),
      };
    })();
    cache.set(cacheKey, clients);
    clients.catch(() => cache.delete(cacheKey));
  }
  return clients;
}
