import "server-only";
import { publishedStories } from "@/lib/content/stories";
import type { MultiSearchResponse, SearchResponse } from "meilisearch";
import { env } from "@/lib/env";
import { componentLogger } from "@/lib/log";
import { toStoryDocument, type StoryDocument } from "./documents";
import { backendFromEnv, forgetClients, openClients, type SearchBackend } from "./connection";
import { indexUid, isApiError } from "./indexer";
import { STORY_FACETS, storiesIndex } from "./settings";
import { FACET_NAMES, buildStorySearch } from "./story-query";
import { searchStoriesFallback } from "./fallback";
import { highlightToHtml } from "./highlight";
import type { FacetCounts, StoryHit, StoryQuery, StorySearchResult } from "./types";

export const defaultBackend: SearchBackend | undefined = backendFromEnv(env);

/** The built stories as search documents: what the fallback searches when Meilisearch cannot. */
export const builtStoryDocuments: readonly StoryDocument[] = publishedStories.map(toStoryDocument);

type RawHit = Omit<StoryHit, "title" | "snippet"> & { title: string; summary: string; _formatted?: { title?: string; summary?: string } };

function toHit(hit: RawHit): StoryHit {
  return {
    id: hit.id,
    locale: hit.locale,
    url: hit.url,
    title: highlightToHtml(hit._formatted?.title ?? hit.title),
    snippet: highlightToHtml(hit._formatted?.summary ?? hit.summary),
    cover: hit.cover,
    province: hit.province,
    provinceUnit: hit.provinceUnit,
    publishedAt: hit.publishedAt,
  };
}

async function searchMeilisearch(backend: SearchBackend, query: StoryQuery): Promise<StorySearchResult> {
  const { search } = await openClients(backend);
  const { queries, narrowed } = buildStorySearch(query, indexUid(backend.indexPrefix, storiesIndex.name));
  const { results } = (await search.multiSearch({ queries })) as MultiSearchResponse<RawHit>;
  const [main, ...perFacet] = results as SearchResponse<RawHit>[];
  if (!main) throw new Error("Meilisearch returned no result for the main query");
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const source = narrowed.includes(name) ? perFacet[narrowed.indexOf(name)] : main;
      return [name, source?.facetDistribution?.[STORY_FACETS[name]] ?? {}];
    }),
  ) as FacetCounts;
  return {
    query,
    hits: main.hits.map(toHit),
    total: main.totalHits ?? 0,
    page: query.page,
    pageCount: main.totalPages ?? 0,
    facets,
    degraded: false,
  };
}

let lastWarning = 0;

/**
 * Searches the stories in Meilisearch; when it is unreachable, slow, or the index is missing,
 * answers from the built stories instead and says so (degraded: true). `backend` is for tests.
 */
export async function searchStories(query: StoryQuery, backend: SearchBackend | undefined = defaultBackend): Promise<StorySearchResult> {
  if (backend) {
    try {
      return await searchMeilisearch(backend, query);
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
  return searchStoriesFallback(query, builtStoryDocuments);
}
