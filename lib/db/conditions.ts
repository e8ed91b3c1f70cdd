// The contest's rules written as data (lib/contest/prizes.ts) turned into drizzle conditions,
// so a query filters with the very list the in-memory predicates read. Columns are passed in,
// so aliased tables (`alias(entries, "e")`) work as well as the tables themselves.
import { and, eq, isNotNull, ne, sql, type Column, type SQL } from "drizzle-orm";
import { PRIZE_ELIGIBLE, PUBLIC_WINNER, type FieldCondition } from "@/lib/contest/prizes";
import { COUNTS_TOWARD_LIMIT } from "@/lib/contest/coauthors";

/** Every condition of the list, over the columns named for its fields (true for an empty list). */
export function whereAll<F extends string>(conditions: readonly FieldCondition<F>[], columns: Readonly<Record<F, Column>>): SQL {
  return and(...conditions.map((c) => ("equals" in c ? eq(columns[c.field], c.equals) : isNotNull(columns[c.field])))) ?? sql`true`;
}

type EntryColumns = { status: Column; eligibility: Column; code: Column };

/** `isPrizeEligible` in SQL, over an entries table (or its alias). */
export function prizeEligibleWhere(entry: Pick<EntryColumns, "status" | "eligibility">): SQL {
  return whereAll(PRIZE_ELIGIBLE, { status: entry.status, eligibility: entry.eligibility });
}

/** `isPublicWinner` in SQL, over a contests and an entries table (or their aliases) joined to a prize. */
export function publicWinnerWhere(contest: { resultsPublishedAt: Column }, entry: EntryColumns): SQL {
  return whereAll(PUBLIC_WINNER, { resultsPublishedAt: contest.resultsPublishedAt, status: entry.status, eligibility: entry.eligibility, code: entry.code });
}

/** `countsTowardLimit` in SQL, over an entry_authors table (or its alias): only an accepted co-authorship takes a slot. */
export function countsTowardLimitWhere(author: { status: Column }): SQL {
  return whereAll(COUNTS_TOWARD_LIMIT, { status: author.status });
}

/**
 * The authors printed with a published result: not a co-author who declined (they may have left
 * after the entry was submitted, before the owner took the name off). SQL text for raw queries
 * over an entry_authors alias `a` is NAMED_AUTHOR_SQL.
 */
export function namedAuthorWhere(author: { status: Column }): SQL {
  return ne(author.status, "declined");
}
export const NAMED_AUTHOR_SQL = sql.raw(`a.status <> 'declined'`);
