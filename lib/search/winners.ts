// Search of the published prize-winners, shown beside the stories on /tim-kiem and in
// GET /api/search. The winners index (winner-index.ts) holds nothing else: entries that did
// not win, scores and jurors are never in it. When Meilisearch cannot answer, the same search
// runs on the database (unaccent, every word must occur) under the same publication rule
// (lib/contest/prizes.ts, PUBLIC_WINNER).
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SearchResponse } from "meilisearch";
import { getDb, type Db } from "@/lib/db/client";
import { NAMED_AUTHOR_SQL, publicWinnerWhere } from "@/lib/db/conditions";
import { contests, entries } from "@/lib/db/schema";
import { localizedPath } from "@/lib/i18n/paths";
import { componentLogger } from "@/lib/log";
import type { PrizeTier } from "@/lib/contest/vocabulary";
import { openClients, type SearchBackend } from "./connection";
import { indexUid, isApiError } from "./indexer";
import { STOP_WORDS, storiesIndex, winnersIndex } from "./settings";
import { cachedAnswer } from "./answer-cache";
import { env } from "@/lib/env";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./story-query";
import { foldText, foldWithOffsets } from "./text";
import { prizeNames, type WinnerDocument } from "./winner-index";
import { highlightToHtml, markRanges } from "./highlight";
import { defaultBackend, searchStories } from "./stories";
import type { SiteSearchResult, StoryQuery, WinnerHit } from "./types";

/** Winners shown above the stories: a handful, the results pages list the rest. */
export const WINNER_HITS = 6;
export type WinnerSearchResult = { hits: WinnerHit[]; total: number; degraded: boolean };

const NONE: WinnerSearchResult = { hits: [], total: 0, degraded: false };

/**
 * Winners are entries, not stories: they have a year but no movement, province, field or kind,
 * so a search narrowed by one of those, an empty one (browsing) or a later page shows none.
 */
export function wantsWinners(query: StoryQuery): boolean {
  return query.q.trim() !== "" && query.page === 1 && !query.movement && !query.province && !query.field && !query.kind;
}

type Found = Pick<WinnerDocument, "code" | "year" | "tier" | "category" | "categoryNames" | "title" | "authorNames" | "outlet">;

function toHit(doc: Found, title: string): WinnerHit {
  const urls = { vi: localizedPath("vi", "/results/[year]/[code]", { year: doc.year, code: doc.code }), en: localizedPath("en", "/results/[year]/[code]", { year: doc.year, code: doc.code }) };
  return { code: doc.code, year: doc.year, tier: doc.tier, category: doc.category, categoryName: doc.categoryNames, title: highlightToHtml(title), authors: doc.authorNames, outlet: doc.outlet, urls };
}

type RawHit = Found & { _formatted?: { title?: string } };

/** The winners matching a story search on Meilisearch (throws when it cannot answer). */
export async function searchWinnersMeilisearch(backend: SearchBackend, query: StoryQuery): Promise<WinnerSearchResult> {
  if (!wantsWinners(query)) return NONE;
  const { search } = await openClients(backend);
  const response: SearchResponse<RawHit> = await search.index(indexUid(backend.indexPrefix, winnersIndex.name)).search<RawHit>(query.q, {
    filter: query.year === undefined ? [] : [`year = ${Math.trunc(query.year)}`],
    limit: WINNER_HITS,
    matchingStrategy: "all",
    attributesToRetrieve: ["code", "year", "tier", "category", "categoryNames", "title", "authorNames", "outlet"],
    attributesToHighlight: ["title"],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  });
  return { hits: response.hits.map((hit) => toHit(hit, hit._formatted?.title ?? hit.title)), total: response.estimatedTotalHits ?? response.hits.length, degraded: false };
}

const STOP = new Set(STOP_WORDS.map(foldText));
const words = (q: string) => [...new Set(q.match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => !STOP.has(foldText(w))).slice(0, 20);

function highlight(text: string, q: string): string {
  const terms = words(q).map(foldText);
  const { folded, origin } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (terms.some((t) => match[0].includes(t))) ranges.push([origin[match.index]!, origin[match.index + match[0].length]!]);
  }
  return markRanges(text, ranges);
}

type Row = { code: string; year: number | string; tier: PrizeTier; category: string; categoryName: { vi: string; en: string } | string | null; title: string; outlet: string; authors: { name: string; penName: string }[] | string };

