import "server-only";
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../client";
import { prizeEligibleWhere } from "../conditions";
import { assignments, entries, roundEntries, roundJurors, rounds, scores, users, type CategoryCode, type Round, type RoundStatus } from "../schema";
import { recordAudit } from "./audit";
import { enqueueRoundReindex } from "./outbox";
import type { Caller } from "@/lib/auth/session";
import { canMoveRound } from "@/lib/contest/jury";
import { missingSheetCount, rankEntries, reviewRanking, sheetCount, shortlist } from "@/lib/contest/ranking";
import { AppError, invalid, notFound } from "@/lib/errors";
import { levelIssues } from "@/lib/contest/scoring";
import type { FieldIssue } from "@/lib/contest/rules";
import type { LevelsInput, RoundInput } from "@/lib/validation/jury";

export async function getRound(db: Db, id: string, lock = false): Promise<Round> {
  const query = db.select().from(rounds).where(eq(rounds.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

export function listRounds(db: Db, contestId: string): Promise<Round[]> {
  return db.select().from(rounds).where(eq(rounds.contestId, contestId)).orderBy(asc(rounds.position));
}

export async function createRound(db: Db, actor: Caller, contestId: string, input: RoundInput): Promise<Round> {
  return db.transaction(async (tx) => {
    const existing = await listRounds(tx, contestId);
    if (input.scope.kind === "shortlist" && existing.length === 0) throw invalid({ scope: { key: "shortlistNeedsPreviousRound" } });
    const levels = Object.fromEntries(input.rubric.flatMap((c, i) => Object.entries(levelIssues(c, c.levels ?? [])).map(([field, issue]) => [`rubric.${i}.${field}`, issue])));
    if (Object.keys(levels).length) throw invalid(levels);
    const [round] = await tx
      .insert(rounds)
      .values({ ...input, contestId, position: existing.length + 1 })
      .returning();
    await recordAudit(tx, { actorId: actor.id, action: "round.create", entity: "round", entityId: round!.id, after: round });
    return round!;
  });
}

/** Sheets a round still waits for: per entry, those required (sheetCount) less those submitted. */
export async function missingSheets(db: Db, round: Round): Promise<number> {
  const [inRound, assigned, submitted] = await Promise.all([
    db.select({ id: roundEntries.entryId }).from(roundEntries).where(eq(roundEntries.roundId, round.id)),
    db.select({ entryId: assignments.entryId, n: count() }).from(assignments).where(eq(assignments.roundId, round.id)).groupBy(assignments.entryId),
    db
      .select({ entryId: scores.entryId, n: count() })
      .from(scores)
      .where(and(eq(scores.roundId, round.id), eq(scores.status, "submitted")))
      .groupBy(scores.entryId),
  ]);
  const a = new Map(assigned.map((r) => [r.entryId, r.n]));
  const s = new Map(submitted.map((r) => [r.entryId, r.n]));
  return missingSheetCount(inRound.map(({ id }) => sheetCount(s.get(id) ?? 0, a.get(id) ?? 0, round.jurorsPerEntry)));
}

/**
 * Opens or closes a round. Closing while sheets are missing needs the secretariat's reason
 * (409 sheetsMissing without one); the reason and the count go into the audit log.
 */
export async function moveRound(db: Db, actor: Caller, id: string, to: RoundStatus, reason = ""): Promise<Round> {
  return db.transaction(async (tx) => {
    const before = await getRound(tx, id, true);
    if (!canMoveRound(before.status, to)) throw new AppError(409, "roundTransition", { from: before.status, to });
    const missing = to === "closed" ? await missingSheets(tx, before) : 0;
    if (missing > 0 && !reason) throw new AppError(409, "sheetsMissing", { n: missing }, { reason: { key: "closeReasonRequired" } });
    const [after] = await tx.update(rounds).set({ status: to, updatedAt: new Date() }).where(eq(rounds.id, id)).returning();
    await enqueueRoundReindex(tx, id);
    await recordAudit(tx, { actorId: actor.id, action: `round.${to}`, entity: "round", entityId: id, before, after: missing > 0 ? { ...after!, closeReason: reason, missingSheets: missing } : after });
    return after!;
  });
}

/** Who judges a round, and on which panels (categories; none = all). Only jurors qualify. */
export async function setRoundJurors(db: Db, actor: Caller, roundId: string, list: { jurorId: string; panels: CategoryCode[] }[]): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    if (round.status === "closed") throw new AppError(409, "roundClosed");
    const ids = list.map((j) => j.jurorId);
    const found = ids.length ? await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, ids)) : [];
    const jurors = new Set(found.filter((u) => u.role === "juror").map((u) => u.id));
    const issues = Object.fromEntries(list.flatMap((j, i) => (jurors.has(j.jurorId) ? [] : [[`jurors.${i}.jurorId`, { key: "notAJuror" }]])));
    if (Object.keys(issues).length) throw invalid(issues);
    const before = await tx.select().from(roundJurors).where(eq(roundJurors.roundId, roundId));
    await tx.delete(roundJurors).where(eq(roundJurors.roundId, roundId));
    if (list.length) await tx.insert(roundJurors).values(list.map((j) => ({ roundId, ...j })));
    await recordAudit(tx, { actorId: actor.id, action: "round.jurors", entity: "round", entityId: roundId, before, after: list });
  });
}

