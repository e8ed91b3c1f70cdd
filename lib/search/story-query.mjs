// @ts-check
// One story search as Meilisearch multi-search queries. Plain .mjs so the bench sends exactly
// the request the app sends when it measures Meilisearch on its own.
import { STORY_FACETS } from "./settings.mjs";

/** @typedef {keyof typeof STORY_FACETS} FacetName */

/**
 * A validated story search (lib/search/params.ts parses it from a query string).
 * @typedef {object} StoryQuery
 * @property {string} q
 * @property {"vi" | "en"} [locale]
 * @property {string} [movement]
 * @property {string} [province] a current unit slug or a former province slug
 * @property {string} [field]
 * @property {number} [year]
 * @property {"individual" | "collective"} [kind]
 * @property {number} page 1-based
 */

export const HITS_PER_PAGE = 12;
/** Private-use characters mark matches; lib/search/highlight.ts escapes the text, then turns them into <mark>. */
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";

export const FACET_NAMES = /** @type {FacetName[]} */ (Object.keys(STORY_FACETS));

/** The facets a query narrows by, in FACET_NAMES order. @param {StoryQuery} query */
export function activeFacets(query) {
  return FACET_NAMES.filter((name) => query[name] !== undefined);
}

/** @param {FacetName} name @param {string | number} value */
function filterClause(name, value) {
  const literal = typeof value === "number" ? String(value) : `"${value.replace(/["\\]/g, "\\$&")}"`;
  return `${STORY_FACETS[name]} = ${literal}`;
}

/** @param {StoryQuery} query @param {FacetName} [except] */
function filterFor(query, except) {
  return activeFacets(query)
    .filter((name) => name !== except)
    .map((name) => filterClause(name, /** @type {string | number} */ (query[name])));
}

/**
 * The first query returns the page of hits and the counts of facets the search does not narrow
 * by; each narrowed facet gets one more query without its own filter, so its other choices
 * still show how many stories they would give (counts that ignore the choice already made).
 * @param {StoryQuery} query
 * @param {string} indexUid
 */
export function buildStorySearch(query, indexUid) {
  const active = activeFacets(query);
  const common = { indexUid, q: query.q, matchingStrategy: /** @type {const} */ ("all") };
  const main = {
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
