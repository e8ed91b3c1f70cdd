import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, auditLog, roundJurors, scores, users, type Round } from "../schema";
import { recordAudit } from "./audit";
import { getRound } from "./rounds";
import type { Caller } from "@/lib/auth/session";
import { scoreEditable } from "@/lib/contest/jury";
import { AppError } from "@/lib/errors";
import { componentLogger } from "@/lib/log";

/** A juror is reminded at most once in this many minutes, whoever asks and for whichever round. */
export const REMINDER_INTERVAL_MINUTES = 60;

export type ReminderSkipReason = "notInRound" | "disabled" | "nothingLeft" | "recentlyReminded" | "mailFailed";
export type ReminderSkip = { jurorId: string; reason: ReminderSkipReason; remaining?: number; lastSentAt?: string };
export type ReminderResult = { sent: { jurorId: string; remaining: number }[]; skipped: ReminderSkip[] };

export type ReminderCandidate = { jurorId: string; name: string; email: string; active: boolean; assigned: number; submitted: number };
export type PlannedReminder = { jurorId: string; name: string; email: string; remaining: number };

/**
 * Who gets a reminder: the requested jurors (or every juror of the round) that are on the round,
 * active, have sheets left and were not reminded within the interval (`lastSentAt` by juror).
 */
export function planReminders(candidates: readonly ReminderCandidate[], requested: readonly string[] | undefined, lastSentAt: ReadonlyMap<string, Date>): { planned: PlannedReminder[]; skipped: ReminderSkip[] } {
  const byId = new Map(candidates.map((c) => [c.jurorId, c]));
  const planned: PlannedReminder[] = [];
  const skipped: ReminderSkip[] = [];
  for (const jurorId of requested ? [...new Set(requested)] : candidates.map((c) => c.jurorId)) {
    const c = byId.get(jurorId);
    if (!c) {
      skipped.push({ jurorId, reason: "notInRound" });
      continue;
    }
    const remaining = c.assigned - c.submitted;
    const last = lastSentAt.get(jurorId);
    if (!c.active) skipped.push({ jurorId, reason: "disabled", remaining });
    else if (remaining <= 0) skipped.push({ jurorId, reason: "nothingLeft", remaining: 0 });
    else if (last) skipped.push({ jurorId, reason: "recentlyReminded", remaining, lastSentAt: last.toISOString() });
    else planned.push({ jurorId, name: c.name, email: c.email, remaining });
  }
  return { planned, skipped };
}

/** The round's jurors (panel members and anyone assigned) with their assigned and submitted sheets. */
async function reminderCandidates(tx: Db, roundId: string): Promise<ReminderCandidate[]> {
  const [members, tallies] = await Promise.all([
    tx.select({ jurorId: roundJurors.jurorId }).from(roundJurors).where(eq(roundJurors.roundId, roundId)),
    tx
      .select({ jurorId: assignments.jurorId, assigned: count(), submitted: sql<number>`count(*) filter (where ${scores.status} = 'submitted')` })
      .from(assignments)
      .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
      .where(eq(assignments.roundId, roundId))
      .groupBy(assignments.jurorId),
  ]);
  const ids = [...new Set([...members.map((m) => m.jurorId), ...tallies.map((t) => t.jurorId)])].sort();
  if (ids.length === 0) return [];
  const people = await tx.select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, ids));
  const personOf = new Map(people.map((p) => [p.id, p]));
  const tallyOf = new Map(tallies.map((t) => [t.jurorId, t]));
  return ids.flatMap((jurorId) => {
    const person = personOf.get(jurorId);
    // An account that is no longer a juror is not on the round any more.
    if (!person || person.role !== "juror") return [];
    const tally = tallyOf.get(jurorId);
    return [{ jurorId, name: person.name, email: person.email, active: person.disabledAt === null, assigned: Number(tally?.assigned ?? 0), submitted: Number(tally?.submitted ?? 0) }];
  });
}

