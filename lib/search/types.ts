// Types of a story search, shared by the server modules, the route and the client view.
import type { FacetName, StoryQuery } from "./story-query";
import type { PrizeTier } from "@/lib/contest/ranking";

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

/** What to offer when a search finds nothing (lib/search/suggestions.ts). */
export type SearchSuggestions = {
  /** movement slugs */
  movements: string[];
  /** province slugs, current units or former provinces */
  provinces: string[];
  stories: { title: string; url: string; locale: "vi" | "en" }[];
  /** the query with a word fewer, each known to find stories */
  queries: string[];
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
  /** A place named in the words ("ha giang") that the hits were narrowed to: its province slug. */
  place?: string;
  /** Only when nothing matched: nearby movements, provinces, stories and shorter queries. */
  suggestions?: SearchSuggestions;
  /** True when Meilisearch could not answer and the built-in fallback did. */
  degraded: boolean;
};

/** The public search (GET /api/search, /tim-kiem): the stories, and the prize-winners the words match. */
export type SiteSearchResult = StorySearchResult & {
  /** Published prize-winning entries (first page only; none without words or with a story-only filter). */
  winners: WinnerHit[];
  /** How many prize-winners match in all (`winners` holds the best few). */
  winnersTotal: number;
};

/** A published prize-winner: only what the public results page shows. */
export type WinnerHit = {
  code: string;
  year: number;
  tier: PrizeTier;
  category: string;
  categoryName: { vi: string; en: string };
  /** HTML: escaped text with <mark> around matched words. */
  title: string;
  authors: string[];
  outlet: string;
  /** The winner's public page in each locale. */
  urls: { vi: string; en: string };
};
