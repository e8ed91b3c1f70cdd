import "server-only";
// Reads the secretariat's pages need beside what the API's query functions return: counts for
// the overview, the review table with an eligibility filter, and a round's people and sheets
// with names and codes (the API's progress and ranking carry ids only).
import { and, asc, count, desc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, attachments, entries, entryAuthors, roundEntries, roundJurors, rounds, scores, users, type CategoryCode, type EntryStatus, type Round } from "../schema";

export type EntryCounts = { submitted: number; withdrawn: number; eligible: number; ineligible: number; undecided: number };

/** Submitted and withdrawn entries of a contest, and how the submitted ones stand on eligibility. */
export async function entryCounts(db: Db, contestId: string): Promise<EntryCounts> {
  const rows = await db
    .select({ status: entries.status, eligibility: entries.eligibility, n: count() })
    .from(entries)
    .where(and(eq(entries.contestId, contestId), ne(entries.status, "draft")))
    .groupBy(entries.status, entries.eligibility);
  const out: EntryCounts = { submitted: 0, withdrawn: 0, eligible: 0, ineligible: 0, undecided: 0 };
  for (const r of rows) {
    if (r.status === "withdrawn") out.withdrawn += r.n;
    if (r.status !== "submitted") continue;
    out.submitted += r.n;
    if (r.eligibility === "eligible") out.eligible += r.n;
    else if (r.eligibility === "ineligible") out.ineligible += r.n;
    else out.undecided += r.n;
  }
  return out;
}

export type RoundSummary = Round & { entries: number; assigned: number; drafts: number; submitted: number };

/** The contest's rounds in order, each with its entries and sheets counted. */
export async function roundSummaries(db: Db, contestId: string): Promise<RoundSummary[]> {
  const list = await db.select().from(rounds).where(eq(rounds.contestId, contestId)).orderBy(asc(rounds.position));
  if (list.length === 0) return [];
  const ids = list.map((r) => r.id);
  const [inRound, sheets] = await Promise.all([
    db.select({ roundId: roundEntries.roundId, n: count() }).from(roundEntries).where(inArray(roundEntries.roundId, ids)).groupBy(roundEntries.roundId),
    db
      .select({ roundId: assignments.roundId, status: scores.status, n: count() })
      .from(assignments)
      .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
      .where(inArray(assignments.roundId, ids))
      .groupBy(assignments.roundId, scores.status),
  ]);
  return list.map((round) => {
    const mine = sheets.filter((s) => s.roundId === round.id);
    return {
      ...round,
      entries: inRound.find((r) => r.roundId === round.id)?.n ?? 0,
      assigned: mine.reduce((sum, s) => sum + s.n, 0),
      drafts: mine.filter((s) => s.status === "draft").reduce((sum, s) => sum + s.n, 0),
      submitted: mine.filter((s) => s.status === "submitted").reduce((sum, s) => sum + s.n, 0),
    };
  });
}

