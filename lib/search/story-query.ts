// One story search as Meilisearch multi-search queries, shared with the bench so it sends exactly
// the request the app sends when it measures Meilisearch on its own.
import type { MultiSearchQuery } from "meilisearch";
import { STORY_FACETS } from "./settings";
import { analyzeQuery } from "./query-analysis";

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
 * Meilisearch's matching strategy, measured on the judged set (npm run relevance): "all" lets a
 * natural sentence find nothing ("co giao va hoc tro vung bien gioi": 0 results); "frequency"
 * drops the commonest words first, so the rare words of a sentence still decide.
 */
export const MATCHING_STRATEGY: "all" | "last" | "frequency" = "frequency";

export type SearchOptions = {
  matchingStrategy?: "all" | "last" | "frequency";
  /** false: the query as typed, no stop words dropped and no place recognised (to measure what the analysis gives) */
  analysis?: boolean;
};

/** The queries of one search: the page of hits, and one more per facet the search narrows by. */
function searchQueries(query: StoryQuery, q: string, indexUid: string, options: SearchOptions): { queries: MultiSearchQuery[]; narrowed: FacetName[] } {
  const active = activeFacets(query);
  const common = { indexUid, q, matchingStrategy: options.matchingStrategy ?? MATCHING_STRATEGY };
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

/** One way of answering a search: its queries start at `from` in the multi-search. */
export type SearchPart = { from: number; count: number; narrowed: FacetName[]; query: StoryQuery };

export type StorySearchPlan = {
  queries: MultiSearchQuery[];
  /** the search inside a place named in the query ("co giao ha giang": "co giao" in Hà Giang) */
  inPlace?: SearchPart & { place: string };
  /** the search of every word everywhere: the answer when the place holds nothing */
  everywhere: SearchPart;
};

/**
 * The first query of a part returns the page of hits and the counts of facets the search does
 * not narrow by; each narrowed facet gets one more query without its own filter, so its other
 * choices still show how many stories they would give (counts that ignore the choice already
 * made). A place named in the query ("ha giang", "tỉnh Hà Giang", "Sài Gòn") narrows to that
 * place, unless the reader chose a province: "ha giang" returned 7 stories of which 1–2 were
 * about Hà Giang (the others matched "Hà Nội", "410 ha", "giống"). Both parts go in one request,
 * so a place without a matching story costs no second round trip.
 */
export function planStorySearch(query: StoryQuery, indexUid: string, options: SearchOptions = {}): StorySearchPlan {
  const analysis = options.analysis === false ? { text: query.q, rest: query.q, place: undefined } : analyzeQuery(query.q);
  const everywhere = searchQueries(query, analysis.text, indexUid, options);
  const place = analysis.place && query.province === undefined ? analysis.place.slug : undefined;
  if (!place) return { queries: everywhere.queries, everywhere: { from: 0, count: everywhere.queries.length, narrowed: everywhere.narrowed, query } };
  const placed: StoryQuery = { ...query, q: analysis.rest, province: place };
  const inPlace = searchQueries(placed, analysis.rest, indexUid, options);
  return {
    queries: [...inPlace.queries, ...everywhere.queries],
    inPlace: { from: 0, count: inPlace.queries.length, narrowed: inPlace.narrowed, query: placed, place },
    everywhere: { from: inPlace.queries.length, count: everywhere.queries.length, narrowed: everywhere.narrowed, query },
  };
}

/** The part that answers: the place's when it has stories, otherwise everywhere. */
export function answeringPart<T extends { totalHits?: number }>(plan: StorySearchPlan, results: readonly T[]): { part: SearchPart; results: T[]; place?: string } {
  if (plan.inPlace && (results[plan.inPlace.from]?.totalHits ?? 0) > 0) {
    return { part: plan.inPlace, results: results.slice(plan.inPlace.from, plan.inPlace.from + plan.inPlace.count), place: plan.inPlace.place };
  }
  return { part: plan.everywhere, results: results.slice(plan.everywhere.from, plan.everywhere.from + plan.everywhere.count) };
}

/** The queries of a story search (the bench sends exactly these to Meilisearch). */
export function buildStorySearch(query: StoryQuery, indexUid: string, options: SearchOptions = {}): { queries: MultiSearchQuery[]; plan: StorySearchPlan } {
  const plan = planStorySearch(query, indexUid, options);
  return { queries: plan.queries, plan };
}
