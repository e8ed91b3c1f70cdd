import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, contestCategories, contests, entries, prizes, users } from "../schema";
import { recordAudit } from "./audit";
import { enqueueEntryReindex } from "./outbox";
import { lockContest } from "./prizes";
import type { Caller } from "@/lib/auth/session";
import { isPrizeEligible } from "@/lib/contest/prizes";
import type { PrizeTier } from "@/lib/contest/vocabulary";
import { vietnamDate } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import { componentLogger } from "@/lib/log";
import { resultsMail, sendMail, type ResultsMailEntry } from "@/lib/mail";

const log = componentLogger("results");

export type Publication = { contestId: string; year: number; publishedAt: Date; winners: { entryId: string; code: string | null; tier: PrizeTier }[] };

/**
 * POST /api/admin/publication: makes a contest's results public, once. In one transaction with
 * the contest row locked (so no prize write slips in between): the decisions are checked, the
 * date set, every winner queued for search (the drainer puts them in the public winners index)
 * and the publication audited. Entrants are told afterwards (notifyEntrants).
 */
export async function publishResults(db: Db, actor: Caller, contestId: string, now = new Date()): Promise<Publication> {
  return db.transaction(async (tx) => {
    const contest = await lockContest(tx, contestId);
    if (contest.resultsPublishedAt) throw new AppError(409, "alreadyPublished", { year: contest.year, date: vietnamDate(contest.resultsPublishedAt) });
    const decisions = await tx
      .select({ entryId: entries.id, code: entries.code, status: entries.status, eligibility: entries.eligibility, tier: prizes.tier })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .where(eq(prizes.contestId, contest.id))
      .orderBy(asc(entries.code));
    if (decisions.length === 0) throw new AppError(409, "noPrizeDecisions");
    // An entry withdrawn or found ineligible after its prize was decided must not go public silently.
    const stale = decisions.filter((d) => !isPrizeEligible(d));
    if (stale.length) throw new AppError(409, "stalePrizeDecisions", { codes: stale.map((d) => d.code ?? d.entryId).join(", ") });

    await tx.update(contests).set({ resultsPublishedAt: now, updatedAt: now }).where(eq(contests.id, contest.id));
    await enqueueEntryReindex(
      tx,
      decisions.map((d) => d.entryId),
    );
    const winners = decisions.map((d) => ({ entryId: d.entryId, code: d.code, tier: d.tier }));
    await recordAudit(tx, { actorId: actor.id, action: "results.publish", entity: "contest", entityId: contest.id, before: { resultsPublishedAt: null }, after: { resultsPublishedAt: now, winners } });
    return { contestId: contest.id, year: contest.year, publishedAt: now, winners };
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
      .select({ ownerId: entries.ownerId, email: users.email, name: users.name, code: entries.code, title: entries.title, category: entries.category, tier: prizes.tier })
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
  const byOwner = new Map<string, { email: string; name: string; entries: ResultsMailEntry[] }>();
  for (const row of rows) {
    const owner = byOwner.get(row.ownerId) ?? { email: row.email, name: row.name, entries: [] };
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
      await sendMail(resultsMail({ to: owner.email, name: owner.name, year: contest.year, contest: contest.title, entries: owner.entries }));
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
