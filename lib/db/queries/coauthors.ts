import "server-only";
import { and, count, desc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { entries, entryAuthors, users, type Entry } from "../schema";
import { countsTowardLimitWhere } from "../conditions";
import { recordAudit } from "./audit";
import { getContest } from "./contests";
import type { Caller } from "@/lib/auth/session";
import { answerOutcome, type CoauthorAnswer } from "@/lib/contest/coauthors";
import { submissionPhase } from "@/lib/contest/rules";
import type { CoauthorStatus } from "@/lib/contest/vocabulary";
import { AppError, notFound } from "@/lib/errors";

/** An entry the caller was named on as a co-author, as they see it: enough to decide, nothing private of the owner. */
export type CoauthorshipView = {
  entryId: string;
  title: string;
  category: Entry["category"];
  entryStatus: Entry["status"];
  code: string | null;
  /** The main author's name as the owner wrote it. */
  mainAuthor: string;
  /** The caller's place in the author list (1 = first co-author). */
  position: number;
  status: CoauthorStatus;
  answeredAt: string | null;
  /** Whether an answer may still be given (or changed): before the deadline, on an entry not withdrawn. */
  answerable: boolean;
};

/** The caller's co-authorships (by account link), newest entries first, with one query for the main authors. */
export async function listCoauthorships(db: Db, caller: Caller, now = new Date()): Promise<CoauthorshipView[]> {
  const rows = await db
    .select({ entry: entries, position: entryAuthors.position, status: entryAuthors.status, answeredAt: entryAuthors.answeredAt })
    .from(entryAuthors)
    .innerJoin(entries, eq(entries.id, entryAuthors.entryId))
    .where(and(eq(entryAuthors.userId, caller.id), gt(entryAuthors.position, 0), ne(entries.ownerId, caller.id)))
    .orderBy(desc(entries.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.entry.id);
  const mains = await db.select({ entryId: entryAuthors.entryId, name: entryAuthors.name }).from(entryAuthors).where(and(inArray(entryAuthors.entryId, ids), eq(entryAuthors.position, 0)));
  const contests = new Map<string, Awaited<ReturnType<typeof getContest>>>();
  for (const id of new Set(rows.map((r) => r.entry.contestId))) contests.set(id, await getContest(db, id));
  return rows.map((r) => {
    const phase = submissionPhase(contests.get(r.entry.contestId)!, now);
    return {
      entryId: r.entry.id,
      title: r.entry.title,
      category: r.entry.category,
      entryStatus: r.entry.status,
      code: r.entry.code,
      mainAuthor: mains.find((m) => m.entryId === r.entry.id)?.name ?? "",
      position: r.position,
      status: r.status,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      answerable: r.entry.status !== "withdrawn" && phase !== "closed",
    };
  });
}

/**
 * The linked co-author's answer (POST /api/entries/{id}/coauthorship). Anyone who is not linked
 * to that entry as a co-author gets "not found", exactly like an id that does not exist.
 * Repeating an answer changes nothing and is not audited again. Accepting a submitted entry
 * takes a slot at once, so the co-author's limit is checked under a lock on their account (the
 * same lock submissions take).
 */
export async function answerCoauthorship(db: Db, caller: Caller, entryId: string, answer: CoauthorAnswer, now: Date): Promise<CoauthorshipView> {
  await db.transaction(async (tx) => {
    const [entry] = await tx.select().from(entries).where(eq(entries.id, entryId)).for("update");
    if (!entry || entry.ownerId === caller.id) throw notFound();
    const [link] = await tx
      .select()
      .from(entryAuthors)
      .where(and(eq(entryAuthors.entryId, entryId), eq(entryAuthors.userId, caller.id), gt(entryAuthors.position, 0)))
      .for("update");
    if (!link) throw notFound();
    const contest = await getContest(tx, entry.contestId);
    const outcome = answerOutcome({ answer, current: link.status, role: caller.role, excludedRoles: contest.excludedRoles, entryStatus: entry.status, phase: submissionPhase(contest, now) });
    if ("refusal" in outcome) {
      const params: Record<string, string> = outcome.refusal.code === "deadlinePassed" ? { deadline: contest.submissionClosesAt.toISOString() } : {};
      throw new AppError(409, outcome.refusal.code, params);
    }
    if (!outcome.changed) return;
    if (outcome.status === "accepted" && entry.status === "submitted") {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, caller.id)).for("update");
      const [held] = await tx
        .select({ n: count(sql`distinct ${entries.id}`) })
        .from(entryAuthors)
        .innerJoin(entries, eq(entries.id, entryAuthors.entryId))
        .where(and(eq(entryAuthors.userId, caller.id), countsTowardLimitWhere(entryAuthors), eq(entries.contestId, contest.id), eq(entries.status, "submitted"), ne(entries.id, entry.id)));
      if ((held?.n ?? 0) >= contest.entryLimitPerAuthor) throw new AppError(409, "entryLimit", { name: link.name, limit: contest.entryLimitPerAuthor });
    }
    await tx.update(entryAuthors).set({ status: outcome.status, answeredAt: now }).where(eq(entryAuthors.id, link.id));
    await recordAudit(tx, {
      actorId: caller.id,
      action: `entry.coauthorship.${answer}`,
      entity: "entry",
      entityId: entry.id,
      before: { position: link.position, status: link.status },
      after: { position: link.position, status: outcome.status },
    });
  });
  const view = (await listCoauthorships(db, caller, now)).find((c) => c.entryId === entryId);
  if (!view) throw notFound();
  return view;
}
