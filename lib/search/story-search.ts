// A story search on Meilisearch: one multi-search request (lib/search/story-query.ts plans it),
// read back into the result the page and the API send. No server-only import, so the relevance
// script and the bench run exactly this code.
import type { MultiSearchResponse, SearchResponse } from "meilisearch";
import { openClients, type SearchBackend } from "./connection";
import { indexUid } from "./indexer";
import { STORY_FACETS, storiesIndex } from "./settings";
import { FACET_NAMES, answeringPart, buildStorySearch, type SearchOptions } from "./story-query";
import { highlightToHtml } from "./highlight";
import type { FacetCounts, StoryHit, StoryQuery, StorySearchResult } from "./types";

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

/** Searches the stories on Meilisearch (throws when it cannot answer). */
export async function searchStoriesMeilisearch(backend: SearchBackend, query: StoryQuery, options: SearchOptions = {}): Promise<StorySearchResult> {
  const { search } = await openClients(backend);
  const { queries, plan } = buildStorySearch(query, indexUid(backend.indexPrefix, storiesIndex.name), options);
  const response = (await search.multiSearch({ queries })) as MultiSearchResponse<RawHit>;
  const { part, results, place } = answeringPart(plan, response.results as SearchResponse<RawHit>[]);
  const [main, ...perFacet] = results;
  if (!main) throw new Error("Meilisearch returned no result for the main query");
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const source = part.narrowed.includes(name) ? perFacet[part.narrowed.indexOf(name)] : main;
      return [name, source?.facetDistribution?.[STORY_FACETS[name]] ?? {}];
    }),
  ) as FacetCounts;
  // Narrowed to a place the reader did not choose, the province counts are those of the words
  // everywhere: what choosing another province would give.
  if (place) facets.province = (response.results[plan.everywhere.from] as SearchResponse<RawHit> | undefined)?.facetDistribution?.[STORY_FACETS.province] ?? {};
  return {
    query,
    hits: main.hits.map(toHit),
    total: main.totalHits ?? 0,
    page: query.page,
    pageCount: main.totalPages ?? 0,
    facets,
    ...(place ? { place } : {}),
    degraded: false,
  };
}
