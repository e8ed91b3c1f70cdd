// A story search as URL parameters: the page's address and the API call carry the same ones.
// No validation here (lib/search/params.ts does that on the server), so the client view stays small.
import type { StoryQuery } from "./types";

const ORDER = ["q", "locale", "movement", "province", "field", "year", "kind"] as const;

/**
 * The query string of a search. `pageLocale` is the locale a page searches by default: the
 * page's own address leaves it out, and "all" stands for searching every locale.
 */
export function storyQueryParams(query: StoryQuery, pageLocale?: "vi" | "en"): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = key === "locale" ? (query.locale ?? "all") : query[key];
    if (value === undefined || value === "" || (key === "locale" && value === pageLocale)) continue;
    params.set(key, String(value));
  }
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}
