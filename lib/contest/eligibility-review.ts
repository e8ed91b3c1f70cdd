// Eligibility decided after a round's entries were fixed: a round over eligible entries takes its
// list when assignment runs or the round opens, so an entry made eligible later is in no round
// until the secretariat assigns it. The entries page flags it, with "assign now".
import { isPrizeEligible, type PrizeEligibleFacts } from "./prizes";
import type { RoundScope, RoundStatus } from "./vocabulary";

export type OpenRoundFacts = { id: string; status: RoundStatus; scope: RoundScope; /** Entries in the round's fixed list. */ fixedEntries: number };

/**
 * The rounds an entry should be in and is not: it could win a prize, and the round is not closed,
 * judges every eligible entry, and already fixed its list (a round whose list is still empty
 * takes the entry when it is fixed).
 */
export function missingFromRounds(entry: PrizeEligibleFacts, rounds: readonly OpenRoundFacts[], inRounds: ReadonlySet<string>): string[] {
  if (!isPrizeEligible(entry)) return [];
  return rounds.filter((r) => r.status !== "closed" && r.scope.kind === "eligible" && r.fixedEntries > 0 && !inRounds.has(r.id)).map((r) => r.id);
}
