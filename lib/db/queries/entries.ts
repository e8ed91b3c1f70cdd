import "server-only";
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { attachments, contests, entries, entryAuthors, users, type Attachment, type Entry, type EntryAuthor } from "../schema";
import { enqueueSearch, recordAudit } from "./audit";
import { findAccountsByEmail } from "./accounts";
import { getContest, getCurrentContest, type ContestWithCategories } from "./contests";
import type { Caller } from "@/lib/auth/session";
import { entryIssues, formatEntryCode, submissionPhase, type FieldIssue } from "@/lib/contest/rules";
import { coauthorSubmitRefusal, countsTowardLimit, savedStatus, shownStatus } from "@/lib/contest/coauthors";
import type { CoauthorStatus } from "@/lib/contest/vocabulary";
import { countsTowardLimitWhere } from "../conditions";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { AuthorInput, CreateEntryInput, UpdateEntryInput } from "@/lib/validation/entry";

export type AttachmentView = { id: string; fileName: string; sha256: string; size: number; contentType: string; createdAt: string };
export type EntryView = {
  id: string;
  contestId: string;
  code: string | null;
  status: Entry["status"];
  category: Entry["category"];
  title: string;
  summary: string;
  outlet: string;
  publishedAt: string | null;
  url: string;
  length: number | null;
  storyRef: string;
  /** The author agrees that the files may be shown on the winner's public page. */
  publishFiles: boolean;
  /** `status`: a co-author named by e-mail, as the owner sees their consent (lib/contest/coauthors.ts shownStatus). */
  authors: { name: string; penName?: string; email?: string; status?: CoauthorStatus }[];
  parts: Entry["parts"];
  attachments: AttachmentView[];
  eligibility: Entry["eligibility"];
  eligibilityReason: string;
  submittedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export function attachmentView(a: Attachment): AttachmentView {
  return { id: a.id, fileName: a.fileName, sha256: a.sha256, size: a.size, contentType: a.contentType, createdAt: a.createdAt.toISOString() };
}

function toView(entry: Entry, authors: EntryAuthor[], files: Attachment[]): EntryView {
  return {
    id: entry.id,
    contestId: entry.contestId,
    code: entry.code,
    status: entry.status,
    category: entry.category,
    title: entry.title,
    summary: entry.summary,
    outlet: entry.outlet,
    publishedAt: entry.publishedAt,
    url: entry.url,
    length: entry.length,
    storyRef: entry.storyRef,
    publishFiles: entry.publishFiles,
    authors: authors
      .sort((a, b) => a.position - b.position)
      .map((a) => {
        const status = shownStatus(a);
        return { name: a.name, ...(a.penName ? { penName: a.penName } : {}), ...(a.email ? { email: a.email } : {}), ...(status ? { status } : {}) };
      }),
    parts: entry.parts,
    attachments: files.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(attachmentView),
    eligibility: entry.eligibility,
    eligibilityReason: entry.eligibilityReason,
    submittedAt: entry.submittedAt?.toISOString() ?? null,
    withdrawnAt: entry.withdrawnAt?.toISOString() ?? null,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

/** Views of several entries in three queries, whatever their number. */
async function views(db: Db, rows: Entry[]): Promise<EntryView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [authorRows, fileRows] = await Promise.all([
    db.select().from(entryAuthors).where(inArray(entryAuthors.entryId, ids)),
    db.select().from(attachments).where(inArray(attachments.entryId, ids)),
  ]);
  return rows.map((row) => toView(row, authorRows.filter((a) => a.entryId === row.id), fileRows.filter((f) => f.entryId === row.id)));
}

export async function view(db: Db, row: Entry): Promise<EntryView> {
  return (await views(db, [row]))[0]!;
}

export async function listOwnEntries(db: Db, caller: Caller): Promise<EntryView[]> {
  return views(db, await db.select().from(entries).where(eq(entries.ownerId, caller.id)).orderBy(desc(entries.createdAt)));
}

/**
 * The caller's entry, locked for the rest of the transaction when `lock` is set. Everyone
 * else's entries are "not found": a journalist cannot tell them from ids that do not exist.
 */
export async function ownEntry(db: Db, caller: Caller, id: string, lock = false): Promise<Entry> {
  const query = db.select().from(entries).where(and(eq(entries.id, id), eq(entries.ownerId, caller.id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

export async function getOwnEntry(db: Db, caller: Caller, id: string): Promise<EntryView> {
  return view(db, await ownEntry(db, caller, id));
}

/** Entries the secretariat may open: anything submitted, never someone's private draft. */
export async function getEntryForCaller(db: Db, caller: Caller, id: string): Promise<Entry> {
  if (caller.role === "journalist") return ownEntry(db, caller, id);
  if (caller.role !== "secretariat") throw notFound();
  const [row] = await db.select().from(entries).where(and(eq(entries.id, id), ne(entries.status, "draft")));
  if (!row) throw notFound();
  return row;
}

/** Changes are allowed until the deadline, and never to a withdrawn entry. */
export function assertEditable(entry: Entry, contest: ContestWithCategories, now: Date): void {
  if (entry.status === "withdrawn") throw new AppError(409, "withdrawnFinal");
  if (submissionPhase(contest, now) === "closed") throw new AppError(409, "deadlinePassed", { deadline: contest.submissionClosesAt.toISOString() });
}

/** An account newly named as a co-author by a save: it is told by e-mail once the save is committed. */
export type Invitation = { userId: string; email: string; name: string };

/** The accounts a save links that were not linked before (pending, never answered). */
function newInvitations(authors: ResolvedAuthor[], previous: EntryAuthor[]): Invitation[] {
  return authors
    .filter((a) => a.position > 0 && a.userId !== null && a.status === "pending" && !previous.some((p) => p.position > 0 && p.userId === a.userId))
    .map((a) => ({ userId: a.userId!, email: a.email, name: a.name }));
}

type ResolvedAuthor = { position: number; name: string; penName: string; email: string; userId: string | null; status: CoauthorStatus; answeredAt: Date | null };

/**
 * Main author = the owner; co-authors are linked to their accounts by e-mail when they have one,
 * as pending until that account accepts. Whatever the e-mail (a journalist's, a juror's, the
 * secretariat's, nobody's) the answer is the same: the roles the contest excludes are refused
 * when such a co-author would accept and when the entry is submitted, never here.
 */
async function resolveAuthors(db: Db, caller: Caller, input: AuthorInput[] | undefined, previous: EntryAuthor[] = []): Promise<ResolvedAuthor[]> {
  const list = input && input.length > 0 ? input : [{ name: caller.name, penName: caller.penNames[0] }];
  const [main, ...coAuthors] = list;
  const emails = coAuthors.map((a) => a.email ?? "").filter(Boolean);
  const accounts = await findAccountsByEmail(db, emails);
  const byEmail = new Map(accounts.map((a) => [a.email, a]));
  const issues: Record<string, FieldIssue> = {};
  const seen = new Set<string>([caller.email]);
  const resolved: ResolvedAuthor[] = [{ position: 0, name: main!.name || caller.name, penName: main!.penName ?? "", email: caller.email, userId: caller.id, status: "accepted", answeredAt: null }];
  coAuthors.forEach((author, i) => {
    const email = author.email ?? "";
    const account = email ? byEmail.get(email) : undefined;
    if (email && seen.has(email)) issues[`authors.${i + 1}.email`] = { key: "duplicateAuthor" };
    if (email) seen.add(email);
    const userId = account && !account.disabledAt ? account.id : null;
    const before = userId ? previous.find((p) => p.position > 0 && p.userId === userId) : undefined;
    resolved.push({ position: i + 1, name: author.name, penName: author.penName ?? "", email, userId, ...savedStatus(userId, before) });
  });
  if (Object.keys(issues).length) throw invalid(issues);
  return resolved;
}

async function saveAuthors(tx: Db, entryId: string, authors: ResolvedAuthor[]): Promise<void> {
  await tx.delete(entryAuthors).where(eq(entryAuthors.entryId, entryId));
  await tx.insert(entryAuthors).values(authors.map((a) => ({ ...a, entryId })));
}

function checkCategoryShape(contest: ContestWithCategories, category: Entry["category"], parts: Entry["parts"]) {
  const rules = contest.categories.find((c) => c.code === category);
  if (!rules) throw invalid({ category: { key: "invalidValue", params: { options: contest.categories.map((c) => c.code).join(", ") } } });
  // Series length is checked on every save so a draft never holds more parts than can be sent.
  if (parts.length > rules.maxParts) throw invalid({ parts: { key: "tooManyParts", params: { max: rules.maxParts } } });
  return rules;
}

function normaliseParts(parts: NonNullable<UpdateEntryInput["parts"]>): Entry["parts"] {
  return parts.map((p) => ({ title: p.title, publishedAt: p.publishedAt ?? null, url: p.url ?? "" }));
}

export async function createEntry(db: Db, caller: Caller, input: CreateEntryInput, now: Date, invited?: (list: Invitation[]) => void): Promise<EntryView> {
  const contest = await getCurrentContest(db);
  if (submissionPhase(contest, now) === "closed") throw new AppError(409, "deadlinePassed", { deadline: contest.submissionClosesAt.toISOString() });
  const parts = normaliseParts(input.parts ?? []);
  checkCategoryShape(contest, input.category, parts);
  const authors = await resolveAuthors(db, caller, input.authors);
  invited?.(newInvitations(authors, []));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(entries)
      .values({
        contestId: contest.id,
        ownerId: caller.id,
        category: input.category,
        title: input.title ?? "",
        summary: input.summary ?? "",
        outlet: input.outlet ?? caller.outlet,
        publishedAt: input.publishedAt ?? null,
        url: input.url ?? "",
        length: input.length ?? null,
        storyRef: input.storyRef ?? "",
        publishFiles: input.publishFiles ?? false,
        parts,
      })
      .returning();
    await saveAuthors(tx, row!.id, authors);
    const created = await view(tx, row!);
    await recordAudit(tx, { actorId: caller.id, action: "entry.create", entity: "entry", entityId: row!.id, after: created });
    await enqueueSearch(tx, row!.id, "upsert");
    return created;
  });
}

export async function updateEntry(db: Db, caller: Caller, id: string, input: UpdateEntryInput, now: Date, invited?: (list: Invitation[]) => void): Promise<EntryView> {
  return db.transaction(async (tx) => {
    const current = await ownEntry(tx, caller, id, true);
    const contest = await getContest(tx, current.contestId);
    assertEditable(current, contest, now);
    const before = await view(tx, current);
    const parts = input.parts ? normaliseParts(input.parts) : current.parts;
    checkCategoryShape(contest, input.category ?? current.category, parts);
    const { authors: authorInput, ...fields } = input;
    const [row] = await tx
      .update(entries)
      .set({ ...fields, parts, updatedAt: new Date() })
      .where(eq(entries.id, id))
      .returning();
    if (authorInput) {
      const previous = await tx.select().from(entryAuthors).where(eq(entryAuthors.entryId, id));
      const authors = await resolveAuthors(tx, caller, authorInput, previous);
      await saveAuthors(tx, id, authors);
      invited?.(newInvitations(authors, previous));
    }
    // A submitted entry stays complete and within the limits after every edit.
    if (row!.status === "submitted") await assertSubmittable(tx, row!, contest, false);
    const after = await view(tx, row!);
    await recordAudit(tx, { actorId: caller.id, action: "entry.update", entity: "entry", entityId: id, before, after });
    await enqueueSearch(tx, id, "upsert");
    return after;
  });
}

export async function deleteDraft(db: Db, caller: Caller, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await ownEntry(tx, caller, id, true);
    if (current.status !== "draft") throw new AppError(409, "onlyDraftsDeleted");
    assertEditable(current, await getContest(tx, current.contestId), now);
    const before = await view(tx, current);
    await tx.delete(entries).where(eq(entries.id, id));
    await recordAudit(tx, { actorId: caller.id, action: "entry.delete", entity: "entry", entityId: id, before });
    await enqueueSearch(tx, id, "delete");
  });
}

/**
 * Completeness per category, every linked co-author's consent (`submitting`), and the entry
 * limit of every account author whose slot counts (the owner, accepted co-authors). An edit of a
 * submitted entry skips the consent check: a co-author named then stays pending, which takes no
 * slot, and the same answer for every e-mail (resolveAuthors) holds for edits too.
 */
async function assertSubmittable(tx: Db, entry: Entry, contest: ContestWithCategories, submitting: boolean): Promise<void> {
  const category = contest.categories.find((c) => c.code === entry.category)!;
  const [authorRows, fileRows] = await Promise.all([
    tx.select().from(entryAuthors).where(eq(entryAuthors.entryId, entry.id)),
    tx.select({ contentType: attachments.contentType }).from(attachments).where(eq(attachments.entryId, entry.id)),
  ]);
  const issues = entryIssues({ ...entry, authors: authorRows, attachmentTypes: fileRows.map((f) => f.contentType) }, category, contest);
  if (Object.keys(issues).length) throw new AppError(422, "incomplete", {}, issues);

  if (submitting) {
    const linkedIds = authorRows.filter((a) => a.position > 0 && a.userId !== null).map((a) => a.userId!);
    const roles = new Map((linkedIds.length ? await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, linkedIds)) : []).map((u) => [u.id, u.role]));
    const refusal = coauthorSubmitRefusal(
      authorRows.map((a) => ({ ...a, role: a.userId ? (roles.get(a.userId) ?? null) : null })),
      contest.excludedRoles,
    );
    if (refusal) throw new AppError(409, refusal.code, refusal.params);
  }
  const counted = authorRows.filter(countsTowardLimit);
  const accountIds = [...new Set(counted.map((a) => a.userId).filter((v): v is string => v !== null))].sort();
  // Lock the authors' accounts so two entries sharing an author cannot both take the last slot.
  const accounts = await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, accountIds)).orderBy(asc(users.id)).for("update");
  const excluded = accounts.find((a) => contest.excludedRoles.includes(a.role));
  if (excluded) {
    const author = counted.find((a) => a.userId === excluded.id)!;
    throw new AppError(409, "coauthorExcluded", { n: author.position, name: author.name });
  }
  const counts = await tx
    .select({ userId: entryAuthors.userId, n: count(sql`distinct ${entries.id}`) })
    .from(entryAuthors)
    .innerJoin(entries, eq(entries.id, entryAuthors.entryId))
    .where(and(inArray(entryAuthors.userId, accountIds), countsTowardLimitWhere(entryAuthors), eq(entries.contestId, contest.id), eq(entries.status, "submitted"), ne(entries.id, entry.id)))
    .groupBy(entryAuthors.userId);
  const full = counts.find((c) => c.n >= contest.entryLimitPerAuthor);
  if (full) {
    const author = counted.find((a) => a.userId === full.userId)!;
    throw new AppError(409, "entryLimit", { name: author.name, limit: contest.entryLimitPerAuthor });
  }
}

