import "server-only";
import { and, count, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { assignments, conflicts, entries, entryAuthors, roundEntries, roundJurors, rounds, scores, users, type Conflict, type Round } from "../schema";
import { recordAudit } from "./audit";
import { findCurrentContest } from "./contests";
import { enqueueEntryReindex } from "./outbox";
import { applyScope, getRound } from "./rounds";
import type { Caller } from "@/lib/auth/session";
import { assignJurors, conflictOf, pairKey, sitsOnPanel, type AssignableEntry, type AssignableJuror, type AssignmentResult, type ConflictReason } from "@/lib/contest/assignment";
import { scoreEditable } from "@/lib/contest/jury";
import { AppError, invalid, notFound } from "@/lib/errors";
import { compareText } from "@/lib/i18n/format";

type Assignment = typeof assignments.$inferSelect;

/**
 * Everything the pure assignment needs about a round: its entries, jurors and declared conflicts;
 * `only` narrows it to some entries and jurors (one manual assignment). A round juror whose
 * account was disabled or given another role since is left out: they can no longer judge.
 */
async function assignmentInputs(tx: Db, round: Round, only: { entryIds?: string[]; jurorIds?: string[] } = {}) {
  const entryRows = await tx
    .select({ id: entries.id, panel: entries.category, outlet: entries.outlet })
    .from(roundEntries)
    .innerJoin(entries, eq(entries.id, roundEntries.entryId))
    .where(and(eq(roundEntries.roundId, round.id), only.entryIds ? inArray(roundEntries.entryId, only.entryIds) : undefined));
  const entryIds = entryRows.map((e) => e.id);
  const authorRows = entryIds.length ? await tx.select({ entryId: entryAuthors.entryId, userId: entryAuthors.userId }).from(entryAuthors).where(inArray(entryAuthors.entryId, entryIds)) : [];
  const jurorRows = await tx
    .select({ id: users.id, outlet: users.outlet, panels: roundJurors.panels })
    .from(roundJurors)
    .innerJoin(users, eq(users.id, roundJurors.jurorId))
    .where(and(eq(roundJurors.roundId, round.id), eq(users.role, "juror"), isNull(users.disabledAt), only.jurorIds ? inArray(roundJurors.jurorId, only.jurorIds) : undefined));
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

/** POST /api/admin/rounds/{id}/assignment's answer: how many assignments, the entries short of jurors and why, each juror's load. */
export function assignmentSummary({ pairs, unmet, loads }: AssignmentResult) {
  return { assignments: pairs.length, unmet, loads };
}
export type AssignmentSummary = ReturnType<typeof assignmentSummary>;

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

/**
 * Assigns jurors to the chosen entries of a draft or open round only (the entry list's bulk
 * "assign"): a chosen entry the round's scope takes in joins the round, and each is topped up to
 * `jurorsPerEntry` around the assignments it already has. Every other assignment of the round
 * stays, and what jurors hold elsewhere in the round counts toward their load. Chosen entries the
 * scope does not take in (not eligible, not shortlisted) are returned, not assigned.
 */
export async function assignChosenEntries(db: Db, actor: Caller, roundId: string, entryIds: string[]): Promise<AssignmentResult & { added: number; outOfRound: string[] }> {
  return db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    if (round.status === "closed") throw new AppError(409, "roundClosed");
    const chosen = new Set(entryIds);
    await applyScope(tx, round, chosen);
    const inputs = await assignmentInputs(tx, round, { entryIds: [...chosen] });
    const before = await tx.select({ entryId: assignments.entryId, jurorId: assignments.jurorId }).from(assignments).where(eq(assignments.roundId, round.id));
    const keep = before.filter((a) => chosen.has(a.entryId));
    const heldElsewhere = new Map<string, number>();
    for (const a of before) if (!chosen.has(a.entryId)) heldElsewhere.set(a.jurorId, (heldElsewhere.get(a.jurorId) ?? 0) + 1);
    const result = assignJurors({ ...inputs, jurorsPerEntry: round.jurorsPerEntry, keep, heldElsewhere });
    const had = new Set(keep.map((a) => pairKey(a.jurorId, a.entryId)));
    const added = result.pairs.filter((p) => !had.has(pairKey(p.jurorId, p.entryId)));
    if (added.length) await tx.insert(assignments).values(added.map((p) => ({ roundId: round.id, ...p })));
    await enqueueEntryReindex(tx, added.map((a) => a.entryId));
    const inRound = new Set(inputs.entries.map((e) => e.id));
    const outOfRound = [...chosen].filter((id) => !inRound.has(id));
    await recordAudit(tx, { actorId: actor.id, action: "assignment.run", entity: "round", entityId: round.id, before: { count: before.length }, after: { count: before.length + added.length, entries: [...chosen], added: added.length, unmet: result.unmet, outOfRound } });
    return { ...result, added: added.length, outOfRound };
  });
}

