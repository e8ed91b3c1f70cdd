import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { contests, entries, prizes, roundEntries, rounds, type Contest, type Round } from "../schema";
import { recordAudit } from "./audit";
import type { ContestWithCategories } from "./contests";
import { roundResults } from "./rounds";
import type { Caller } from "@/lib/auth/session";
import { isPrizeEligible } from "@/lib/contest/prizes";
import { allocatePrizes, type EntryResult } from "@/lib/contest/ranking";
import { PRIZE_TIERS, type LocalizedText, type PrizeTier, type Quota } from "@/lib/contest/vocabulary";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { PrizeInput, QuotasInput } from "@/lib/validation/prizes";

const NO_QUOTA: Quota = { A: 0, B: 0, C: 0, encouragement: 0 };

/** The round prizes are decided on: the contest's latest closed round (null before one closes). */
export async function finalRound(db: Db, contestId: string): Promise<Round | null> {
  const [round] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.contestId, contestId), eq(rounds.status, "closed")))
    .orderBy(desc(rounds.position))
    .limit(1);
  return round ?? null;
}

/** Locks the contest row: every prize write and the publication take it, so they happen one at a time. */
export async function lockContest(tx: Db, contestId: string): Promise<Contest> {
  const [contest] = await tx.select().from(contests).where(eq(contests.id, contestId)).for("update");
  if (!contest) throw new AppError(404, "noContest");
  return contest;
}

function assertNotPublished(contest: Contest): void {
  if (contest.resultsPublishedAt) throw new AppError(409, "resultsPublished", { year: contest.year });
}

export type PrizeDecision = { entryId: string; code: string | null; title: string; category: string; tier: PrizeTier; reason: string; citation: LocalizedText; updatedAt: string; inFinalRound: boolean; prizeEligible: boolean };

export type RankedEntry = EntryResult & {
  code: string | null;
  title: string;
  outlet: string;
  /** Submitted and eligible now: only such entries take a place in the proposal. */
  prizeEligible: boolean;
  /** The prize the quotas give (null: none, or a vote is needed). */
  proposal: PrizeTier | null;
  /** When a tie straddles a quota boundary: the prizes its places carry, for the council's vote. */
  vote: (PrizeTier | null)[] | null;
  decision: { tier: PrizeTier; reason: string; updatedAt: string } | null;
};

export type PrizeOverview = {
  contest: { id: string; year: number; title: Contest["title"]; resultsPublishedAt: string | null };
  round: { id: string; name: Round["name"]; position: number } | null;
  quotas: Record<string, Quota>;
  categories: { code: string; name: Contest["title"]; quota: Quota; ranking: RankedEntry[] }[];
  decisions: PrizeDecision[];
};

type EntryFacts = { id: string; code: string | null; title: string; outlet: string; category: string; status: string; eligibility: string | null };

/** The final round's ranking with the quotas' proposal. Entries no longer eligible keep their rank but take no place. */
async function proposalFor(db: Db, round: Round, quotas: Record<string, Quota>) {
  const results = await roundResults(db, round);
  const facts: EntryFacts[] = results.length
    ? await db
        .select({ id: entries.id, code: entries.code, title: entries.title, outlet: entries.outlet, category: entries.category, status: entries.status, eligibility: entries.eligibility })
        .from(entries)
        .where(
          inArray(
            entries.id,
            results.map((r) => r.entryId),
          ),
        )
    : [];
  const byId = new Map(facts.map((f) => [f.id, f]));
  const candidates = results.filter((r) => {
    const entry = byId.get(r.entryId);
    return entry !== undefined && isPrizeEligible(entry);
  });
  return { results, byId, proposals: allocatePrizes(candidates, quotas) };
}

