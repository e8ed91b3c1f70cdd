import "server-only";
import { publishedStorySources } from "@/lib/content/stories";
import { env } from "@/lib/env";
import { openClients } from "./connection";
import { syncStoriesIndex } from "./story-index";
import { defaultBackend } from "./stories";
import { getDb } from "@/lib/db/client";
import { runOutboxDrainer, type Drainer } from "./outbox";
import { componentLogger } from "@/lib/log";

const log = componentLogger("search");

const ATTEMPTS = 6;
const RETRY_MS = 5_000;

/**
 * At server start, builds the stories index when it is missing or was built from other
 * content, so a fresh `npm start` searches with Meilisearch, not the fallback. Retries for
 * half a minute in case Meilisearch starts after the app; never throws (search falls back).
 */
export async function indexStoriesOnStart(): Promise<void> {
  if (!defaultBackend || env.SEARCH_INDEX_ON_START === "0") return;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const { admin } = await openClients(defaultBackend);
      const result = await syncStoriesIndex(admin, { prefix: defaultBackend.indexPrefix, stories: publishedStorySources(), onlyIfStale: true });
      if (result.rebuilt) log.info({ index: result.uid, documents: result.documents, durationMs: Math.round(result.totalMs) }, "stories index built");
      return;
    } catch (error) {
      if (attempt === ATTEMPTS) {
        log.warn({ err: error, attempts: ATTEMPTS }, "could not build the stories index; search falls back until `npm run reindex`");
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

const drainerSlot = globalThis as typeof globalThis & { __lantoaOutboxDrainer?: Drainer };

/**
 * Starts the search outbox drainer for this process (once, even across `next dev` reloads): it
 * makes sure the entries index exists (rebuilding it from the database when missing), then sends
 * every entry change to Meilisearch, backing off while it is down. Returns its stop function.
 * Without MEILI_HOST there is nothing to drain to; rows wait until a Meilisearch is configured.
 */
export function startOutboxDrainer(): Drainer | undefined {
  const backend = defaultBackend;
  if (!backend) return undefined;
  drainerSlot.__lantoaOutboxDrainer ??= runOutboxDrainer({ db: getDb, clients: () => openClients(backend), prefix: backend.indexPrefix });
  return drainerSlot.__lantoaOutboxDrainer;
}

/** Stops the drainer after the batch in flight (server shutdown, tests). */
export async function stopOutboxDrainer(): Promise<void> {
  const drainer = drainerSlot.__lantoaOutboxDrainer;
  drainerSlot.__lantoaOutboxDrainer = undefined;
  await drainer?.stop();
}
