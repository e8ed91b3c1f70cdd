// Scores a search against the judged set: success@3 (a relevant story in the top 3), MRR (mean
// of 1 / rank of the first relevant story), the zero-result rate, and place precision (for a
// query naming a place, the top 3 are in that place). Used by the relevance test and
// `npm run relevance`.
import type { StoryDocument } from "@/lib/search/documents";
import { foldText } from "@/lib/search/text";
import type { StoryQuery, StorySearchResult } from "@/lib/search/types";
import type { Judged } from "./judged";

export type QueryScore = { judged: Judged; rank: number | undefined; zero: boolean; placeOk: boolean | undefined; top: string[] };
export type Scores = { queries: number; successAt3: number; mrr: number; zeroRate: number; placePrecision: number; perQuery: QueryScore[] };

/** The document id a judged key ("vi:slug-start") names; throws unless exactly one matches. */
export function resolveKey(key: string, ids: readonly string[]): string {
  const [locale, slug] = key.split(":");
  const found = ids.filter((id) => id.startsWith(`${locale}-${slug}`));
  if (found.length !== 1) throw new Error(`judged key ${key} names ${found.length} stories`);
  return found[0]!;
}

export async function scoreSearch(
  judged: readonly Judged[],
  documents: readonly StoryDocument[],
  search: (query: StoryQuery) => Promise<StorySearchResult>,
): Promise<Scores> {
  const ids = documents.map((d) => d.id);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const perQuery: QueryScore[] = [];
  for (const item of judged) {
    const relevant = new Set(item.relevant.map((key) => resolveKey(key, ids)));
    const rule = item.alsoRelevant;
    if (rule) {
      for (const d of documents) {
        const title = foldText(d.title);
        if (rule.title.every((phrase) => title.includes(phrase)) && (!rule.province || d.provinces.includes(rule.province))) relevant.add(d.id);
      }
    }
    const result = await search({ q: item.q, locale: item.locale, page: 1 });
    const top = result.hits.map((h) => h.id);
    const index = top.findIndex((id) => relevant.has(id));
    let placeOk: boolean | undefined;
    if (item.place) {
      const inPlace = documents.filter((d) => d.provinces.includes(item.place!) && (!item.locale || d.locale === item.locale)).length;
      placeOk = top.slice(0, Math.min(3, inPlace)).every((id) => byId.get(id)?.provinces.includes(item.place!));
    }
    perQuery.push({ judged: item, rank: index < 0 ? undefined : index + 1, zero: result.total === 0, placeOk, top: top.slice(0, 3) });
  }
  const n = perQuery.length;
  const placed = perQuery.filter((p) => p.placeOk !== undefined);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    queries: n,
    successAt3: round(perQuery.filter((p) => p.rank !== undefined && p.rank <= 3).length / n),
    mrr: round(perQuery.reduce((sum, p) => sum + (p.rank ? 1 / p.rank : 0), 0) / n),
    zeroRate: round(perQuery.filter((p) => p.zero).length / n),
    placePrecision: round(placed.filter((p) => p.placeOk).length / placed.length),
    perQuery,
  };
}
