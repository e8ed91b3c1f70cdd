import "server-only";
import { and, asc, count, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../client";
import { contestCategories, contests, entries, prizes, type CategoryCode, type LocalizedText } from "../schema";
import { PRIZE_TIERS, type PrizeTier } from "@/lib/contest/vocabulary";
import { COUNTED_ENTRY } from "@/lib/contest/statistics";
import { publicWinnerWhere, whereAll } from "../conditions";

export type ContestCategoryFigures = { code: CategoryCode; name: LocalizedText; entries: number; prizes: Record<PrizeTier, number> };
export type ContestYearFigures = { year: number; categories: ContestCategoryFigures[] };

/**
 * Entries received and prizes given, by category, for every contest whose results are published
 * (newest first): entries by lib/contest/statistics.ts (COUNTED_ENTRY), prizes by the same rule
 * as the results pages (PUBLIC_WINNER). A contest before publication is not in the list at all.
 */
export async function publishedContestFigures(db: Db): Promise<ContestYearFigures[]> {
  const [published, categories, entryCounts, prizeCounts] = await Promise.all([
    db.select({ id: contests.id, year: contests.year }).from(contests).where(isNotNull(contests.resultsPublishedAt)).orderBy(desc(contests.year)),
    db.select({ contestId: contestCategories.contestId, code: contestCategories.code, name: contestCategories.name }).from(contestCategories).orderBy(asc(contestCategories.position)),
    db
      .select({ contestId: entries.contestId, category: entries.category, n: count() })
      .from(entries)
      .innerJoin(contests, eq(contests.id, entries.contestId))
      .where(whereAll(COUNTED_ENTRY, { resultsPublishedAt: contests.resultsPublishedAt, status: entries.status }))
      .groupBy(entries.contestId, entries.category),
    db
      .select({ contestId: prizes.contestId, category: entries.category, tier: prizes.tier, n: count() })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .innerJoin(contests, eq(contests.id, prizes.contestId))
      .where(and(eq(entries.contestId, prizes.contestId), publicWinnerWhere(contests, entries)))
      .groupBy(prizes.contestId, entries.category, prizes.tier),
  ]);
  return published.map((contest) => ({
    year: contest.year,
    categories: categories
      .filter((c) => c.contestId === contest.id)
      .map((c) => ({
        code: c.code,
        name: c.name,
        entries: Number(entryCounts.find((e) => e.contestId === contest.id && e.category === c.code)?.n ?? 0),
        prizes: Object.fromEntries(
          PRIZE_TIERS.map((tier) => [tier, Number(prizeCounts.find((p) => p.contestId === contest.id && p.category === c.code && p.tier === tier)?.n ?? 0)]),
        ) as Record<PrizeTier, number>,
      })),
  }));
}
