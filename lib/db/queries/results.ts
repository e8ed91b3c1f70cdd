import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../client";
import { attachments, contestCategories, contests, entries, entryAuthors, prizes, type CategoryCode, type Contest, type LocalizedText } from "../schema";
import { PRIZE_TIERS, type PrizeTier } from "@/lib/contest/vocabulary";
import { namedAuthorWhere, prizeEligibleWhere, publicWinnerWhere } from "../conditions";

export type PublishedPrize = {
  tier: PrizeTier;
  /** The jury's citation (nhận xét của Hội đồng). */
  citation: LocalizedText;
  entry: { code: string | null; title: string; summary: string; outlet: string; publishedAt: string | null; url: string };
  authors: { name: string; penName: string }[];
};

export type PublishedResults = {
  year: number;
  title: LocalizedText;
  publishedAt: Date;
  /** The organising committee's decision (null for results published before it was recorded). */
  decision: { number: string; date: string } | null;
  /** Categories in the contest's order, each with its prizes best tier first (then by code). */
  categories: { code: CategoryCode; name: LocalizedText; prizes: PublishedPrize[] }[];
};

/** Years whose results are published, newest first: what the public can open. */
export async function publishedResultYears(db: Db): Promise<number[]> {
  const rows = await db.select({ year: contests.year }).from(contests).where(isNotNull(contests.resultsPublishedAt)).orderBy(desc(contests.year));
  return rows.map((r) => r.year);
}

/**
 * A contest's prizes as the public may see them: only once its results are published (null
 * before, and for a year with no contest). Withdrawn or ineligible entries never appear.
 */
export async function publishedResults(db: Db, year: number): Promise<PublishedResults | null> {
  const [contest] = await db.select().from(contests).where(eq(contests.year, year));
  if (!contest?.resultsPublishedAt) return null;
  return resultsOf(db, contest, contest.resultsPublishedAt, false);
}

/**
 * GET /api/admin/publication/preview and the secretariat's preview page: the results page as
 * publication would make it, from the decisions as they stand (dated as if published now).
 */
export function previewResults(db: Db, contest: Contest, decision: { number: string; date: string } | null, now = new Date()): Promise<PublishedResults> {
  return resultsOf(db, { ...contest, decisionNumber: decision?.number ?? null, decisionDate: decision?.date ?? null }, now, true);
}

async function resultsOf(db: Db, contest: Contest, publishedAt: Date, preview: boolean): Promise<PublishedResults> {
  const [categories, rows] = await Promise.all([
    db.select().from(contestCategories).where(eq(contestCategories.contestId, contest.id)).orderBy(asc(contestCategories.position)),
    db
      .select({ tier: prizes.tier, citation: prizes.citation, entry: entries })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .innerJoin(contests, eq(contests.id, prizes.contestId))
      // Who the public may see as a winner: lib/contest/prizes.ts (PUBLIC_WINNER); a preview
      // applies the same rule but for the publication itself, which has not happened yet.
      .where(and(eq(prizes.contestId, contest.id), eq(entries.contestId, contest.id), preview ? prizeEligibleWhere(entries) : publicWinnerWhere(contests, entries))),
  ]);
  const authorRows = rows.length
    ? await db
        .select()
        .from(entryAuthors)
        .where(and(inArray(entryAuthors.entryId, rows.map((r) => r.entry.id)), namedAuthorWhere(entryAuthors)))
        .orderBy(asc(entryAuthors.position))
    : [];
  const tierOrder = (tier: PrizeTier) => PRIZE_TIERS.indexOf(tier);
  return {
    year: contest.year,
    title: contest.title,
    publishedAt,
    decision: contest.decisionNumber && contest.decisionDate ? { number: contest.decisionNumber, date: contest.decisionDate } : null,
    categories: categories
      .map((c) => ({
        code: c.code,
        name: c.name,
        prizes: rows
          .filter((r) => r.entry.category === c.code)
          .sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || (a.entry.code ?? "").localeCompare(b.entry.code ?? ""))
          .map((r) => ({
            tier: r.tier,
            citation: r.citation,
            entry: { code: r.entry.code, title: r.entry.title, summary: r.entry.summary, outlet: r.entry.outlet, publishedAt: r.entry.publishedAt, url: r.entry.url },
            authors: authorRows.filter((a) => a.entryId === r.entry.id).map((a) => ({ name: a.name, penName: a.penName })),
          })),
      }))
      .filter((c) => c.prizes.length > 0),
  };
}