export async function submitEntry(db: Db, caller: Caller, id: string, now: Date): Promise<EntryView> {
  return db.transaction(async (tx) => {
    const current = await ownEntry(tx, caller, id, true);
    if (current.status === "submitted") throw new AppError(409, "alreadySubmitted", { code: current.code ?? "" });
    if (current.status === "withdrawn") throw new AppError(409, "withdrawnFinal");
    const contest = await getContest(tx, current.contestId);
    const phase = submissionPhase(contest, now);
    if (phase === "before") throw new AppError(409, "notOpenYet", { opens: contest.submissionOpensAt.toISOString() });
    if (phase === "closed") throw new AppError(409, "deadlinePassed", { deadline: contest.submissionClosesAt.toISOString() });
    await assertSubmittable(tx, current, contest, true);
    const before = await view(tx, current);
    // The contest row is the counter: its lock makes concurrent submits take numbers in turn.
    const [seq] = await tx
      .update(contests)
      .set({ entrySeq: sql`${contests.entrySeq} + 1` })
      .where(eq(contests.id, contest.id))
      .returning({ n: contests.entrySeq });
    const [row] = await tx
      .update(entries)
      .set({ status: "submitted", code: formatEntryCode(contest.codePrefix, contest.year, seq!.n), submittedAt: now, updatedAt: now })
      .where(eq(entries.id, id))
      .returning();
    const after = await view(tx, row!);
    await recordAudit(tx, { actorId: caller.id, action: "entry.submit", entity: "entry", entityId: id, before, after });
    await enqueueSearch(tx, id, "upsert");
    return after;
  });
}

