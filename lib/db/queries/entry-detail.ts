import "server-only";
// The secretariat's view of one entry (GET /api/admin/entries/{id} and its page), the bulk
// eligibility decision, and the rounds an entry made eligible after assignment is missing from.
import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, attachments, auditLog, contests, entries, roundEntries, rounds, scores, users, type Round } from "../schema";
import { enqueueSearch, recordAudit } from "./audit";
import { view, type EntryView } from "./entries";
import type { Caller } from "@/lib/auth/session";
import { missingFromRounds, type OpenRoundFacts } from "@/lib/contest/eligibility-review";
import { sheetTotal } from "@/lib/contest/scoring";
import { AppError, invalid, notFound } from "@/lib/errors";

export type DetailFile = { id: string; fileName: string; contentType: string; size: number; cleaned: boolean; removedMetadata: string[] | null; bylineFound: string[] | null };
export type EligibilityEvent = { at: string; actor: string | null; eligibility: "eligible" | "ineligible" | null; reason: string };
export type DetailSheet = { jurorId: string; juror: string; status: "draft" | "submitted" | null; values: Record<string, number>; total: number | null; comment: string; submittedAt: string | null };
export type DetailRound = { id: string; name: Round["name"]; status: Round["status"]; rubric: Round["rubric"]; jurorsPerEntry: number; inRound: boolean; sheets: DetailSheet[] };
export type DetailAudit = { id: number; at: string; actor: string | null; action: string; entity: string; before: unknown; after: unknown };

/** GET /api/admin/entries/{id}: everything the secretariat needs to decide on one entry. */
export type EntryDetail = {
  entry: EntryView;
  contest: { id: string; year: number };
  files: DetailFile[];
  eligibilityHistory: EligibilityEvent[];
  rounds: DetailRound[];
  /** Open or draft rounds over eligible entries whose list was fixed before this entry became eligible. */
  assignNow: { id: string; name: Round["name"] }[];
  audit: DetailAudit[];
};

/** One submitted or withdrawn entry, never a draft (a draft is its author's private work). */
export async function entryDetail(db: Db, id: string): Promise<EntryDetail> {
  const [row] = await db.select().from(entries).where(and(eq(entries.id, id), ne(entries.status, "draft")));
  if (!row) throw notFound();
  const [entry, [contest], files, contestRounds, inRounds, sheets, scoreIds] = await Promise.all([
    view(db, row),
    db.select({ id: contests.id, year: contests.year }).from(contests).where(eq(contests.id, row.contestId)),
    db.select().from(attachments).where(eq(attachments.entryId, id)).orderBy(asc(attachments.createdAt), asc(attachments.id)),
    db.select().from(rounds).where(eq(rounds.contestId, row.contestId)).orderBy(asc(rounds.position)),
    db.select({ roundId: roundEntries.roundId }).from(roundEntries).where(eq(roundEntries.entryId, id)),
    db
      .select({ roundId: assignments.roundId, jurorId: assignments.jurorId, juror: users.name, status: scores.status, values: scores.values, comment: scores.comment, submittedAt: scores.submittedAt })
      .from(assignments)
      .innerJoin(users, eq(users.id, assignments.jurorId))
      .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
      .where(eq(assignments.entryId, id)),
    db.select({ id: scores.id }).from(scores).where(eq(scores.entryId, id)),
  ]);
  const trail = await db
    .select({ row: auditLog, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(or(and(eq(auditLog.entity, "entry"), eq(auditLog.entityId, id)), scoreIds.length ? and(eq(auditLog.entity, "score"), inArray(auditLog.entityId, scoreIds.map((s) => s.id))) : sql`false`))
    .orderBy(desc(auditLog.id))
    .limit(200);
  const fixed = new Set(inRounds.map((r) => r.roundId));
  const counts = contestRounds.length
    ? await db
        .select({ roundId: roundEntries.roundId, n: sql<number>`count(*)::int` })
        .from(roundEntries)
        .where(inArray(roundEntries.roundId, contestRounds.map((r) => r.id)))
        .groupBy(roundEntries.roundId)
    : [];
  const facts: OpenRoundFacts[] = contestRounds.map((r) => ({ id: r.id, status: r.status, scope: r.scope, fixedEntries: counts.find((c) => c.roundId === r.id)?.n ?? 0 }));
  const missing = new Set(missingFromRounds({ status: row.status, eligibility: row.eligibility }, facts, fixed));
  const collator = new Intl.Collator("vi");
  return {
    entry,
    contest: contest!,
    files: files.map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, cleaned: f.cleanSha256 !== null, removedMetadata: f.removedMetadata, bylineFound: f.bylineFound })),
    eligibilityHistory: trail
      .filter((t) => t.row.entity === "entry" && t.row.action === "entry.eligibility")
      .map((t) => {
        const after = (t.row.after ?? {}) as { eligibility?: "eligible" | "ineligible" | null; eligibilityReason?: string };
        return { at: t.row.createdAt.toISOString(), actor: t.actor, eligibility: after.eligibility ?? null, reason: after.eligibilityReason ?? "" };
      }),
    rounds: contestRounds
      .filter((r) => fixed.has(r.id) || sheets.some((s) => s.roundId === r.id))
      .map((r) => ({
        id: r.id,
        name: r.name,
        status: r.status,
        rubric: r.rubric,
        jurorsPerEntry: r.jurorsPerEntry,
        inRound: fixed.has(r.id),
        sheets: sheets
          .filter((s) => s.roundId === r.id)
          .sort((a, b) => collator.compare(a.juror, b.juror))
          .map((s) => ({
            jurorId: s.jurorId,
            juror: s.juror,
            status: s.status,
            values: s.values ?? {},
            total: s.status ? sheetTotal(r.rubric, s.values ?? {}) : null,
            comment: s.comment ?? "",
            submittedAt: s.submittedAt?.toISOString() ?? null,
          })),
      })),
    assignNow: contestRounds.filter((r) => missing.has(r.id)).map((r) => ({ id: r.id, name: r.name })),
    audit: trail.map((t) => ({ id: t.row.id, at: t.row.createdAt.toISOString(), actor: t.actor, action: t.row.action, entity: t.row.entity, before: t.row.before, after: t.row.after })),
  };
}

