// One story search as Meilisearch multi-search queries, shared with the bench so it sends exactly
// the request the app sends when it measures Meilisearch on its own.
import type { MultiSearchQuery } from "meilisearch";
import { STORY_FACETS } from "./settings";

export type FacetName = keyof typeof STORY_FACETS;

/** A validated story search (lib/search/params.ts parses it from a query string). */
export type StoryQuery = {
  q: string;
  locale?: "vi" | "en";
  movement?: string;
  /** a current unit slug or a former province slug */
  province?: string;
  field?: string;
  year?: number;
  kind?: "individual" | "collective";
  /** 1-based */
  page: number;
};

export const HITS_PER_PAGE = 12;
/** Private-use characters mark matches; lib/search/highlight.ts escapes the text, then turns them into <mark>. */
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";

export const FACET_NAMES = Object.keys(STORY_FACETS) as FacetName[];

/** The facets a query narrows by, in FACET_NAMES order. */
export function activeFacets(query: StoryQuery): FacetName[] {
  return FACET_NAMES.filter((name) => query[name] !== undefined);
}

function filterClause(name: FacetName, value: string | number): string {
  const literal = typeof value === "number" ? String(value) : `"${value.replace(/["\\]/g, "\\$&")}"`;
  return `${STORY_FACETS[name]} = ${literal}`;
}

function filterFor(query: StoryQuery, except?: FacetName): string[] {
  return activeFacets(query)
    .filter((name) => name !== except)
    .map((name) => filterClause(name, query[name] as string | number));
}

/**
 * The first query returns the page of hits and the counts of facets the search does not narrow
 * by; each narrowed facet gets one more query without its own filter, so its other choices
 * still show how many stories they would give (counts that ignore the choice already made).
 */
export function buildStorySearch(query: StoryQuery, indexUid: string): { queries: MultiSearchQuery[]; narrowed: FacetName[] } {
  const active = activeFacets(query);
  const common = { indexUid, q: query.q, matchingStrategy: "all" as const };
  const main: MultiSearchQuery = {
    ...common,
    filter: filterFor(query),
    facets: FACET_NAMES.filter((name) => !active.includes(name)).map((name) => STORY_FACETS[name]),
    page: query.page,
    hitsPerPage: HITS_PER_PAGE,
    attributesToRetrieve: ["id", "locale", "url", "title", "summary", "cover", "province", "provinceUnit", "publishedAt"],
    // The snippet is the highlighted summary. Cropping the body around a match would show more
    // context but costs Meilisearch several times more than the whole rest of the search.
    attributesToHighlight: ["title", "summary"],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
  const perFacet = active.map((name) => ({ ...common, filter: filterFor(query, name), facets: [STORY_FACETS[name]], page: 1, hitsPerPage: 0 }));
  return { queries: [main, ...perFacet], narrowed: active };
}