export async function withdrawEntry(db: Db, caller: Caller, id: string, now: Date): Promise<EntryView> {
  return db.transaction(async (tx) => {
    const current = await ownEntry(tx, caller, id, true);
    if (current.status === "draft") throw new AppError(409, "notSubmitted");
    if (current.status === "withdrawn") throw new AppError(409, "withdrawnFinal");
    assertEditable(current, await getContest(tx, current.contestId), now);
    const before = await view(tx, current);
    const [row] = await tx.update(entries).set({ status: "withdrawn", withdrawnAt: now, updatedAt: now }).where(eq(entries.id, id)).returning();
    const after = await view(tx, row!);
    await recordAudit(tx, { actorId: caller.id, action: "entry.withdraw", entity: "entry", entityId: id, before, after });
    await enqueueSearch(tx, id, "upsert");
    return after;
  });
}

/** The secretariat's eligibility decision on a submitted entry. */
export async function decideEligibility(db: Db, actor: Caller, id: string, decision: "eligible" | "ineligible", reason: string): Promise<EntryView> {
  if (actor.role !== "secretariat") throw new AppError(403, "forbidden");
  if (decision === "ineligible" && !reason) throw invalid({ reason: { key: "required" } });
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(entries).where(and(eq(entries.id, id), eq(entries.status, "submitted"))).for("update");
    if (!current) throw notFound();
    const before = await view(tx, current);
    const [row] = await tx.update(entries).set({ eligibility: decision, eligibilityReason: reason, updatedAt: new Date() }).where(eq(entries.id, id)).returning();
    const after = await view(tx, row!);
    await recordAudit(tx, { actorId: actor.id, action: "entry.eligibility", entity: "entry", entityId: id, before, after });
    await enqueueSearch(tx, id, "upsert");
    return after;
  });
}
