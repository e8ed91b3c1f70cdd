import "server-only";
import { openClients } from "./connection.mjs";
import { indexUid } from "./indexer.mjs";
import { storiesIndex } from "./settings.mjs";
import { defaultBackend } from "./stories";

/**
 * "ok" when a search of the live stories index answers with the search key, as a reader's
 * would; "degraded" when readers are being served by the fallback.
 */
export async function searchHealth(): Promise<"ok" | "degraded"> {
  if (!defaultBackend) return "degraded";
  try {
    const { search } = await openClients(defaultBackend);
    await search.index(indexUid(defaultBackend.indexPrefix, storiesIndex.name)).search("", { limit: 0 });
    return "ok";
  } catch {
    return "degraded";
  }
}
