import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, attachments, entries, entryAuthors, roundEntries, rounds, scores, type Round, type Score } from "../schema";
import { recordAudit } from "./audit";
import { jurorAssignment } from "./assignments";
import type { Caller } from "@/lib/auth/session";
import { jurorEntryView, scoreEditable, type JurorEntryView } from "@/lib/contest/jury";
import { scoreIssues, sheetTotal, type Criterion } from "@/lib/contest/scoring";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { ScoreInput } from "@/lib/validation/jury";

// updatedAt is the sheet's version: the form compares it with a copy kept on the juror's device.
export type JurorScore = { values: Score["values"]; comment: string; status: Score["status"]; total: number; submittedAt: string | null; updatedAt: string | null; editable: boolean };

/** A sheet as its own juror sees it (never anyone else's). */
function jurorScore(score: Score | null, round: typeof rounds.$inferSelect, now: Date): JurorScore {
  return {
    values: score?.values ?? {},
    comment: score?.comment ?? "",
    status: score?.status ?? "draft",
    total: score ? sheetTotal(round.rubric, score.values) : 0,
    submittedAt: score?.submittedAt?.toISOString() ?? null,
    updatedAt: score?.updatedAt.toISOString() ?? null,
    editable: scoreEditable(round, score, now),
  };
}

export type JurorAssignmentItem = { entry: { id: string; code: string | null; category: JurorEntryView["category"]; title: string; outlet?: string }; score: JurorScore };
export type JurorRound = { id: string; name: Round["name"]; status: Round["status"]; blind: boolean; closesAt: string | null; rubric: Criterion[]; total: number; submitted: number; remaining: number; items: JurorAssignmentItem[] };

/** GET /api/jury/assignments: the caller's entries in rounds that are open or closed, with what is left to do. */
export async function listJurorAssignments(db: Db, caller: Caller, now: Date): Promise<{ rounds: JurorRound[] }> {
  const rows = await db
    .select({ round: rounds, entry: entries, score: scores })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
    .where(and(eq(assignments.jurorId, caller.id), ne(rounds.status, "draft")))
    .orderBy(asc(rounds.position), asc(entries.code));
  const byRound = new Map<string, Omit<JurorRound, "remaining">>();
  for (const { round, entry, score } of rows) {
    const group = byRound.get(round.id) ?? { id: round.id, name: round.name, status: round.status, blind: round.blind, closesAt: round.closesAt?.toISOString() ?? null, rubric: round.rubric, total: 0, submitted: 0, items: [] };
    byRound.set(round.id, group);
    group.total++;
    if (score?.status === "submitted") group.submitted++;
    // The list shows only what the blind projection shows; files are fetched on the entry's page.
    const view = jurorEntryView(entry, [], [], round);
    group.items.push({ entry: { id: view.id, code: view.code, category: view.category, title: view.title, ...(view.identity ? { outlet: view.identity.outlet } : {}) }, score: jurorScore(score, round, now) });
  }
  return { rounds: [...byRound.values()].map((r) => ({ ...r, remaining: r.total - r.submitted })) };
}

/** GET /api/jury/entries/{id}: the entry through the blind projection, with the caller's own sheet. */
export async function getJurorEntry(
  db: Db,
  caller: Caller,
  entryId: string,
  now: Date,
): Promise<{ round: { id: string; name: Round["name"]; blind: boolean; closesAt: string | null; rubric: Criterion[] }; entry: JurorEntryView; score: JurorScore }> {
  const { round } = await jurorAssignment(db, caller, entryId);
  const [[entry], authors, files, [score]] = await Promise.all([
    db.select().from(entries).where(eq(entries.id, entryId)),
    db.select().from(entryAuthors).where(eq(entryAuthors.entryId, entryId)),
    db.select().from(attachments).where(eq(attachments.entryId, entryId)),
    db.select().from(scores).where(and(eq(scores.roundId, round.id), eq(scores.entryId, entryId), eq(scores.jurorId, caller.id))),
  ]);
  if (!entry) throw notFound();
  return { round: { id: round.id, name: round.name, blind: round.blind, closesAt: round.closesAt?.toISOString() ?? null, rubric: round.rubric }, entry: jurorEntryView(entry, authors, files, round), score: jurorScore(score ?? null, round, now) };
}

/** The attachment of an assigned entry, for the juror's download route (checks the assignment). */
export async function getJurorAttachment(db: Db, caller: Caller, entryId: string, attachmentId: string) {
  await jurorAssignment(db, caller, entryId);
  const files = await db.select().from(attachments).where(eq(attachments.entryId, entryId)).orderBy(asc(attachments.createdAt), asc(attachments.id));
  const position = files.findIndex((f) => f.id === attachmentId);
  if (position < 0) throw notFound();
  // Its number as the jury room lists the entry's files ("File 2"), in the same order.
  return { file: files[position]!, number: position + 1 };
}

/**
 * PUT /api/jury/scores/{entryId}: saves the caller's draft (partial values allowed) or submits
 * it (every criterion required), then it is locked. Closed rounds and submitted sheets refuse.
 */
export async function saveScore(db: Db, caller: Caller, entryId: string, input: ScoreInput, now: Date): Promise<JurorScore> {
  return input.submit ? submitScore(db, caller, entryId, input, now) : saveDraft(db, caller, entryId, input, now);
}