export type PublishedWinner = {
  year: number;
  contestTitle: LocalizedText;
  publishedAt: Date;
  tier: PrizeTier;
  citation: LocalizedText;
  decision: PublishedResults["decision"];
  category: { code: CategoryCode; name: LocalizedText };
  entry: PublishedPrize["entry"] & { code: string; storyRef: string };
  authors: PublishedPrize["authors"];
  /** The work's files, only when its author agreed at submission that a winning work may show them. */
  files: PublicFile[];
};

export type PublicFile = { id: string; fileName: string; contentType: string; size: number };

/**
 * One prize-winner's public page (and its preview image): null before the year's results are
 * published, for an entry without a prize, and for any code that is not a public winner.
 */
export async function publishedWinner(db: Db, year: number, code: string): Promise<PublishedWinner | null> {
  const [row] = await db
    .select({ contest: contests, entry: entries, tier: prizes.tier, citation: prizes.citation, categoryName: contestCategories.name })
    .from(contests)
    .innerJoin(prizes, eq(prizes.contestId, contests.id))
    .innerJoin(entries, and(eq(entries.id, prizes.entryId), eq(entries.contestId, contests.id)))
    .innerJoin(contestCategories, and(eq(contestCategories.contestId, contests.id), eq(contestCategories.code, entries.category)))
    .where(and(eq(contests.year, year), eq(entries.code, code), publicWinnerWhere(contests, entries)));
  // The rule was applied in SQL; this only tells TypeScript that the date and the code are set.
  if (!row?.contest.resultsPublishedAt || !row.entry.code) return null;
  const [authors, files] = await Promise.all([
    db.select({ name: entryAuthors.name, penName: entryAuthors.penName }).from(entryAuthors).where(and(eq(entryAuthors.entryId, row.entry.id), namedAuthorWhere(entryAuthors))).orderBy(asc(entryAuthors.position)),
    row.entry.publishFiles
      ? db.select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size }).from(attachments).where(eq(attachments.entryId, row.entry.id)).orderBy(asc(attachments.createdAt))
      : Promise.resolve([]),
  ]);
  const e = row.entry;
  return {
    year: row.contest.year,
    contestTitle: row.contest.title,
    publishedAt: row.contest.resultsPublishedAt,
    tier: row.tier,
    citation: row.citation,
    decision: row.contest.decisionNumber && row.contest.decisionDate ? { number: row.contest.decisionNumber, date: row.contest.decisionDate } : null,
    category: { code: e.category, name: row.categoryName },
    entry: { code: row.entry.code, title: e.title, summary: e.summary, outlet: e.outlet, publishedAt: e.publishedAt, url: e.url, storyRef: e.storyRef },
    authors,
    files,
  };
}

/**
 * A file of a public winner whose author agreed to show it (null otherwise): the public file
 * route serves it. The copy without metadata when there is one.
 */
export async function publicWinnerFile(db: Db, year: number, code: string, attachmentId: string) {
  const [row] = await db
    .select({ attachment: attachments })
    .from(contests)
    .innerJoin(prizes, eq(prizes.contestId, contests.id))
    .innerJoin(entries, and(eq(entries.id, prizes.entryId), eq(entries.contestId, contests.id)))
    .innerJoin(attachments, eq(attachments.entryId, entries.id))
    .where(and(eq(contests.year, year), eq(entries.code, code), eq(attachments.id, attachmentId), eq(entries.publishFiles, true), publicWinnerWhere(contests, entries)));
  return row?.attachment ?? null;
}