export const REVIEW_PAGE_SIZE = 20;
export const REVIEW_SORTS = ["newest", "oldest", "code", "title"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export type ReviewFilter = { q: string; status?: "submitted" | "withdrawn"; category?: CategoryCode; eligibility?: "eligible" | "ineligible" | "pending"; sort?: ReviewSort; page: number };
export type ReviewRow = {
  id: string;
  code: string | null;
  title: string;
  category: CategoryCode;
  status: EntryStatus;
  eligibility: "eligible" | "ineligible" | null;
  eligibilityReason: string;
  outlet: string;
  authors: string[];
  submittedAt: Date | null;
  files: ReviewFile[];
};

/**
 * A file as the secretariat reviews it: what cleaning took out of the jurors' copy, and any
 * author's name still readable in it (null: not cleaned yet, done on the first juror download).
 */
export type ReviewFile = { id: string; fileName: string; contentType: string; removedMetadata: string[] | null; bylineFound: string[] | null };

// Every order ends on the id, so a page never shares a row with the next one.
function reviewOrder(sort: ReviewSort): SQL[] {
  switch (sort) {
    case "oldest":
      return [asc(entries.submittedAt), asc(entries.id)];
    case "code":
      return [asc(entries.code), asc(entries.id)];
    case "title":
      // Diacritics aside, as a Vietnamese reader looks a title up (the database has no Vietnamese collation everywhere).
      return [sql`unaccent(lower(${entries.title}))`, asc(entries.id)];
    default:
      return [desc(entries.submittedAt), asc(entries.id)];
  }
}

const words = (q: string) => [...new Set(q.match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 20);

/**
 * The review table: the contest's submitted and withdrawn entries, newest first. Read from the
 * database rather than the search index so that a decision shows on the next render and the
 * table can filter on eligibility; every query word must occur (diacritics optional, unaccent).
 */
export async function reviewEntries(db: Db, contestId: string, filter: ReviewFilter): Promise<{ rows: ReviewRow[]; total: number; pageCount: number }> {
  const authorText = sql`coalesce((select string_agg(a.name || ' ' || a.pen_name, ' ') from ${entryAuthors} a where a.entry_id = ${entries.id}), '')`;
  const haystack = sql`coalesce(${entries.code}, '') || ' ' || ${entries.title} || ' ' || ${entries.summary} || ' ' || ${entries.outlet} || ' ' || ${authorText}`;
  // Words hold only letters and digits, so LIKE's wildcards cannot come from the query.
  const conditions: SQL[] = [eq(entries.contestId, contestId), ne(entries.status, "draft"), ...words(filter.q).map((w) => sql`unaccent(lower(${haystack})) like '%' || unaccent(lower(${w})) || '%'`)];
  if (filter.status) conditions.push(eq(entries.status, filter.status));
  if (filter.category) conditions.push(eq(entries.category, filter.category));
  if (filter.eligibility === "pending") conditions.push(isNull(entries.eligibility));
  else if (filter.eligibility) conditions.push(eq(entries.eligibility, filter.eligibility));
  const where = and(...conditions);
  const [page, [total]] = await Promise.all([
    db
      .select()
      .from(entries)
      .where(where)
      .orderBy(...reviewOrder(filter.sort ?? "newest"))
      .limit(REVIEW_PAGE_SIZE)
      .offset((filter.page - 1) * REVIEW_PAGE_SIZE),
    db.select({ n: count() }).from(entries).where(where),
  ]);
  const authors = page.length
    ? await db.select({ entryId: entryAuthors.entryId, name: entryAuthors.name }).from(entryAuthors).where(inArray(entryAuthors.entryId, page.map((e) => e.id))).orderBy(asc(entryAuthors.position))
    : [];
  const files = page.length
    ? await db
        .select({ entryId: attachments.entryId, id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, removedMetadata: attachments.removedMetadata, bylineFound: attachments.bylineFound })
        .from(attachments)
        .where(inArray(attachments.entryId, page.map((e) => e.id)))
        .orderBy(asc(attachments.createdAt), asc(attachments.id))
    : [];
  const n = total?.n ?? 0;
  return {
    rows: page.map((e) => ({
      id: e.id,
      code: e.code,
      title: e.title,
      category: e.category,
      status: e.status,
      eligibility: e.eligibility,
      eligibilityReason: e.eligibilityReason,
      outlet: e.outlet,
      authors: authors.filter((a) => a.entryId === e.id).map((a) => a.name),
      submittedAt: e.submittedAt,
      files: files.filter((f) => f.entryId === e.id).map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, removedMetadata: f.removedMetadata, bylineFound: f.bylineFound })),
    })),
    total: n,
    pageCount: Math.max(1, Math.ceil(n / REVIEW_PAGE_SIZE)),
  };
}

export type JurorOption = { id: string; name: string; email: string; outlet: string; disabled: boolean };
export type RoundEntry = { id: string; code: string | null; title: string; category: CategoryCode; status: EntryStatus };
export type RoundSheet = { entryId: string; jurorId: string; scoreId: string | null; status: "draft" | "submitted" | null; submittedAt: Date | null };
/** A round's people and work by name: its jurors and panels, every juror account, its entries, assignments with their sheets. */
export async function roundDetail(db: Db, roundId: string) {
  const [members, jurors, inRound, sheets] = await Promise.all([
    db.select({ jurorId: roundJurors.jurorId, panels: roundJurors.panels }).from(roundJurors).where(eq(roundJurors.roundId, roundId)),
    db.select({ id: users.id, name: users.name, email: users.email, outlet: users.outlet, disabledAt: users.disabledAt }).from(users).where(eq(users.role, "juror")),
    db
      .select({ id: entries.id, code: entries.code, title: entries.title, category: entries.category, status: entries.status })
      .from(roundEntries)
      .innerJoin(entries, eq(entries.id, roundEntries.entryId))
      .where(eq(roundEntries.roundId, roundId))
      .orderBy(asc(entries.code)),
    db
      .select({ entryId: assignments.entryId, jurorId: assignments.jurorId, scoreId: scores.id, status: scores.status, submittedAt: scores.submittedAt })
      .from(assignments)
      .leftJoin(scores, and(eq(scores.roundId, assignments.roundId), eq(scores.entryId, assignments.entryId), eq(scores.jurorId, assignments.jurorId)))
      .where(eq(assignments.roundId, roundId)),
  ]);
  const collator = new Intl.Collator("vi");
  return {
    members: members as { jurorId: string; panels: CategoryCode[] }[],
    jurors: jurors.map((j): JurorOption => ({ id: j.id, name: j.name, email: j.email, outlet: j.outlet, disabled: j.disabledAt !== null })).sort((a, b) => collator.compare(a.name, b.name)),
    entries: inRound as RoundEntry[],
    sheets: sheets as RoundSheet[],
  };
}
export type RoundDetail = Awaited<ReturnType<typeof roundDetail>>;