/**
 * Autosave runs every few seconds per juror, so a draft is two statements and no transaction: the
 * assignment (with its round), then one upsert that only touches a sheet still in draft — a
 * sheet submitted meanwhile comes back empty and is refused, as the row lock of a transaction
 * would have refused it.
 */
async function saveDraft(db: Db, caller: Caller, entryId: string, input: ScoreInput, now: Date): Promise<JurorScore> {
  const { round } = await jurorAssignment(db, caller, entryId);
  if (!scoreEditable(round, null, now)) throw new AppError(409, "roundNotOpen");
  const issues = scoreIssues(round.rubric, input.values, false);
  if (Object.keys(issues).length) throw invalid(issues);
  const [row] = await db
    .insert(scores)
    .values({ roundId: round.id, entryId, jurorId: caller.id, values: input.values, comment: input.comment ?? "", status: "draft", submittedAt: null, updatedAt: now })
    .onConflictDoUpdate({
      target: [scores.roundId, scores.entryId, scores.jurorId],
      // A draft without a comment keeps the one already saved.
      set: { values: input.values, ...(input.comment === undefined ? {} : { comment: input.comment }), updatedAt: now },
      setWhere: eq(scores.status, "draft"),
    })
    .returning();
  if (!row) throw new AppError(409, "scoreLocked");
  return jurorScore(row, round, now);
}

/** Submitting is rare and audited: the sheet is locked, checked, changed and audited in one transaction. */
async function submitScore(db: Db, caller: Caller, entryId: string, input: ScoreInput, now: Date): Promise<JurorScore> {
  return db.transaction(async (tx) => {
    const { round } = await jurorAssignment(tx, caller, entryId);
    const [current] = await tx.select().from(scores).where(and(eq(scores.roundId, round.id), eq(scores.entryId, entryId), eq(scores.jurorId, caller.id))).for("update");
    if (!scoreEditable(round, current ?? null, now)) throw new AppError(409, current?.status === "submitted" ? "scoreLocked" : "roundNotOpen");
    const issues = scoreIssues(round.rubric, input.values, true);
    if (Object.keys(issues).length) throw invalid(issues);
    const change = { values: input.values, comment: input.comment ?? current?.comment ?? "", status: "submitted" as const, submittedAt: now, updatedAt: now };
    const [row] = current
      ? await tx.update(scores).set(change).where(eq(scores.id, current.id)).returning()
      : await tx.insert(scores).values({ roundId: round.id, entryId, jurorId: caller.id, ...change }).returning();
    await recordAudit(tx, { actorId: caller.id, action: "score.submit", entity: "score", entityId: row!.id, before: current ?? null, after: row });
    return jurorScore(row!, round, now);
  });
}

/** The secretariat unlocks one submitted sheet, with a reason, so its juror can change it. */
export async function reopenScore(db: Db, actor: Caller, scoreId: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(scores).where(eq(scores.id, scoreId)).for("update");
    if (!current) throw notFound();
    const [round] = await tx.select({ status: rounds.status }).from(rounds).where(eq(rounds.id, current.roundId));
    if (round?.status === "closed") throw new AppError(409, "roundClosed");
    if (current.status !== "submitted") throw new AppError(409, "scoreNotSubmitted");
    const [after] = await tx.update(scores).set({ status: "draft", submittedAt: null, updatedAt: new Date() }).where(eq(scores.id, scoreId)).returning();
    await recordAudit(tx, { actorId: actor.id, action: "score.reopen", entity: "score", entityId: scoreId, before: current, after: { ...after, reason } });
  });
}

/** Progress of a round per juror and per entry: assigned, drafts, submitted. */
/**
 * Sheets assigned, in draft and submitted, per juror and per entry. Every entry of the round is
 * listed, with the jurors it needs: one left short (a declared conflict, a juror removed) shows
 * `short: true` with nothing assigned as readily as with one juror missing.
 */
export async function roundProgress(db: Db, round: Round) {
  const [rows, inRound] = await Promise.all([
    db
      .select({ entryId: assignments.entryId, jurorId: assignments.jurorId, status: scores.status })
      .from(assignments)
      .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
      .where(eq(assignments.roundId, round.id)),
    db.select({ entryId: roundEntries.entryId }).from(roundEntries).where(eq(roundEntries.roundId, round.id)),
  ]);
  const tally = (key: "entryId" | "jurorId", ids: string[] = []) => {
    const map = new Map(ids.map((id) => [id, { assigned: 0, drafts: 0, submitted: 0 }]));
    for (const r of rows) {
      const t = map.get(r[key]) ?? { assigned: 0, drafts: 0, submitted: 0 };
      t.assigned++;
      if (r.status === "submitted") t.submitted++;
      else if (r.status === "draft") t.drafts++;
      map.set(r[key], t);
    }
    return [...map].map(([id, t]) => ({ id, ...t }));
  };
  const entries = tally("entryId", inRound.map((r) => r.entryId)).map((e) => ({ ...e, required: round.jurorsPerEntry, short: e.assigned < round.jurorsPerEntry }));
  return { jurors: tally("jurorId"), entries };
}