// A conflict's kind decides the message the secretariat reads.
const CONFLICT_CODES: Record<ConflictReason, string> = { author: "conflictAuthor", coAuthor: "conflictCoAuthor", outlet: "conflictOutlet", declared: "conflictDeclared" };

/**
 * POST /api/admin/rounds/{id}/assignments: the secretariat adds one juror to one entry of a round
 * that is not closed, with the checks of the automatic assignment (panel, every kind of conflict).
 * Extra jurors beyond `jurorsPerEntry` are the secretariat's call and are allowed.
 */
export async function addAssignment(db: Db, actor: Caller, roundId: string, entryId: string, jurorId: string): Promise<Assignment> {
  return db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    if (round.status === "closed") throw new AppError(409, "roundClosed");
    const [[entry], [juror]] = await Promise.all([
      tx.select({ status: entries.status }).from(entries).where(eq(entries.id, entryId)),
      tx.select({ id: users.id }).from(users).where(eq(users.id, jurorId)),
    ]);
    if (!entry || !juror) throw notFound();
    const inputs = await assignmentInputs(tx, round, { entryIds: [entryId], jurorIds: [jurorId] });
    const candidate = inputs.entries[0];
    const member = inputs.jurors[0];
    if (!candidate) throw new AppError(409, "entryNotInRound");
    if (entry.status !== "submitted") throw new AppError(409, "entryWithdrawn");
    if (!member) throw new AppError(409, "notRoundJuror");
    if (!sitsOnPanel(member, candidate.panel)) throw new AppError(409, "notOnPanel");
    const reason = conflictOf(member, candidate, inputs.declared);
    if (reason) throw new AppError(409, CONFLICT_CODES[reason]);
    const [row] = await tx.insert(assignments).values({ roundId, entryId, jurorId }).onConflictDoNothing().returning();
    if (!row) throw new AppError(409, "alreadyAssigned");
    await enqueueEntryReindex(tx, [entryId]);
    await recordAudit(tx, { actorId: actor.id, action: "assignment.add", entity: "assignment", entityId: row.id, after: row });
    return row;
  });
}

/**
 * DELETE /api/admin/rounds/{id}/assignments/{entryId}/{jurorId}: a draft sheet goes with the
 * assignment; a submitted one refuses (reopen it first, which is audited with a reason), and a
 * closed round's assignments are its record and stay.
 */