/** GET /api/admin/prizes: the final round's ranking per category, the quotas' proposal and the decisions. */
export async function prizeOverview(db: Db, contest: ContestWithCategories): Promise<PrizeOverview> {
  const [round, decisionRows] = await Promise.all([
    finalRound(db, contest.id),
    db
      .select({ prize: prizes, entry: { id: entries.id, code: entries.code, title: entries.title, category: entries.category, status: entries.status, eligibility: entries.eligibility } })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .where(eq(prizes.contestId, contest.id)),
  ]);
  const quotas = contest.prizeQuotas;
  const inRound = round ? new Set((await db.select({ id: roundEntries.entryId }).from(roundEntries).where(eq(roundEntries.roundId, round.id))).map((r) => r.id)) : new Set<string>();
  const decisions: PrizeDecision[] = decisionRows
    .map(({ prize, entry }) => ({
      entryId: entry.id,
      code: entry.code,
      title: entry.title,
      category: entry.category,
      tier: prize.tier,
      reason: prize.reason,
      citation: prize.citation,
      updatedAt: prize.updatedAt.toISOString(),
      inFinalRound: inRound.has(entry.id),
      prizeEligible: isPrizeEligible(entry),
    }))
    .sort((a, b) => a.category.localeCompare(b.category) || PRIZE_TIERS.indexOf(a.tier) - PRIZE_TIERS.indexOf(b.tier) || (a.code ?? "").localeCompare(b.code ?? ""));
  const header = {
    contest: { id: contest.id, year: contest.year, title: contest.title, resultsPublishedAt: contest.resultsPublishedAt?.toISOString() ?? null },
    quotas,
    decisions,
  };
  if (!round) return { ...header, round: null, categories: [] };

  const { results, byId, proposals } = await proposalFor(db, round, quotas);
  const proposalOf = new Map(proposals.map((p) => [p.entryId, p]));
  const decisionOf = new Map(decisions.map((d) => [d.entryId, d]));
  return {
    ...header,
    round: { id: round.id, name: round.name, position: round.position },
    categories: contest.categories.map((category) => ({
      code: category.code,
      name: category.name,
      quota: quotas[category.code] ?? NO_QUOTA,
      ranking: results
        .filter((r) => r.category === category.code)
        .map((result) => {
          const entry = byId.get(result.entryId);
          const proposal = proposalOf.get(result.entryId);
          const decision = decisionOf.get(result.entryId);
          return {
            ...result,
            code: entry?.code ?? null,
            title: entry?.title ?? "",
            outlet: entry?.outlet ?? "",
            prizeEligible: entry ? isPrizeEligible(entry) : false,
            proposal: proposal?.prize ?? null,
            vote: proposal?.vote ?? null,
            decision: decision ? { tier: decision.tier, reason: decision.reason, updatedAt: decision.updatedAt } : null,
          };
        }),
    })),
  };
}

/**
 * POST /api/admin/prizes/proposal: the decisions become the quotas' proposal over the final
 * round. Existing decisions are replaced only with a reason. Ties the quotas cannot split get no
 * decision here: the secretariat records the council's vote entry by entry.
 */
export async function proposePrizes(db: Db, actor: Caller, contestId: string, reason: string | undefined, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotPublished(contest);
    const round = await finalRound(tx, contest.id);
    if (!round) throw new AppError(409, "noClosedRound");
    const quotas = contest.prizeQuotas;
    if (!Object.values(quotas).some((q) => PRIZE_TIERS.some((t) => q[t] > 0))) throw new AppError(409, "noPrizeQuotas");
    const before = await tx.select().from(prizes).where(eq(prizes.contestId, contest.id));
    if (before.length > 0 && !reason) throw invalid({ reason: { key: "reasonRequiredToReplace" } });

    const { proposals } = await proposalFor(tx, round, quotas);
    const awarded = proposals.filter((p) => p.prize !== null);
    await tx.delete(prizes).where(eq(prizes.contestId, contest.id));
    if (awarded.length) await tx.insert(prizes).values(awarded.map((p) => ({ contestId: contest.id, entryId: p.entryId, tier: p.prize!, reason: reason ?? "", updatedAt: now })));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "prize.propose",
      entity: "contest",
      entityId: contest.id,
      before: before.map((p) => ({ entryId: p.entryId, tier: p.tier, reason: p.reason })),
      after: {
        reason: reason ?? "",
        roundId: round.id,
        quotas,
        decisions: awarded.map((p) => ({ entryId: p.entryId, tier: p.prize })),
        votes: proposals.filter((p) => p.vote).map((p) => ({ entryId: p.entryId, rank: p.rank, vote: p.vote })),
      },
    });
  });
}

export type PrizeResult = { entryId: string; code: string | null; tier: PrizeTier | null; reason: string; updatedAt: string | null };

/**
 * PUT /api/admin/prizes/{entryId}: awards, changes or (tier null) removes one entry's prize, with
 * a reason, audited with before and after. A prize needs a submitted, eligible entry of the
 * final round; removing one does not (that is how a disqualified entry loses its prize).
 */
