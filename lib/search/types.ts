// Types of a story search, shared by the server modules, the route and the client view.
import type { FacetName, StoryQuery } from "./story-query.mjs";

export type { FacetName, StoryQuery };

export type StoryHit = {
  id: string;
  locale: "vi" | "en";
  url: string;
  /** HTML: escaped text with <mark> around matched words. */
  title: string;
  /** HTML: escaped text with <mark> around matched words. */
  snippet: string;
  cover: string;
  province: string;
  provinceUnit: string;
  publishedAt: string;
};

/** Facet value -> number of stories, for every facet. */
export type FacetCounts = Record<FacetName, Record<string, number>>;

export type StorySearchResult = {
  query: StoryQuery;
  hits: StoryHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: FacetCounts;
  /** True when Meilisearch could not answer and the built-in fallback did. */
  degraded: boolean;
};