const parse = <T,>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/** The same search on the database: the public-winner rule (lib/contest/prizes.ts), each word in the text. */
export async function searchWinnersFallback(db: Db, query: StoryQuery): Promise<WinnerSearchResult> {
  const terms = words(query.q);
  if (!wantsWinners(query) || terms.length === 0) return NONE;
  const prize = (tier: PrizeTier) => `${prizeNames(tier).vi} ${prizeNames(tier).en}`;
  const text = sql`coalesce(e.code, '') || ' ' || e.title || ' ' || e.summary || ' ' || e.outlet || ' ' || c.year::text || ' '
    || coalesce(cc.name->>'vi', '') || ' ' || coalesce(cc.name->>'en', '') || ' '
    || case p.tier when 'A' then ${prize("A")} when 'B' then ${prize("B")} when 'C' then ${prize("C")} else ${prize("encouragement")} end || ' '
    || coalesce((select string_agg(a.name || ' ' || a.pen_name, ' ') from entry_authors a where a.entry_id = e.id and ${NAMED_AUTHOR_SQL}), '')`;
  // Words hold only letters and digits, so LIKE's wildcards cannot come from the query.
  const conditions: SQL[] = [
    // The aliases render as "c" and "e", the names the joins below give the tables.
    publicWinnerWhere(alias(contests, "c"), alias(entries, "e")),
    ...terms.map((word) => sql`unaccent(lower(${text})) like '%' || unaccent(lower(${word})) || '%'`),
    ...(query.year === undefined ? [] : [sql`c.year = ${query.year}`]),
  ];
  const from = sql`from prizes p join entries e on e.id = p.entry_id and e.contest_id = p.contest_id join contests c on c.id = p.contest_id
    left join contest_categories cc on cc.contest_id = c.id and cc.code = e.category where ${sql.join(conditions, sql` and `)}`;
  const [page, count] = await Promise.all([
    db.execute(sql`select e.code, c.year, p.tier, e.category, cc.name as "categoryName", e.title, e.outlet,
      coalesce((select json_agg(json_build_object('name', a.name, 'penName', a.pen_name) order by a.position) from entry_authors a where a.entry_id = e.id and ${NAMED_AUTHOR_SQL}), '[]'::json) as authors
      ${from} order by c.year desc, p.tier, e.code limit ${WINNER_HITS}`),
    db.execute(sql`select count(*)::int as n ${from}`),
  ]);
  const rows = (page as unknown as { rows: Row[] }).rows;
  const total = Number((count as unknown as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
  const hits = rows.map((row) => {
    const names = row.categoryName ? parse(row.categoryName) : { vi: row.category, en: row.category };
    const authors = parse(row.authors);
    const doc: Found = { code: row.code, year: Number(row.year), tier: row.tier, category: row.category, categoryNames: names, title: row.title, authorNames: authors.map((a) => a.name).filter(Boolean), outlet: row.outlet };
    return toHit(doc, highlight(row.title, query.q));
  });
  return { hits, total, degraded: true };
}

let lastWarning = 0;

/** Winners from Meilisearch, or from the database when it cannot answer; none when neither can. */
export async function searchWinners(query: StoryQuery, backend: SearchBackend | undefined): Promise<WinnerSearchResult> {
  if (!wantsWinners(query)) return NONE;
  if (backend) {
    try {
      return await searchWinnersMeilisearch(backend, query);
    } catch (error) {
      // The drainer creates the index (from the published prizes) when the server starts; until
      // then nothing is missing from it that Meilisearch could have found.
      if (isApiError(error, "index_not_found")) return NONE;
      if (Date.now() - lastWarning > 60_000) {
        lastWarning = Date.now();
        componentLogger("search").warn({ err: error }, "Meilisearch unavailable for winners, answering from the database");
      }
    }
  }
  try {
    return await searchWinnersFallback(await getDb(), query);
  } catch (error) {
    componentLogger("search").warn({ err: error }, "winners could not be searched");
    return { ...NONE, degraded: true };
  }
}

async function searchSiteNow(query: StoryQuery, backend: SearchBackend | undefined): Promise<SiteSearchResult> {
  const [stories, winners] = await Promise.all([searchStories(query, backend), searchWinners(query, backend)]);
  return { ...stories, winners: winners.hits, winnersTotal: winners.total, degraded: stories.degraded || winners.degraded };
}

// SEARCH_ANSWER_CACHE=0 turns the cache off (the bench measures the route both ways).
const answerCacheOn = env.SEARCH_ANSWER_CACHE === "1";
const CACHED_INDEXES = [storiesIndex.name, winnersIndex.name];

/**
 * The public search: stories and prize-winners at once, each with its own fallback. Answers are
 * kept per version of both indexes (lib/search/answer-cache.ts); a degraded one never is.
 */
export async function searchSite(query: StoryQuery, backend: SearchBackend | undefined = defaultBackend): Promise<SiteSearchResult> {
  if (!backend || !answerCacheOn) return searchSiteNow(query, backend);
  const key = JSON.stringify([query.q, query.locale, query.movement, query.province, query.field, query.year, query.kind, query.page]);
  return cachedAnswer(backend, CACHED_INDEXES, key, () => searchSiteNow(query, backend), (answer) => !answer.degraded);
}
