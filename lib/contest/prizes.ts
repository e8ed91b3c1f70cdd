// Who may hold a prize, and who the public may see as a prize-winner.
//
// Both rules are written as data, a list of conditions on named facts, because two kinds of
// code apply them: queries that must filter in SQL (the results pages, the winners search and
// index read thousands of rows and page them) and code that already holds the rows (the prize
// overview, a decision being checked). `meetsAll` reads the list in memory; `whereAll` in
// lib/db/conditions.ts turns the same list into a drizzle condition over the columns the caller
// names. A condition added to a list is applied by both at once, so they cannot drift apart.
import type { Eligibility, EntryStatus } from "./vocabulary";

/** A fact must equal a value, or merely be present (not null). */
export type FieldCondition<F extends string> = { readonly field: F; readonly equals: string } | { readonly field: F; readonly present: true };

/** Whether `facts` satisfy every condition of the list. */
export function meetsAll<F extends string>(conditions: readonly FieldCondition<F>[], facts: Readonly<Record<F, unknown>>): boolean {
  return conditions.every((c) => ("equals" in c ? facts[c.field] === c.equals : facts[c.field] !== null && facts[c.field] !== undefined));
}

export type PrizeEligibleField = "status" | "eligibility";

/**
 * An entry may take a place in the prize proposal, or be given a prize, while it is submitted
 * (not withdrawn) and the secretariat has found it eligible.
 */
export const PRIZE_ELIGIBLE = [
  { field: "status", equals: "submitted" satisfies EntryStatus },
  { field: "eligibility", equals: "eligible" satisfies Eligibility },
] as const satisfies readonly FieldCondition<PrizeEligibleField>[];

export type PrizeEligibleFacts = { status: EntryStatus | string; eligibility: Eligibility | string | null };

export function isPrizeEligible(entry: PrizeEligibleFacts): boolean {
  return meetsAll(PRIZE_ELIGIBLE, entry);
}

export type PublicWinnerField = PrizeEligibleField | "resultsPublishedAt" | "code";

/**
 * Who the public may see as a winner (results pages, a winner's page and preview image, the
 * winners search and its index): an entry holding a prize in a contest whose results are
 * published, still prize-eligible (withdrawn or disqualified entries drop out even after
 * publication), and with a code, which its public address is made of.
 */
export const PUBLIC_WINNER = [
  { field: "resultsPublishedAt", present: true },
  ...PRIZE_ELIGIBLE,
  { field: "code", present: true },
] as const satisfies readonly FieldCondition<PublicWinnerField>[];

/** The facts of a prize-holder the public-winner rule reads: its contest's publication and its entry. */
export type PublicWinnerFacts = PrizeEligibleFacts & { resultsPublishedAt: Date | string | null; code: string | null };

export function isPublicWinner(winner: PublicWinnerFacts): boolean {
  return meetsAll(PUBLIC_WINNER, winner);
}