export async function removeAssignment(db: Db, actor: Caller, roundId: string, entryId: string, jurorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    const [row] = await tx.select().from(assignments).where(and(eq(assignments.roundId, roundId), eq(assignments.entryId, entryId), eq(assignments.jurorId, jurorId))).for("update");
    if (!row) throw notFound();
    if (round.status === "closed") throw new AppError(409, "roundClosed");
    const [score] = await tx.select().from(scores).where(and(eq(scores.roundId, roundId), eq(scores.entryId, entryId), eq(scores.jurorId, jurorId))).for("update");
    if (score?.status === "submitted") throw new AppError(409, "assignmentScored");
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
export async function declareConflict(db: Db, caller: Caller, entryId: string, reason: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { assignment, round } = await jurorAssignment(tx, caller, entryId);
    const [score] = await tx.select().from(scores).where(and(eq(scores.roundId, round.id), eq(scores.entryId, entryId), eq(scores.jurorId, caller.id)));
    // Only while the sheet could still change: a closed round's assignments are its record.
    if (!scoreEditable(round, score ?? null, now)) throw new AppError(409, score?.status === "submitted" ? "scoreLocked" : "roundNotOpen");
    if (score) await tx.delete(scores).where(eq(scores.id, score.id));
    await tx.delete(assignments).where(eq(assignments.id, assignment.id));
    await enqueueEntryReindex(tx, [entryId]);
    const [conflict] = await tx.insert(conflicts).values({ jurorId: caller.id, entryId, source: "declared", reason, createdBy: caller.id }).onConflictDoNothing().returning();
    await recordAudit(tx, { actorId: caller.id, action: "conflict.declare", entity: "conflict", entityId: conflict?.id ?? assignment.id, before: assignment, after: conflict ?? null });
  });
}

export type ShortEntry = { roundId: string; entryId: string; required: number; assigned: number };
export type SecretariatConflictResult = { conflict: Conflict; removed: { roundId: string }[]; kept: { roundId: string }[]; short: ShortEntry[] };

/**
 * POST /api/admin/conflicts: the secretariat records a conflict. The pair's assignments in rounds
 * that are not closed go (with any draft sheet), unless the juror already submitted that sheet
 * (reopen it, then remove the assignment). The rounds where the entry is now short of jurors are
 * returned, so it can be given to someone else.
 */
export async function addConflict(db: Db, actor: Caller, jurorId: string, entryId: string, reason: string): Promise<SecretariatConflictResult> {
  return db.transaction(async (tx) => {
    const [juror] = await tx.select({ role: users.role }).from(users).where(eq(users.id, jurorId));
    const [entry] = await tx.select({ id: entries.id }).from(entries).where(and(eq(entries.id, entryId), ne(entries.status, "draft")));
    if (!juror || !entry) throw notFound();
    if (juror.role !== "juror") throw invalid({ jurorId: { key: "notAJuror" } });
    const [conflict] = await tx.insert(conflicts).values({ jurorId, entryId, source: "secretariat", reason, createdBy: actor.id }).onConflictDoNothing().returning();
    if (!conflict) throw new AppError(409, "conflictExists");
    const held = await tx
      .select({ assignment: assignments, roundStatus: rounds.status, scoreStatus: scores.status })
      .from(assignments)
      .innerJoin(rounds, eq(rounds.id, assignments.roundId))
      .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
      .where(and(eq(assignments.jurorId, jurorId), eq(assignments.entryId, entryId)))
      .for("update", { of: assignments });
    const removable = held.filter((h) => h.roundStatus !== "closed" && h.scoreStatus !== "submitted").map((h) => h.assignment);
    const kept = held.filter((h) => !removable.includes(h.assignment)).map((h) => ({ roundId: h.assignment.roundId }));
    const removedRounds = removable.map((a) => a.roundId);
    if (removable.length) {
      await tx.delete(scores).where(and(eq(scores.jurorId, jurorId), eq(scores.entryId, entryId), eq(scores.status, "draft"), inArray(scores.roundId, removedRounds)));
      await tx.delete(assignments).where(inArray(assignments.id, removable.map((a) => a.id)));
      await enqueueEntryReindex(tx, [entryId]);
    }
    const short: ShortEntry[] = [];
    for (const roundId of removedRounds) {
      const [round] = await tx.select({ required: rounds.jurorsPerEntry }).from(rounds).where(eq(rounds.id, roundId));
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(assignments).where(and(eq(assignments.roundId, roundId), eq(assignments.entryId, entryId)));
      if (round && Number(n) < round.required) short.push({ roundId, entryId, required: round.required, assigned: Number(n) });
    }
    await recordAudit(tx, { actorId: actor.id, action: "conflict.add", entity: "conflict", entityId: conflict.id, before: { assignments: removable }, after: { conflict, removedAssignments: removable.length, kept } });
    return { conflict, removed: removedRounds.map((roundId) => ({ roundId })), kept, short };
  });
}

