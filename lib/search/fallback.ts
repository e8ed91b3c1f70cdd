// Search without Meilisearch, over the built stories: every query word must match a word of the
// story once diacritics and case are folded ("dak lak" finds "Đắk Lắk"), the last one as a prefix
// since readers are still typing it. Facet counts are computed as the Meilisearch query computes
// them, so the page looks the same, only less forgiving (no typos, no synonyms).
import type { StoryDocument } from "./documents";
import { foldedWords, foldWithOffsets } from "./text";
import { STOP_WORDS, STORY_FACETS, STORY_SEARCHABLE } from "./settings";
import { analyzeQuery } from "./query-analysis";
import { FACET_NAMES, HITS_PER_PAGE, activeFacets } from "./story-query";
import { highlightToHtml, markRanges } from "./highlight";
import type { FacetCounts, FacetName, StoryHit, StoryQuery, StorySearchResult } from "./types";

type Prepared = { doc: StoryDocument; words: Set<string>[] };

const STOP = new Set(STOP_WORDS.flatMap(foldedWords));

function searchableText(doc: StoryDocument, attribute: string): string {
  const value = doc[attribute as keyof StoryDocument];
  return Array.isArray(value) ? value.join(" ") : String(value);
}

const prepared = new WeakMap<readonly StoryDocument[], Prepared[]>();

/** Folded words of each searchable attribute, computed once per document list. */
function prepare(docs: readonly StoryDocument[]): Prepared[] {
  let list = prepared.get(docs);
  if (!list) {
    list = docs.map((doc) => ({ doc, words: STORY_SEARCHABLE.map((a) => new Set(foldedWords(searchableText(doc, a)))) }));
    prepared.set(docs, list);
  }
  return list;
}

/** A folded query word; the last one matches as a prefix, since the reader may still be typing it. */
type Term = { text: string; prefix: boolean };

function queryTerms(q: string): Term[] {
  const words = foldedWords(q).filter((w) => !STOP.has(w));
  return words.map((text, i) => ({ text, prefix: i === words.length - 1 }));
}

/** How many leading characters of a folded word a term matches (0: no match). */
function matchLength(word: string, terms: readonly Term[]): number {
  const term = terms.find((t) => (t.prefix ? word.startsWith(t.text) : word === t.text));
  return term ? (term.prefix ? term.text.length : word.length) : 0;
}

/** Sum over terms of the best attribute each matches in (lower ranks first), or undefined if one is missing. */
function score(item: Prepared, terms: readonly Term[]): number | undefined {
  let total = 0;
  for (const term of terms) {
    const rank = item.words.findIndex((set) => (term.prefix ? [...set].some((w) => w.startsWith(term.text)) : set.has(term.text)));
    if (rank < 0) return undefined;
    total += rank;
  }
  return total;
}

function matchesFacets(doc: StoryDocument, query: StoryQuery, except?: FacetName): boolean {
  return activeFacets(query).every((name) => {
    if (name === except) return true;
    const value = doc[STORY_FACETS[name]];
    const wanted = query[name];
    return Array.isArray(value) ? value.includes(String(wanted)) : value === wanted;
  });
}

function countFacet(docs: readonly StoryDocument[], name: FacetName): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const doc of docs) {
    const value = doc[STORY_FACETS[name]];
    for (const v of Array.isArray(value) ? value : [value]) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  }
  return counts;
}

/** Placeholders around the words of `text` that match the query terms. */
function highlight(text: string, terms: readonly Term[]): string {
  const { folded, origin } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const length = matchLength(match[0], terms);
    if (length > 0) ranges.push([origin[match.index]!, origin[match.index + length]!]);
  }
  return markRanges(text, ranges);
}

/**
 * The fallback reads the query as Meilisearch's plan does: a place named in the words narrows to
 * that place (the rest of the words searched inside it), unless the place holds nothing.
 */
export function searchStoriesFallback(query: StoryQuery, docs: readonly StoryDocument[]): StorySearchResult {
  const analysis = analyzeQuery(query.q);
  if (analysis.place && query.province === undefined) {
    const inPlace = searchFallbackOnce({ ...query, q: analysis.rest, province: analysis.place.slug }, docs);
    if (inPlace.total > 0) return { ...inPlace, query, place: analysis.place.slug };
  }
  return searchFallbackOnce(query, docs);
}

function searchFallbackOnce(query: StoryQuery, docs: readonly StoryDocument[]): StorySearchResult {
  const terms = queryTerms(query.q);
  const textMatches = prepare(docs)
    .map((item) => ({ doc: item.doc, score: score(item, terms) }))
    .filter((m): m is { doc: StoryDocument; score: number } => m.score !== undefined);
  const matching = textMatches.filter((m) => matchesFacets(m.doc, query));
  matching.sort((a, b) => a.score - b.score || b.doc.publishedTimestamp - a.doc.publishedTimestamp);

  const narrowed = activeFacets(query);
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const base = narrowed.includes(name) ? textMatches.filter((m) => matchesFacets(m.doc, query, name)) : matching;
      return [name, countFacet(base.map((m) => m.doc), name)];
    }),
  ) as FacetCounts;

  const pageCount = Math.ceil(matching.length / HITS_PER_PAGE);
  const hits: StoryHit[] = matching.slice((query.page - 1) * HITS_PER_PAGE, query.page * HITS_PER_PAGE).map(({ doc }) => ({
    id: doc.id,
    locale: doc.locale,
    url: doc.url,
    title: highlightToHtml(highlight(doc.title, terms)),
    snippet: highlightToHtml(highlight(doc.summary, terms)),
    cover: doc.cover,
    province: doc.province,
    provinceUnit: doc.provinceUnit,
    publishedAt: doc.publishedAt,
  }));
  return { query, hits, total: matching.length, page: query.page, pageCount, facets, degraded: true };
}
