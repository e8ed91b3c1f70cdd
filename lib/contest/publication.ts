// When a contest's results may be published: every round closed, every prize the quotas hold
// decided (a category's decisions fill its quota exactly: a council that awards fewer lowers the
// quota), every decision still on a prize-eligible entry of the final round, and every prize
// with the jury's citation in both languages. One list of what is missing, used by the
// publication (409 notReady), its preview and the secretariat's page.
import { PRIZE_TIERS, type LocalizedText, type PrizeTier, type Quota, type RoundStatus } from "./vocabulary";

export type ReadinessRound = { id: string; name: LocalizedText; status: RoundStatus };
export type ReadinessDecision = {
  entryId: string;
  code: string | null;
  category: string;
  tier: PrizeTier;
  prizeEligible: boolean;
  inFinalRound: boolean;
  citation: LocalizedText;
};
export type ReadinessFacts = {
  rounds: ReadinessRound[];
  categories: { code: string; name: LocalizedText }[];
  quotas: Record<string, Quota>;
  decisions: ReadinessDecision[];
};

/** One thing that stands between the contest and its publication; `params` hold the words of its message. */
export type MissingItem =
  | { key: "roundNotClosed"; roundId: string; params: { round: LocalizedText } }
  | { key: "noClosedRound"; params: Record<string, never> }
  | { key: "noPrizeQuotas"; params: Record<string, never> }
  | { key: "prizesMissing"; category: string; params: { category: LocalizedText; quota: number; decided: number } }
  | { key: "prizesOverQuota"; category: string; params: { category: LocalizedText; quota: number; decided: number } }
  | { key: "decisionNotEligible"; entryId: string; params: { code: string } }
  | { key: "decisionNotInFinalRound"; entryId: string; params: { code: string } }
  | { key: "citationMissing"; entryId: string; params: { code: string } };

export const quotaTotal = (quota: Quota | undefined): number => (quota ? PRIZE_TIERS.reduce((sum, tier) => sum + quota[tier], 0) : 0);

/** Everything that is missing before publication, in the order a secretariat would fix it (empty: ready). */
export function publicationMissing(facts: ReadinessFacts): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const round of facts.rounds) if (round.status !== "closed") missing.push({ key: "roundNotClosed", roundId: round.id, params: { round: round.name } });
  if (!facts.rounds.some((r) => r.status === "closed")) missing.push({ key: "noClosedRound", params: {} });
  const totalQuota = facts.categories.reduce((sum, c) => sum + quotaTotal(facts.quotas[c.code]), 0);
  if (totalQuota === 0) missing.push({ key: "noPrizeQuotas", params: {} });
  for (const category of facts.categories) {
    const quota = quotaTotal(facts.quotas[category.code]);
    const decided = facts.decisions.filter((d) => d.category === category.code).length;
    if (decided < quota) missing.push({ key: "prizesMissing", category: category.code, params: { category: category.name, quota, decided } });
    else if (decided > quota) missing.push({ key: "prizesOverQuota", category: category.code, params: { category: category.name, quota, decided } });
  }
  for (const d of facts.decisions) {
    const code = d.code ?? d.entryId;
    if (!d.prizeEligible) missing.push({ key: "decisionNotEligible", entryId: d.entryId, params: { code } });
    else if (!d.inFinalRound) missing.push({ key: "decisionNotInFinalRound", entryId: d.entryId, params: { code } });
    if (!d.citation.vi.trim() || !d.citation.en.trim()) missing.push({ key: "citationMissing", entryId: d.entryId, params: { code } });
  }
  return missing;
}

/** The words of an item's message in one language (names kept in both are read in that one). */
export function missingParams(item: MissingItem, locale: "vi" | "en"): Record<string, string | number> {
  return Object.fromEntries(Object.entries(item.params).map(([k, v]) => [k, typeof v === "object" && v !== null ? (v as LocalizedText)[locale] : (v as string | number)]));
}
