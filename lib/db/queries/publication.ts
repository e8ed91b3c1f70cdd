import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, contestCategories, contests, entries, prizes, roundEntries, rounds, users } from "../schema";
import { recordAudit } from "./audit";
import { enqueueEntryReindex } from "./outbox";
import { lockContest } from "./prizes";
import type { Caller } from "@/lib/auth/session";
import { isPrizeEligible } from "@/lib/contest/prizes";
import { missingParams, publicationMissing, type MissingItem } from "@/lib/contest/publication";
import type { PrizeTier } from "@/lib/contest/vocabulary";
import { vietnamDate } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { componentLogger } from "@/lib/log";
import { resultsVars, sendEventMail, type ResultsFacts } from "@/lib/mail/events";

const log = componentLogger("results");

export type Publication = { contestId: string; year: number; publishedAt: Date; decision: { number: string; date: string }; winners: { entryId: string; code: string | null; tier: PrizeTier }[] };

export type Readiness = { missing: MissingItem[]; decisions: number };

/** The facts the publication rule reads (lib/contest/publication.ts), from one contest. */
export async function publicationReadiness(db: Db, contestId: string): Promise<Readiness> {
  const [contest] = await db.select().from(contests).where(eq(contests.id, contestId));
  if (!contest) throw new AppError(404, "noContest");
  const [roundRows, categoryRows, decisionRows] = await Promise.all([
    db.select({ id: rounds.id, name: rounds.name, status: rounds.status, position: rounds.position }).from(rounds).where(eq(rounds.contestId, contestId)).orderBy(asc(rounds.position)),
    db.select({ code: contestCategories.code, name: contestCategories.name }).from(contestCategories).where(eq(contestCategories.contestId, contestId)).orderBy(asc(contestCategories.position)),
    db
      .select({ entryId: entries.id, code: entries.code, category: entries.category, status: entries.status, eligibility: entries.eligibility, tier: prizes.tier, citation: prizes.citation })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .where(eq(prizes.contestId, contestId))
      .orderBy(asc(entries.code)),
  ]);
  const final = [...roundRows].reverse().find((r) => r.status === "closed");
  const inFinal = final ? new Set((await db.select({ id: roundEntries.entryId }).from(roundEntries).where(eq(roundEntries.roundId, final.id))).map((r) => r.id)) : new Set<string>();
  const missing = publicationMissing({
    rounds: roundRows,
    categories: categoryRows,
    quotas: contest.prizeQuotas,
    decisions: decisionRows.map((d) => ({ entryId: d.entryId, code: d.code, category: d.category, tier: d.tier, citation: d.citation, prizeEligible: isPrizeEligible(d), inFinalRound: inFinal.has(d.entryId) })),
  });
  return { missing, decisions: decisionRows.length };
}

/** The rule's items as an API error: `409 notReady` with the list of what is missing. */
export function notReadyError(missing: MissingItem[]): AppError {
  return new AppError(
    409,
    "notReady",
    { count: missing.length },
    undefined,
    missing.map((item) => ({
      key: item.key,
      params: (locale) => missingParams(item, locale),
      data: { ...("roundId" in item ? { roundId: item.roundId } : {}), ...("category" in item ? { category: item.category } : {}), ...("entryId" in item ? { entryId: item.entryId } : {}) },
    })),
  );
}

/**
 * POST /api/admin/publication: makes a contest's results public, once. In one transaction with
 * the contest row locked (so no prize write slips in between): the contest is checked ready
 * (every round closed, every prize decided with its citation), the committee's decision number
 * and date recorded with the date of publication, every winner queued for search (the drainer
 * puts them in the public winners index) and the publication audited. Entrants are told
 * afterwards (notifyEntrants).
 */
export async function publishResults(db: Db, actor: Caller, contestId: string, decision: { number: string; date: string }, now = new Date()): Promise<Publication> {
  return db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    if (contest.resultsPublishedAt) throw new AppError(409, "alreadyPublished", { year: contest.year, date: vietnamDate(contest.resultsPublishedAt) });
    const { missing } = await publicationReadiness(tx, contest.id);
    if (missing.length) throw notReadyError(missing);
    const decisions = await tx
      .select({ entryId: entries.id, code: entries.code, tier: prizes.tier })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .where(eq(prizes.contestId, contest.id))
      .orderBy(asc(entries.code));
    // The rule above lets no quota of zero through; an empty list would publish an empty page.
    if (decisions.length === 0) throw new AppError(409, "noPrizeDecisions");

    await tx.update(contests).set({ resultsPublishedAt: now, decisionNumber: decision.number, decisionDate: decision.date, updatedAt: now }).where(eq(contests.id, contest.id));
    await enqueueEntryReindex(
      tx,
      decisions.map((d) => d.entryId),
    );
    const winners = decisions.map((d) => ({ entryId: d.entryId, code: d.code, tier: d.tier }));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "results.publish",
      entity: "contest",
      entityId: contest.id,
      before: { resultsPublishedAt: null, decisionNumber: null, decisionDate: null },
      after: { resultsPublishedAt: now, decisionNumber: decision.number, decisionDate: decision.date, winners },
    });
    return { contestId: contest.id, year: contest.year, publishedAt: now, decision, winners };
  });
}