/** When each juror was last reminded within the interval; a reminder whose e-mail then failed does not count. */
async function recentReminders(tx: Db, jurorIds: string[]): Promise<Map<string, Date>> {
  if (jurorIds.length === 0) return new Map();
  const rows = await tx
    .select({ jurorId: auditLog.entityId, action: auditLog.action, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, "account"),
        inArray(auditLog.entityId, jurorIds),
        inArray(auditLog.action, ["reminder.send", "reminder.fail"]),
        sql`${auditLog.createdAt} > now() - ${sql.raw(`interval '${REMINDER_INTERVAL_MINUTES} minutes'`)}`,
      ),
    )
    .orderBy(auditLog.id);
  const last = new Map<string, Date>();
  for (const row of rows) {
    if (row.action === "reminder.send") last.set(row.jurorId, row.createdAt);
    else last.delete(row.jurorId);
  }
  return last;
}

/**
 * The round (locked when `lock`) and who would be reminded now and who not. Only while jurors can
 * still change their sheets: open, and inside the round's dates.
 */
async function roundReminderPlan(tx: Db, roundId: string, jurorIds: string[] | undefined, now: Date, lock: boolean) {
  const round = await getRound(tx, roundId, lock);
  if (!scoreEditable(round, null, now)) throw new AppError(409, "reminderRoundNotOpen");
  const candidates = await reminderCandidates(tx, roundId);
  const recent = await recentReminders(tx, candidates.map((c) => c.jurorId));
  return { round, ...planReminders(candidates, jurorIds, recent) };
}

/** The reminders a click would send now, read without claiming or sending anything (the round page's preview). */
export function previewReminders(db: Db, roundId: string, jurorIds: string[] | undefined, now: Date) {
  return roundReminderPlan(db, roundId, jurorIds, now, false);
}

export type ReminderSender = (mail: { jurorId: string; to: string; name: string; round: Round; remaining: number }) => Promise<void>;

/**
 * POST /api/admin/rounds/{id}/reminders. The round row is locked while the reminders are chosen
 * and claimed (one `reminder.send` audit row per juror), so a second click waits for the first
 * and then finds every juror recently reminded. E-mails go out after that commit; one that fails
 * is recorded as `reminder.fail`, which frees the juror for another try at once.
 */
export async function sendReminders(db: Db, actor: Caller, roundId: string, jurorIds: string[] | undefined, now: Date, send: ReminderSender): Promise<ReminderResult> {
  const { round, planned, skipped } = await db.transaction(async (tx) => {
    const plan = await roundReminderPlan(tx, roundId, jurorIds, now, true);
    for (const p of plan.planned) {
      await recordAudit(tx, { actorId: actor.id, action: "reminder.send", entity: "account", entityId: p.jurorId, after: { roundId, remaining: p.remaining } });
    }
    return plan;
  });
  const sent: ReminderResult["sent"] = [];
  const failed: ReminderSkip[] = [];
  for (const p of planned) {
    try {
      await send({ jurorId: p.jurorId, to: p.email, name: p.name, round, remaining: p.remaining });
      sent.push({ jurorId: p.jurorId, remaining: p.remaining });
    } catch (error) {
      componentLogger("mail").error({ roundId, jurorId: p.jurorId, errorType: error instanceof Error ? error.name : "unknown" }, "reminder not sent");
      failed.push({ jurorId: p.jurorId, reason: "mailFailed", remaining: p.remaining });
    }
  }
  const result = { sent, skipped: [...skipped, ...failed] };
  if (planned.length) {
    await db.transaction(async (tx) => {
      for (const f of failed) await recordAudit(tx, { actorId: actor.id, action: "reminder.fail", entity: "account", entityId: f.jurorId, after: { roundId } });
      await recordAudit(tx, { actorId: actor.id, action: "round.remind", entity: "round", entityId: roundId, after: result });
    });
  }
  return result;
}