export type ConflictItem = {
  /** null for automatic conflicts, which are computed, not stored. */
  id: string | null;
  source: "declared" | "secretariat" | "automatic";
  /** The reason given (declared, secretariat), or the rule (automatic): "author" | "coAuthor" | "outlet". */
  reason: string;
  juror: { id: string; name: string };
  entry: { id: string; code: string | null; title: string };
  createdBy: { id: string; name: string } | null;
  createdAt: string | null;
};

/**
 * GET /api/admin/conflicts: the recorded conflicts on the current contest's entries, or with a
 * round, those on the round's entries plus the automatic ones between its jurors and entries
 * (their own work, a co-author's, their outlet's), as the assignment applies them.
 */
export async function listConflicts(db: Db, roundId?: string): Promise<ConflictItem[]> {
  const creator = alias(users, "creator");
  let round: Round | null = null;
  let scope: SQL;
  if (roundId) {
    round = await getRound(db, roundId);
    scope = inArray(conflicts.entryId, db.select({ id: roundEntries.entryId }).from(roundEntries).where(eq(roundEntries.roundId, roundId)));
  } else {
    const contest = await findCurrentContest(db);
    if (!contest) return [];
    scope = eq(entries.contestId, contest.id);
  }
  const stored = await db
    .select({ conflict: conflicts, jurorName: users.name, code: entries.code, title: entries.title, creatorName: creator.name })
    .from(conflicts)
    .innerJoin(users, eq(users.id, conflicts.jurorId))
    .innerJoin(entries, eq(entries.id, conflicts.entryId))
    .leftJoin(creator, eq(creator.id, conflicts.createdBy))
    .where(scope);
  const items: ConflictItem[] = stored.map((r) => ({
    id: r.conflict.id,
    source: r.conflict.source,
    reason: r.conflict.reason,
    juror: { id: r.conflict.jurorId, name: r.jurorName },
    entry: { id: r.conflict.entryId, code: r.code, title: r.title },
    createdBy: { id: r.conflict.createdBy, name: r.creatorName ?? "" },
    createdAt: r.conflict.createdAt.toISOString(),
  }));
  if (round) {
    const inputs = await assignmentInputs(db, round);
    const found: { jurorId: string; entryId: string; reason: ConflictReason }[] = [];
    for (const juror of inputs.jurors) {
      for (const entry of inputs.entries) {
        // Recorded conflicts are listed above with their reasons; only the computed ones here.
        const reason = conflictOf(juror, entry, new Set());
        if (reason) found.push({ jurorId: juror.id, entryId: entry.id, reason });
      }
    }
    if (found.length) {
      const [names, works] = await Promise.all([
        db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(found.map((f) => f.jurorId))])),
        db.select({ id: entries.id, code: entries.code, title: entries.title }).from(entries).where(inArray(entries.id, [...new Set(found.map((f) => f.entryId))])),
      ]);
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      const workOf = new Map(works.map((w) => [w.id, w]));
      for (const f of found) {
        const work = workOf.get(f.entryId);
        items.push({
          id: null,
          source: "automatic",
          reason: f.reason,
          juror: { id: f.jurorId, name: nameOf.get(f.jurorId) ?? "" },
          entry: { id: f.entryId, code: work?.code ?? null, title: work?.title ?? "" },
          createdBy: null,
          createdAt: null,
        });
      }
    }
  }
  return items.sort((a, b) => (a.entry.code ?? "").localeCompare(b.entry.code ?? "") || compareText(a.juror.name, b.juror.name) || a.source.localeCompare(b.source));
}
