import "server-only";
import { and, eq, inArray, ne, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, conflicts, entries, entryAuthors, roundEntries, roundJurors, rounds, scores, users, type Round } from "../schema";
import { recordAudit } from "./audit";
import { enqueueEntryReindex } from "./outbox";
import { applyScope, getRound } from "./rounds";
import type { Caller } from "@/lib/auth/session";
import { assignJurors, conflictOf, pairKey, sitsOnPanel, type AssignableEntry, type AssignableJuror, type AssignmentResult } from "@/lib/contest/assignment";
import { AppError, notFound } from "@/lib/errors";

/** Everything the pure assignment needs about a round: its entries, jurors and declared conflicts. */
async function assignmentInputs(tx: Db, round: Round) {
  const entryRows = await tx
    .select({ id: entries.id, panel: entries.category, outlet: entries.outlet })
    .from(roundEntries)
    .innerJoin(entries, eq(entries.id, roundEntries.entryId))
    .where(eq(roundEntries.roundId, round.id));
  const entryIds = entryRows.map((e) => e.id);
  const authorRows = entryIds.length ? await tx.select({ entryId: entryAuthors.entryId, userId: entryAuthors.userId }).from(entryAuthors).where(inArray(entryAuthors.entryId, entryIds)) : [];
  const jurorRows = await tx
    .select({ id: users.id, outlet: users.outlet, panels: roundJurors.panels })
    .from(roundJurors)
    .innerJoin(users, eq(users.id, roundJurors.jurorId))
    .where(eq(roundJurors.roundId, round.id));
  const jurorIds = jurorRows.map((j) => j.id);
  // Co-authors: every account that shares an entry (any contest, any status) with the juror.
  const ownEntries = jurorIds.length ? await tx.select({ entryId: entryAuthors.entryId, userId: entryAuthors.userId }).from(entryAuthors).where(inArray(entryAuthors.userId, jurorIds)) : [];
  const shared = ownEntries.length ? await tx.select({ entryId: entryAuthors.entryId, userId: entryAuthors.userId }).from(entryAuthors).where(inArray(entryAuthors.entryId, ownEntries.map((o) => o.entryId))) : [];
  const declaredRows = jurorIds.length ? await tx.select({ jurorId: conflicts.jurorId, entryId: conflicts.entryId }).from(conflicts).where(inArray(conflicts.jurorId, jurorIds)) : [];
  const authorsOf = new Map<string, string[]>();
  for (const a of authorRows) if (a.userId) authorsOf.set(a.entryId, [...(authorsOf.get(a.entryId) ?? []), a.userId]);
  const list: AssignableEntry[] = entryRows.map((e) => ({ ...e, authorIds: authorsOf.get(e.id) ?? [] }));
  const jurors: AssignableJuror[] = jurorRows.map((j) => {
    const mine = new Set(ownEntries.filter((o) => o.userId === j.id).map((o) => o.entryId));
    return { ...j, coAuthorIds: [...new Set(shared.filter((s) => mine.has(s.entryId) && s.userId && s.userId !== j.id).map((s) => s.userId!))] };
  });
  return { entries: list, jurors, declared: new Set(declaredRows.map((d) => pairKey(d.jurorId, d.entryId))) };
}

/**
 * Runs the automatic assignment for a draft or open round. Assignments with a score (draft or
 * submitted) stay; the others are replaced by the balanced result. Returns what could not be met.
 */
export async function runAssignment(db: Db, actor: Caller, roundId: string): Promise<AssignmentResult> {
  return db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    if (round.status === "closed") throw new AppError(409, "roundClosed");
    await applyScope(tx, round);
    const inputs = await assignmentInputs(tx, round);
    const scored = await tx.select({ entryId: scores.entryId, jurorId: scores.jurorId }).from(scores).where(eq(scores.roundId, round.id));
    const before = await tx.select({ entryId: assignments.entryId, jurorId: assignments.jurorId }).from(assignments).where(eq(assignments.roundId, round.id));
    const scoredKeys = new Set(scored.map((s) => pairKey(s.jurorId, s.entryId)));
    const keep = before.filter((a) => scoredKeys.has(pairKey(a.jurorId, a.entryId)));
    const result = assignJurors({ ...inputs, jurorsPerEntry: round.jurorsPerEntry, keep });
    await tx.delete(assignments).where(eq(assignments.roundId, round.id));
    for (let i = 0; i < result.pairs.length; i += 1000) {
      await tx.insert(assignments).values(result.pairs.slice(i, i + 1000).map((p) => ({ roundId: round.id, ...p })));
    }
    await enqueueEntryReindex(tx, [...before, ...result.pairs].map((a) => a.entryId));
    await recordAudit(tx, { actorId: actor.id, action: "assignment.run", entity: "round", entityId: round.id, before: { count: before.length }, after: { count: result.pairs.length, kept: keep.length, unmet: result.unmet } });
    return result;
  });
}