export type NotifyResult = { recipients: number; sent: number; failed: number; alreadyNotified: number };

// One run per contest at a time in this process: a retried publication request joins the run in
// progress instead of starting a second one that would mail the same people.
const runsSlot = globalThis as typeof globalThis & { __lantoaResultNotices?: Map<string, Promise<NotifyResult>> };
const runs = (runsSlot.__lantoaResultNotices ??= new Map());

/**
 * E-mails every entrant of a published contest (the owner of each submitted entry): the prize of
 * each winning entry, thanks for the others, and the link to the results. Each notice is recorded
 * (audit_log "results.notify") once sent, and entrants already recorded are skipped, so running
 * it again after a retry or a crash only reaches those not yet told. A failed mail is logged and
 * left for the next run; it never affects the publication.
 */
export function notifyEntrants(db: Db, contestId: string, actorId: string | null): Promise<NotifyResult> {
  let run = runs.get(contestId);
  if (!run) {
    run = sendNotices(db, contestId, actorId)
      .catch((error: unknown): NotifyResult => {
        // Runs after the response: nothing may escape as an unhandled rejection.
        log.error({ contestId, err: error }, "results notices stopped");
        return { recipients: 0, sent: 0, failed: 0, alreadyNotified: 0 };
      })
      .finally(() => runs.delete(contestId));
    runs.set(contestId, run);
  }
  return run;
}

/** The notices in progress for a contest, if any (tests wait for them). */
export async function noticesSettled(contestId: string): Promise<void> {
  await runs.get(contestId);
}

async function sendNotices(db: Db, contestId: string, actorId: string | null): Promise<NotifyResult> {
  const [contest] = await db.select().from(contests).where(eq(contests.id, contestId));
  if (!contest?.resultsPublishedAt) return { recipients: 0, sent: 0, failed: 0, alreadyNotified: 0 };
  const [rows, categories, done] = await Promise.all([
    db
      .select({ entryId: entries.id, ownerId: entries.ownerId, email: users.email, name: users.name, code: entries.code, title: entries.title, category: entries.category, tier: prizes.tier })
      .from(entries)
      .innerJoin(users, eq(users.id, entries.ownerId))
      .leftJoin(prizes, and(eq(prizes.entryId, entries.id), eq(prizes.contestId, contestId)))
      .where(and(eq(entries.contestId, contestId), eq(entries.status, "submitted")))
      .orderBy(asc(entries.code)),
    db.select({ code: contestCategories.code, name: contestCategories.name }).from(contestCategories).where(eq(contestCategories.contestId, contestId)),
    db
      .select({ userId: sql<string>`${auditLog.after}->>'userId'` })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "contest"), eq(auditLog.entityId, contestId), eq(auditLog.action, "results.notify"))),
  ]);
  const notified = new Set(done.map((d) => d.userId));
  const nameOf = new Map(categories.map((c) => [c.code, c.name]));
  const byOwner = new Map<string, { email: string; name: string; entries: ResultsFacts["entries"]; entryIds: string[] }>();
  for (const row of rows) {
    const owner = byOwner.get(row.ownerId) ?? { email: row.email, name: row.name, entries: [], entryIds: [] };
    owner.entryIds.push(row.entryId);
    owner.entries.push({ code: row.code ?? "", title: row.title, tier: row.tier, category: nameOf.get(row.category) ?? { vi: row.category, en: row.category } });
    byOwner.set(row.ownerId, owner);
  }

  const result: NotifyResult = { recipients: byOwner.size, sent: 0, failed: 0, alreadyNotified: 0 };
  for (const [userId, owner] of byOwner) {
    if (notified.has(userId)) {
      result.alreadyNotified++;
      continue;
    }
    try {
      await sendEventMail(db, { event: "results", to: owner.email, userId, entryIds: owner.entryIds, vars: resultsVars({ name: owner.name, year: contest.year, contest: contest.title, entries: owner.entries }) }, { sentBy: actorId });
    } catch (error) {
      result.failed++;
      log.error({ contestId, userId, err: error }, "results notice failed");
      continue;
    }
    result.sent++;
    // Recorded after sending: a crash in between can repeat one notice, never lose one.
    await recordAudit(db, { actorId, action: "results.notify", entity: "contest", entityId: contestId, after: { userId, entries: owner.entries.map((e) => ({ code: e.code, tier: e.tier })) } }).catch((error: unknown) =>
      log.error({ contestId, userId, err: error }, "results notice sent but not recorded"),
    );
  }
  if (result.failed) log.error({ contestId, ...result }, "some results notices failed; they are sent again when publication is retried");
  else log.info({ contestId, ...result }, "results notices sent");
  return result;
}

/** The missing items as people read them, in one language (the preview and the secretariat's page). */
export function describeMissing(missing: MissingItem[], locale: Locale): { code: string; message: string }[] {
  const t = translator(locale, "Errors");
  return missing.map((item) => ({ code: item.key, message: t(`missing.${item.key}`, missingParams(item, locale)) }));
}
