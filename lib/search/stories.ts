import "server-only";
import { publishedStorySources, storiesVersion } from "@/lib/content/stories";
import { env } from "@/lib/env";
import { componentLogger } from "@/lib/log";
import { toStoryDocument, type StoryDocument } from "./documents";
import { backendFromEnv, forgetClients, type SearchBackend } from "./connection";
import { isApiError } from "./indexer";
import { searchStoriesFallback } from "./fallback";
import { searchStoriesMeilisearch } from "./story-search";
import { suggestSearches } from "./suggestions";
import type { StoryQuery, StorySearchResult } from "./types";

export const defaultBackend: SearchBackend | undefined = backendFromEnv(env);

let built: { version: number; documents: readonly StoryDocument[] } | null = null;
/** The built stories as search documents: what the fallback searches when Meilisearch cannot. */
export function builtStoryDocuments(): readonly StoryDocument[] {
  const version = storiesVersion();
  if (built?.version !== version) built = { version, documents: publishedStorySources().map(toStoryDocument) };
  return built.documents;
}

let lastWarning = 0;

/**
 * Searches the stories in Meilisearch; when it is unreachable, slow, or the index is missing,
 * answers from the built stories instead and says so (degraded: true). A search that finds
 * nothing comes with suggestions. `backend` is for tests.
 */
export async function searchStories(query: StoryQuery, backend: SearchBackend | undefined = defaultBackend): Promise<StorySearchResult> {
  const result = await searchOnce(query, backend);
  if (result.total > 0 || query.q.trim() === "") return result;
  // Counted the way this answer was found: on Meilisearch, or on the fallback when it was degraded.
  const count = (queries: string[]) =>
    Promise.all(queries.map(async (q) => (await searchOnce({ ...query, q, page: 1 }, result.degraded ? undefined : backend)).total));
  return { ...result, suggestions: await suggestSearches(query.q, query.locale, builtStoryDocuments(), count) };
}

async function searchOnce(query: StoryQuery, backend: SearchBackend | undefined): Promise<StorySearchResult> {
  if (backend) {
    try {
      return await searchStoriesMeilisearch(backend, query);
    } catch (error) {
      // Keys may have been rotated: look them up again on the next request.
      if (isApiError(error, "invalid_api_key")) forgetClients(backend);
      // One line a minute is enough to notice an outage without flooding the log.
      if (Date.now() - lastWarning > 60_000) {
        lastWarning = Date.now();
        componentLogger("search").warn({ err: error }, "Meilisearch unavailable for stories, answering from the fallback");
      }
    }
  }
  return searchStoriesFallback(query, builtStoryDocuments());
}