/** The secretariat adds one juror to one entry, with the same panel and conflict checks. */
export async function addAssignment(db: Db, actor: Caller, roundId: string, entryId: string, jurorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    if (round.status === "closed") throw new AppError(409, "roundClosed");
    const inputs = await assignmentInputs(tx, round);
    const entry = inputs.entries.find((e) => e.id === entryId);
    const juror = inputs.jurors.find((j) => j.id === jurorId);
    if (!entry || !juror) throw notFound();
    if (!sitsOnPanel(juror, entry.panel)) throw new AppError(409, "notOnPanel");
    const reason = conflictOf(juror, entry, inputs.declared);
    if (reason) throw new AppError(409, "conflictOfInterest", { reason });
    const [row] = await tx.insert(assignments).values({ roundId, entryId, jurorId }).onConflictDoNothing().returning();
    if (!row) throw new AppError(409, "alreadyAssigned");
    await enqueueEntryReindex(tx, [entryId]);
    await recordAudit(tx, { actorId: actor.id, action: "assignment.add", entity: "assignment", entityId: row.id, after: row });
  });
}

/** The secretariat removes an assignment; a submitted score goes with it only by reopening first. */
export async function removeAssignment(db: Db, actor: Caller, roundId: string, entryId: string, jurorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(assignments).where(and(eq(assignments.roundId, roundId), eq(assignments.entryId, entryId), eq(assignments.jurorId, jurorId))).for("update");
    if (!row) throw notFound();
    const [score] = await tx.select().from(scores).where(and(eq(scores.roundId, roundId), eq(scores.entryId, entryId), eq(scores.jurorId, jurorId)));
    if (score?.status === "submitted") throw new AppError(409, "scoreLocked");
    if (score) await tx.delete(scores).where(eq(scores.id, score.id));
    await tx.delete(assignments).where(eq(assignments.id, row.id));
    await enqueueEntryReindex(tx, [entryId]);
    await recordAudit(tx, { actorId: actor.id, action: "assignment.remove", entity: "assignment", entityId: row.id, before: { ...row, score: score ?? null } });
  });
}

/** A juror's assignment in a round that is not a draft, or 404: the only door to an entry for a juror. */
export async function jurorAssignment(db: Db, caller: Caller, entryId: string) {
  const [row] = await db
    .select({ assignment: assignments, round: rounds })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .where(and(eq(assignments.jurorId, caller.id), eq(assignments.entryId, entryId), ne(rounds.status, "draft")))
    .orderBy(rounds.position);
  if (!row) throw notFound();
  return row;
}

/**
 * A juror declares a conflict on an assigned entry: the assignment (and any draft sheet) goes,
 * a conflict is recorded so reassignment skips them, and the secretariat sees the entry short.
 */
export async function declareConflict(db: Db, caller: Caller, entryId: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { assignment, round } = await jurorAssignment(tx, caller, entryId);
    const [score] = await tx.select().from(scores).where(and(eq(scores.roundId, round.id), eq(scores.entryId, entryId), eq(scores.jurorId, caller.id)));
    if (score?.status === "submitted") throw new AppError(409, "scoreLocked");
    if (score) await tx.delete(scores).where(eq(scores.id, score.id));
    await tx.delete(assignments).where(eq(assignments.id, assignment.id));
    await enqueueEntryReindex(tx, [entryId]);
    const [conflict] = await tx.insert(conflicts).values({ jurorId: caller.id, entryId, source: "declared", reason, createdBy: caller.id }).onConflictDoNothing().returning();
    await recordAudit(tx, { actorId: caller.id, action: "conflict.declare", entity: "conflict", entityId: conflict?.id ?? assignment.id, before: assignment, after: conflict ?? null });
  });
}

/** The secretariat records a conflict; an unscored assignment it hits is removed. */
export async function addConflict(db: Db, actor: Caller, jurorId: string, entryId: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [juror] = await tx.select({ role: users.role }).from(users).where(eq(users.id, jurorId));
    const [entry] = await tx.select({ id: entries.id }).from(entries).where(and(eq(entries.id, entryId), ne(entries.status, "draft")));
    if (juror?.role !== "juror" || !entry) throw notFound();
    const [conflict] = await tx.insert(conflicts).values({ jurorId, entryId, source: "secretariat", reason, createdBy: actor.id }).onConflictDoNothing().returning();
    if (!conflict) throw new AppError(409, "conflictExists");
    const submitted = await tx.select({ roundId: scores.roundId }).from(scores).where(and(eq(scores.jurorId, jurorId), eq(scores.entryId, entryId), eq(scores.status, "submitted")));
    const lockedRounds = submitted.map((s) => s.roundId);
    const removed = await tx
      .delete(assignments)
      .where(and(eq(assignments.jurorId, jurorId), eq(assignments.entryId, entryId), ...(lockedRounds.length ? [notInArray(assignments.roundId, lockedRounds)] : [])))
      .returning();
    await enqueueEntryReindex(tx, removed.map((r) => r.entryId));
    await tx.delete(scores).where(and(eq(scores.jurorId, jurorId), eq(scores.entryId, entryId), eq(scores.status, "draft")));
    await recordAudit(tx, { actorId: actor.id, action: "conflict.add", entity: "conflict", entityId: conflict.id, after: { conflict, removedAssignments: removed.length } });
  });
}
