// What a search that found nothing offers instead: the movements, provinces and story titles
// nearest to the words (letter trigrams, diacritics folded, so "gaio vug cao" still lands near
// "giáo … vùng cao"), and the same query with one word fewer when that finds stories (it does
// when every word must match, as in the fallback, or with filters). Pure but for `count`.
import movements from "../../content/taxonomies/movements.json" with { type: "json" };
import provinces from "../../content/taxonomies/provinces.json" with { type: "json" };
import type { StoryDocument } from "./documents";
import { analyzeQuery } from "./query-analysis";
import { foldText } from "./text";
import type { SearchSuggestions } from "./types";

const MAX_EACH = 3;
// Below this share of shared trigrams a name is not "near" (0.3 offered "Hạ tầng" for "ha giag", 0.5 "Khoa Khám bệnh Cái Răng" for "kenh xang"; 0.6 still offers Hà Giang for "ha giag").
const MIN_SIMILARITY = 0.6;

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** How much of the query's trigrams the candidate holds (0–1): a long title is not penalised for its length. */
function similarity(query: Set<string>, candidate: Set<string>): number {
  if (query.size === 0) return 0;
  let shared = 0;
  for (const gram of query) if (candidate.has(gram)) shared++;
  return shared / query.size;
}

function nearest<T>(query: Set<string>, items: readonly T[], names: (item: T) => string[]): T[] {
  return items
    .map((item) => ({ item, score: Math.max(...names(item).map((n) => similarity(query, trigrams(n)))) }))
    .filter((s) => s.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_EACH)
    .map((s) => s.item);
}

const units = [...provinces.current, ...provinces.former.filter((f) => !provinces.current.some((c) => c.slug === f.slug))];

/** The queries with one word fewer, longest first: what `count` checks. */
export function fewerWordQueries(q: string): string[] {
  const words = analyzeQuery(q).words.map((w) => w.text);
  if (words.length < 2) return [];
  return words.map((_, i) => words.filter((__, j) => j !== i).join(" "));
}

export async function suggestSearches(
  q: string,
  locale: "vi" | "en" | undefined,
  stories: readonly StoryDocument[],
  count: (queries: string[]) => Promise<number[]>,
): Promise<SearchSuggestions> {
  const grams = trigrams(q);
  const inLocale = stories.filter((s) => !locale || s.locale === locale);
  const candidates = fewerWordQueries(q);
  const counts = candidates.length > 0 ? await count(candidates) : [];
  return {
    movements: nearest(grams, movements, (m) => [m.name.vi, m.name.en, m.shortName.vi, m.shortName.en]).map((m) => m.slug),
    provinces: nearest(grams, units, (p) => [p.name, p.nameEn]).map((p) => p.slug),
    stories: nearest(grams, inLocale, (s) => [s.title]).map((s) => ({ title: s.title, url: s.url, locale: s.locale })),
    queries: candidates.filter((_, i) => (counts[i] ?? 0) > 0).slice(0, MAX_EACH),
  };
}
