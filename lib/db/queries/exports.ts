import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { contestCategories, entries, entryAuthors, prizes, rounds, scores, users, type Round } from "../schema";
import { roundReview } from "./rounds";
import { PRIZE_TIERS } from "@/lib/contest/ranking";
import type { EntryRecord, PrizeRecord, RankingRecord, ScoreRecord } from "@/lib/export/tables";

// Exports read in pages of this many rows, each page after the last key seen (keyset, never
// OFFSET), so memory stays flat and every page costs the same however far the export has gone.
export const EXPORT_BATCH = 1000;

/** The latest round of a contest (the one being judged or just judged), or null. */
export async function latestRound(db: Db, contestId: string): Promise<Round | null> {
  const [round] = await db.select().from(rounds).where(eq(rounds.contestId, contestId)).orderBy(desc(rounds.position)).limit(1);
  return round ?? null;
}

async function authorsOf(db: Db, entryIds: string[]) {
  const map = new Map<string, { name: string; penName: string }[]>();
  if (!entryIds.length) return map;
  const rows = await db
    .select({ entryId: entryAuthors.entryId, name: entryAuthors.name, penName: entryAuthors.penName })
    .from(entryAuthors)
    .where(inArray(entryAuthors.entryId, entryIds))
    .orderBy(asc(entryAuthors.entryId), asc(entryAuthors.position));
  for (const r of rows) map.set(r.entryId, [...(map.get(r.entryId) ?? []), { name: r.name, penName: r.penName }]);
  return map;
}

/** A contest's submitted and withdrawn entries (never drafts) by code, with their authors. */
export async function* exportEntries(db: Db, contestId: string, batch = EXPORT_BATCH): AsyncGenerator<EntryRecord> {
  let after = "";
  for (;;) {
    const rows = await db
      .select({
        id: entries.id,
        code: entries.code,
        category: entries.category,
        title: entries.title,
        outlet: entries.outlet,
        publishedAt: entries.publishedAt,
        url: entries.url,
        status: entries.status,
        eligibility: entries.eligibility,
        eligibilityReason: entries.eligibilityReason,
        submittedAt: entries.submittedAt,
      })
      .from(entries)
      // A submitted or withdrawn entry always has its code.
      .where(and(eq(entries.contestId, contestId), ne(entries.status, "draft"), sql`${entries.code} > ${after}`))
      .orderBy(asc(entries.code))
      .limit(batch);
    const authors = await authorsOf(db, rows.map((r) => r.id));
    for (const { id, code, status, ...rest } of rows) yield { ...rest, code: code ?? "", status: status === "withdrawn" ? "withdrawn" : "submitted", authors: authors.get(id) ?? [] };
    if (rows.length < batch) return;
    after = rows.at(-1)!.code ?? "";
  }
}

type ScoreKey = { code: string; juror: string; id: string };

function scorePage(db: Db, roundId: string, after: ScoreKey | null, batch: number) {
  const code = sql<string>`coalesce(${entries.code}, '')`;
  return db
    .select({ id: scores.id, code, category: entries.category, title: entries.title, juror: users.name, values: scores.values, comment: scores.comment, status: scores.status, submittedAt: scores.submittedAt })
    .from(scores)
    .innerJoin(entries, eq(entries.id, scores.entryId))
    .innerJoin(users, eq(users.id, scores.jurorId))
    .where(and(eq(scores.roundId, roundId), after ? sql`(${code}, ${users.name}, ${scores.id}) > (${after.code}, ${after.juror}, ${after.id}::uuid)` : undefined))
    .orderBy(code, asc(users.name), asc(scores.id))
    .limit(batch);
}

/** Every sheet of a round (drafts too), by entry code, then juror name. */
export async function* exportScores(db: Db, roundId: string, batch = EXPORT_BATCH): AsyncGenerator<ScoreRecord> {
  let after: ScoreKey | null = null;
  for (;;) {
    const rows = await scorePage(db, roundId, after, batch);
    for (const { code, category, title, juror, values, comment, status, submittedAt } of rows) yield { code, category, title, juror, values, comment, status, submittedAt };
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { code: last.code, juror: last.juror, id: last.id };
  }
}

/**
 * A round's ranking as its page shows it (ready entries ranked, the incomplete ones after them
 * without a rank: lib/contest/ranking.ts reviewRanking) with each entry's code
 * and title. Ranking needs every submitted sheet of the round at once (entry, juror and values:
 * a few MB at 15,000 sheets); codes and titles are read in pages.
 */
export async function* exportRanking(db: Db, round: Round, categoryOrder: readonly string[], batch = EXPORT_BATCH): AsyncGenerator<RankingRecord> {
  // Categories in the contest's order; within each, the ranking's own order (a stable sort).
  const position = (category: string) => (categoryOrder.includes(category) ? categoryOrder.indexOf(category) : categoryOrder.length);
  const results = (await roundReview(db, round)).rows.sort((a, b) => position(a.category) - position(b.category));
  for (let i = 0; i < results.length; i += batch) {
    const page = results.slice(i, i + batch);
    const rows = await db
      .select({ id: entries.id, code: entries.code, title: entries.title })
      .from(entries)
      .where(inArray(entries.id, page.map((r) => r.entryId)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const result of page) yield { ...result, code: byId.get(result.entryId)?.code ?? "", title: byId.get(result.entryId)?.title ?? "" };
  }
}

const tierOrder = sql<number>`array_position(array[${sql.join(
  PRIZE_TIERS.map((t) => sql`${t}`),
  sql`, `,
)}]::text[], ${prizes.tier})`;

type PrizeKey = { position: number; tier: number; code: string };

function prizePage(db: Db, contestId: string, after: PrizeKey | null, batch: number) {
  return db
    .select({ id: entries.id, code: entries.code, category: entries.category, title: entries.title, outlet: entries.outlet, tier: prizes.tier, reason: prizes.reason, position: contestCategories.position, tierOrder })
    .from(prizes)
    .innerJoin(entries, eq(entries.id, prizes.entryId))
    .innerJoin(contestCategories, and(eq(contestCategories.contestId, prizes.contestId), eq(contestCategories.code, entries.category)))
    .where(
      and(
        eq(prizes.contestId, contestId),
        eq(entries.status, "submitted"),
        after ? sql`(${contestCategories.position}, ${tierOrder}, ${entries.code}) > (${after.position}::int, ${after.tier}::int, ${after.code})` : undefined,
      ),
    )
    .orderBy(asc(contestCategories.position), tierOrder, asc(entries.code))
    .limit(batch);
}

/**
 * A contest's prizes (withdrawn entries left out, as on the results page), with authors: by the
 * contest's category order, then tier (A first), then code.
 */
export async function* exportPrizes(db: Db, contestId: string, batch = EXPORT_BATCH): AsyncGenerator<PrizeRecord> {
  let after: PrizeKey | null = null;
  for (;;) {
    const rows = await prizePage(db, contestId, after, batch);
    const authors = await authorsOf(db, rows.map((r) => r.id));
    for (const { id, code, category, title, outlet, tier, reason } of rows) yield { code: code ?? "", category, title, outlet, tier, reason, authors: authors.get(id) ?? [] };
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { position: last.position, tier: Number(last.tierOrder), code: last.code ?? "" };
  }
}