export async function setPrize(db: Db, actor: Caller, contestId: string, entryId: string, input: PrizeInput, now = new Date()): Promise<PrizeResult> {
  return db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotPublished(contest);
    const [entry] = await tx.select().from(entries).where(and(eq(entries.id, entryId), eq(entries.contestId, contest.id)));
    // Drafts are their authors' own business: the secretariat does not know they exist.
    if (!entry || entry.status === "draft") throw notFound();
    const [before] = await tx.select().from(prizes).where(and(eq(prizes.contestId, contest.id), eq(prizes.entryId, entryId)));
    const was = before ? { tier: before.tier, reason: before.reason } : null;

    if (input.tier === null) {
      if (!before) return { entryId, code: entry.code, tier: null, reason: input.reason, updatedAt: null };
      await tx.delete(prizes).where(and(eq(prizes.contestId, contest.id), eq(prizes.entryId, entryId)));
      await recordAudit(tx, { actorId: actor.id, action: "prize.remove", entity: "entry", entityId: entryId, before: was, after: { tier: null, reason: input.reason } });
      return { entryId, code: entry.code, tier: null, reason: input.reason, updatedAt: now.toISOString() };
    }

    if (!isPrizeEligible(entry)) throw new AppError(409, "notPrizeEligible", { code: entry.code ?? "" });
    const round = await finalRound(tx, contest.id);
    if (!round) throw new AppError(409, "noClosedRound");
    const [inRound] = await tx.select().from(roundEntries).where(and(eq(roundEntries.roundId, round.id), eq(roundEntries.entryId, entryId)));
    if (!inRound) throw new AppError(409, "notInFinalRound", { code: entry.code ?? "" });
    await tx
      .insert(prizes)
      .values({ contestId: contest.id, entryId, tier: input.tier, reason: input.reason, updatedAt: now })
      .onConflictDoUpdate({ target: [prizes.contestId, prizes.entryId], set: { tier: input.tier, reason: input.reason, updatedAt: now } });
    await recordAudit(tx, { actorId: actor.id, action: "prize.set", entity: "entry", entityId: entryId, before: was, after: { tier: input.tier, reason: input.reason } });
    return { entryId, code: entry.code, tier: input.tier, reason: input.reason, updatedAt: now.toISOString() };
  });
}

/** PUT /api/admin/prizes/quotas: the prizes per category and tier (categories of the contest only), before publication. */
export async function setPrizeQuotas(db: Db, actor: Caller, contest: ContestWithCategories, input: QuotasInput): Promise<Record<string, Quota>> {
  const known = new Set<string>(contest.categories.map((c) => c.code));
  const unknown = Object.keys(input.quotas).filter((code) => !known.has(code));
  if (unknown.length) throw invalid(Object.fromEntries(unknown.map((code) => [`quotas.${code}`, { key: "unknownCategory" }])));
  return db.transaction(async (tx) => {
    const locked = await lockContest(tx, contest.id);
    assertNotPublished(locked);
    // Stored in the contest's category order, so the JSON reads the same way every time.
    const quotas = Object.fromEntries(contest.categories.flatMap((c) => (input.quotas[c.code] ? [[c.code, input.quotas[c.code]!]] : [])));
    await tx.update(contests).set({ prizeQuotas: quotas, updatedAt: new Date() }).where(eq(contests.id, contest.id));
    await recordAudit(tx, { actorId: actor.id, action: "contest.prizeQuotas", entity: "contest", entityId: contest.id, before: locked.prizeQuotas, after: quotas });
    return quotas;
  });
}

/**
 * PUT /api/admin/prizes/{entryId}/citation: the jury's citation of a prize, in both languages,
 * until publication. Audited with before and after.
 */
export async function setCitation(db: Db, actor: Caller, contestId: string, entryId: string, citation: LocalizedText): Promise<{ entryId: string; citation: LocalizedText }> {
  return db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    assertNotPublished(contest);
    const [prize] = await tx.select().from(prizes).where(and(eq(prizes.contestId, contest.id), eq(prizes.entryId, entryId)));
    // A citation belongs to a prize: an entry without one has nothing to cite.
    if (!prize) throw new AppError(404, "noPrize");
    await tx.update(prizes).set({ citation }).where(and(eq(prizes.contestId, contest.id), eq(prizes.entryId, entryId)));
    await recordAudit(tx, { actorId: actor.id, action: "prize.citation", entity: "entry", entityId: entryId, before: prize.citation, after: citation });
    return { entryId, citation };
  });
}