/**
 * Fixes the entries a round judges from its scope: every eligible submitted entry (those that
 * could win a prize, lib/contest/prizes.ts), or the shortlist of the round before it (top N /
 * X% per category, ties at the cut included). `only`: take in none but these (assigning a few entries).
 */
export async function applyScope(tx: Db, round: Round, only?: ReadonlySet<string>): Promise<string[]> {
  let ids: string[];
  if (round.scope.kind === "eligible") {
    const rows = await tx
      .select({ id: entries.id })
      .from(entries)
      .where(and(eq(entries.contestId, round.contestId), prizeEligibleWhere(entries)));
    ids = rows.map((r) => r.id);
  } else {
    const [previous] = await tx.select().from(rounds).where(and(eq(rounds.contestId, round.contestId), eq(rounds.position, round.position - 1)));
    if (!previous) throw invalid({ scope: { key: "shortlistNeedsPreviousRound" } });
    const results = await roundResults(tx, previous);
    ids = shortlist(results, "top" in round.scope ? { top: round.scope.top } : { percent: round.scope.percent });
  }
  const current = await tx.select({ id: roundEntries.entryId }).from(roundEntries).where(eq(roundEntries.roundId, round.id));
  const have = new Set(current.map((r) => r.id));
  const missing = ids.filter((id) => !have.has(id) && (!only || only.has(id)));
  if (missing.length) await tx.insert(roundEntries).values(missing.map((entryId) => ({ roundId: round.id, entryId })));
  return ids;
}

/** A round's ranking from its submitted sheets (the pure functions in lib/contest/ranking.ts). */
export async function roundResults(db: Db, round: Round) {
  const [inRound, sheets] = await Promise.all([
    db.select({ id: entries.id, category: entries.category }).from(roundEntries).innerJoin(entries, eq(entries.id, roundEntries.entryId)).where(eq(roundEntries.roundId, round.id)),
    db
      .select({ entryId: scores.entryId, jurorId: scores.jurorId, values: scores.values })
      .from(scores)
      .where(and(eq(scores.roundId, round.id), eq(scores.status, "submitted"), isNotNull(scores.submittedAt))),
  ]);
  return rankEntries(inRound, sheets, round.rubric, round.disagreementThreshold);
}

/**
 * The secretariat rewrites what each level of some criteria means (both languages). Only the
 * descriptions and their bands change, never a criterion's points or weight, so sheets already
 * scored stay valid; a closed round keeps the rubric it was judged on.
 */
export async function setRubricLevels(db: Db, actor: Caller, roundId: string, input: LevelsInput): Promise<Round> {
  return db.transaction(async (tx) => {
    const before = await getRound(tx, roundId, true);
    if (before.status === "closed") throw new AppError(409, "roundClosed");
    const issues: Record<string, FieldIssue> = {};
    input.criteria.forEach((c, i) => {
      const criterion = before.rubric.find((r) => r.key === c.key);
      if (!criterion) issues[`criteria.${i}.key`] = { key: "unknownField" };
      else for (const [field, issue] of Object.entries(levelIssues(criterion, c.levels))) issues[`criteria.${i}.${field}`] = issue;
    });
    if (new Set(input.criteria.map((c) => c.key)).size !== input.criteria.length) issues.criteria = { key: "repeated" };
    if (Object.keys(issues).length) throw invalid(issues);
    const changed = new Map(input.criteria.map((c) => [c.key, [...c.levels].sort((a, b) => b.min - a.min)]));
    const rubric = before.rubric.map((c) => (changed.has(c.key) ? { ...c, levels: changed.get(c.key)! } : c));
    const [after] = await tx.update(rounds).set({ rubric, updatedAt: new Date() }).where(eq(rounds.id, roundId)).returning();
    await recordAudit(tx, { actorId: actor.id, action: "round.levels", entity: "round", entityId: roundId, before: { rubric: before.rubric }, after: { rubric } });
    return after!;
  });
}

/**
 * GET /api/admin/rounds/{id}/ranking and the round's page: every row with its sheets done out of
 * required and `ready`, ready entries ranked among themselves, the others after them unranked;
 * spread, outlying sheets and each juror's tendency (lib/contest/ranking.ts).
 */
export async function roundReview(db: Db, round: Round) {
  const [inRound, sheets, assigned] = await Promise.all([
    db.select({ id: entries.id, category: entries.category }).from(roundEntries).innerJoin(entries, eq(entries.id, roundEntries.entryId)).where(eq(roundEntries.roundId, round.id)),
    db
      .select({ entryId: scores.entryId, jurorId: scores.jurorId, values: scores.values })
      .from(scores)
      .where(and(eq(scores.roundId, round.id), eq(scores.status, "submitted"), isNotNull(scores.submittedAt))),
    db.select({ entryId: assignments.entryId, n: count() }).from(assignments).where(eq(assignments.roundId, round.id)).groupBy(assignments.entryId),
  ]);
  return reviewRanking(inRound, sheets, new Map(assigned.map((r) => [r.entryId, r.n])), { rubric: round.rubric, threshold: round.disagreementThreshold, jurorsPerEntry: round.jurorsPerEntry });
}
export type RoundReview = Awaited<ReturnType<typeof roundReview>>;