/**
 * POST /api/admin/entries/eligibility: one decision and one reason for several entries, all or
 * none. Every entry must be submitted (not a draft, not withdrawn); each gets its own audit row.
 */
export async function decideEligibilityInBulk(db: Db, actor: Caller, ids: string[], eligible: boolean, reason: string): Promise<{ decided: { id: string; code: string | null; eligibility: "eligible" | "ineligible" }[] }> {
  if (!eligible && !reason) throw invalid({ reason: { key: "required" } });
  const decision = eligible ? "eligible" : "ineligible";
  return db.transaction(async (tx) => {
    const unique = [...new Set(ids)];
    // Locked in id order, so two bulk decisions over overlapping entries cannot deadlock.
    const rows = await tx.select().from(entries).where(inArray(entries.id, unique)).orderBy(asc(entries.id)).for("update");
    const usable = rows.filter((r) => r.status === "submitted");
    if (usable.length !== unique.length) {
      const have = new Map(rows.map((r) => [r.id, r]));
      const refused = unique.filter((id) => have.get(id)?.status !== "submitted").map((id) => have.get(id)?.code ?? id);
      throw new AppError(409, "entriesNotDecidable", { n: refused.length, codes: refused.slice(0, 20).join(", ") });
    }
    const now = new Date();
    const decided: { id: string; code: string | null; eligibility: "eligible" | "ineligible" }[] = [];
    for (const current of usable) {
      const before = await view(tx, current);
      const [row] = await tx.update(entries).set({ eligibility: decision, eligibilityReason: reason, updatedAt: now }).where(eq(entries.id, current.id)).returning();
      await recordAudit(tx, { actorId: actor.id, action: "entry.eligibility", entity: "entry", entityId: current.id, before, after: await view(tx, row!) });
      await enqueueSearch(tx, current.id, "upsert");
      decided.push({ id: current.id, code: current.code, eligibility: decision });
    }
    return { decided };
  });
}

/**
 * For the list: which of these entries are eligible but missing from an open or draft round over
 * eligible entries whose list is already fixed (they were decided after assignment), by round.
 */
export async function roundsMissing(db: Db, contestId: string, ids: string[]): Promise<Map<string, { id: string; name: Round["name"] }[]>> {
  const out = new Map<string, { id: string; name: Round["name"] }[]>();
  if (ids.length === 0) return out;
  const list = await db.select().from(rounds).where(and(eq(rounds.contestId, contestId), ne(rounds.status, "closed")));
  if (list.length === 0) return out;
  const roundIds = list.map((r) => r.id);
  const [counts, members, facts] = await Promise.all([
    db.select({ roundId: roundEntries.roundId, n: sql<number>`count(*)::int` }).from(roundEntries).where(inArray(roundEntries.roundId, roundIds)).groupBy(roundEntries.roundId),
    db.select().from(roundEntries).where(and(inArray(roundEntries.roundId, roundIds), inArray(roundEntries.entryId, ids))),
    db.select({ id: entries.id, status: entries.status, eligibility: entries.eligibility }).from(entries).where(inArray(entries.id, ids)),
  ]);
  const roundFacts: OpenRoundFacts[] = list.map((r) => ({ id: r.id, status: r.status, scope: r.scope, fixedEntries: counts.find((c) => c.roundId === r.id)?.n ?? 0 }));
  for (const e of facts) {
    const inRounds = new Set(members.filter((m) => m.entryId === e.id).map((m) => m.roundId));
    const missing = missingFromRounds(e, roundFacts, inRounds);
    if (missing.length) out.set(e.id, list.filter((r) => missing.includes(r.id)).map((r) => ({ id: r.id, name: r.name })));
  }
  return out;
}

/**
 * The round bulk "assign" and "remind" act on (the latest one not closed) and, for these entries,
 * the jurors of that round whose sheet is not submitted yet.
 */
export async function workingRound(db: Db, contestId: string, ids: string[]): Promise<{ round: Pick<Round, "id" | "name" | "status"> | null; pending: Record<string, string[]> }> {
  const [round] = await db
    .select({ id: rounds.id, name: rounds.name, status: rounds.status })
    .from(rounds)
    .where(and(eq(rounds.contestId, contestId), ne(rounds.status, "closed")))
    .orderBy(desc(rounds.position))
    .limit(1);
  if (!round || ids.length === 0) return { round: round ?? null, pending: {} };
  const rows = await db
    .select({ entryId: assignments.entryId, jurorId: assignments.jurorId, status: scores.status })
    .from(assignments)
    .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
    .where(and(eq(assignments.roundId, round.id), inArray(assignments.entryId, ids)));
  const pending: Record<string, string[]> = {};
  for (const r of rows) if (r.status !== "submitted") (pending[r.entryId] ??= []).push(r.jurorId);
  return { round, pending };
}
