// The private entries index: documents are built from the database of record (never from an
// outbox row's payload), by the drainer (lib/search/outbox.ts) for the entries that changed and
// by `npm run reindex` for all of them, on the app's drizzle database or transaction or the one
// scripts/reindex.ts opens.
import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { Db } from "../db/client";
import { assignments, contestCategories, entries, entryAuthors, rounds, searchOutbox, type LocalizedText } from "../db/schema";
import { indexUid, rebuildIndex } from "./indexer";
import { entriesIndex, type IndexDefinition } from "./settings";

/** One entry as Meilisearch stores it. Drafts are never indexed: nobody but their owner may see them. */
export type EntryDocument = {
  id: string;
  contestId: string;
  code: string;
  status: "submitted" | "withdrawn";
  category: string;
  categoryName: string;
  title: string;
  summary: string;
  outlet: string;
  authorNames: string[];
  penNames: string[];
  eligibility: "eligible" | "ineligible" | "pending";
  publishedAt: string | null;
  submittedAt: string | null;
  submittedTimestamp: number;
  /** juror accounts assigned to the entry in an open round */
  jurorIds: string[];
};

/** An entry as the database holds it, with what the document needs from other tables. */
export type EntryRow = {
  id: string;
  contestId: string;
  code: string | null;
  status: string;
  category: string;
  /** the category's name, Vietnamese then English */
  categoryName: string | null;
  title: string;
  summary: string;
  outlet: string;
  eligibility: string | null;
  publishedAt: string | null;
  submittedAt: Date | null;
  authors: { name: string; penName: string }[];
  jurorIds: string[];
};

const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const clean = (text: string) => text.normalize("NFC").replace(PRIVATE_USE, "");

export function toEntryDocument(row: EntryRow): EntryDocument {
  return {
    id: row.id,
    contestId: row.contestId,
    code: row.code ?? "",
    status: row.status === "withdrawn" ? "withdrawn" : "submitted",
    category: row.category,
    categoryName: clean(row.categoryName ?? ""),
    title: clean(row.title),
    summary: clean(row.summary),
    outlet: clean(row.outlet),
    authorNames: row.authors.map((a) => clean(a.name)).filter(Boolean),
    penNames: row.authors.map((a) => clean(a.penName)).filter(Boolean),
    eligibility: row.eligibility === "eligible" || row.eligibility === "ineligible" ? row.eligibility : "pending",
    publishedAt: row.publishedAt,
    submittedAt: row.submittedAt === null ? null : row.submittedAt.toISOString(),
    submittedTimestamp: row.submittedAt === null ? 0 : Math.floor(row.submittedAt.getTime() / 1000),
    jurorIds: [...row.jurorIds].sort(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);

/** "vi en", as the search matches a category by either name; null without both. */
function bothNames(name: LocalizedText | null): string | null {
  return typeof name?.vi === "string" && typeof name.en === "string" ? `${name.vi} ${name.en}` : null;
}

/**
 * The documents of the given entries (all of them without `ids`) as the database holds them now.
 * An id without a document is an entry that is gone or a draft: it must not be in the index.
 */
export async function loadEntryDocuments(db: Db, ids?: readonly string[]): Promise<EntryDocument[]> {
  const valid = ids?.filter(isUuid);
  if (valid && valid.length === 0) return [];
  const indexed = and(ne(entries.status, "draft"), valid ? inArray(entries.id, valid) : undefined);
  const rows = await db
    .select({
      id: entries.id,
      contestId: entries.contestId,
      code: entries.code,
      status: entries.status,
      category: entries.category,
      categoryName: contestCategories.name,
      title: entries.title,
      summary: entries.summary,
      outlet: entries.outlet,
      eligibility: entries.eligibility,
      publishedAt: entries.publishedAt,
      submittedAt: entries.submittedAt,
    })
    .from(entries)
    .leftJoin(contestCategories, and(eq(contestCategories.contestId, entries.contestId), eq(contestCategories.code, entries.category)))
    .where(indexed)
    .orderBy(asc(entries.id));
  const authors = await db
    .select({ entryId: entryAuthors.entryId, name: entryAuthors.name, penName: entryAuthors.penName })
    .from(entryAuthors)
    .innerJoin(entries, eq(entries.id, entryAuthors.entryId))
    .where(indexed)
    .orderBy(asc(entryAuthors.entryId), asc(entryAuthors.position));
  // Jurors assigned in an open round: they may search the entry.
  const jurors = await db
    .selectDistinct({ entryId: assignments.entryId, jurorId: assignments.jurorId })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .where(and(eq(rounds.status, "open"), indexed));
  const authorsOf = groupBy(authors, (a) => a.entryId);
  const jurorsOf = groupBy(jurors, (j) => j.entryId);
  return rows.map((row) =>
    toEntryDocument({
      ...row,
      categoryName: bothNames(row.categoryName),
      authors: (authorsOf.get(row.id) ?? []).map((a) => ({ name: a.name, penName: a.penName })),
      jurorIds: (jurorsOf.get(row.id) ?? []).map((j) => j.jurorId),
    }),
  );
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The database's clock (microseconds, UTC), to compare with search_outbox.processed_at, which
 * the database sets: the application's clock may differ.
 */
async function databaseNow(db: Db): Promise<string> {
  const result = (await db.execute(sql`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`)) as unknown as { rows: { now: unknown }[] };
  const now = String(result.rows[0]?.now);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(now)) throw new Error(`unexpected database time ${now}`);
  return now;
}

/**
 * Marks every entry outbox row processed since `readAt` pending again (the rows are taken FOR
 * UPDATE, so a drain in flight finishes first and is counted) and returns how many.
 */
async function requeueProcessedSince(db: Db, readAt: string): Promise<number> {
  const processedSince = db
    .select({ id: searchOutbox.id })
    .from(searchOutbox)
    .where(and(eq(searchOutbox.entity, "entry"), gte(searchOutbox.processedAt, sql`${readAt}::timestamptz`)))
    .for("update");
  const requeued = await db.update(searchOutbox).set({ processedAt: null }).where(inArray(searchOutbox.id, processedSince)).returning({ id: searchOutbox.id });
  return requeued.length;
}

export type DatabaseIndexRebuild = { uid: string; documents: number; requeued: number; totalMs: number };

/**
 * Rebuilds an index whose documents come from the database and swaps it in (lib/search/indexer.ts).
 * Changes the drainer sent to the old index while the copy was being built would be lost by the
 * swap, so every outbox row processed since the documents were read is marked pending again and
 * drained once more into the new index (upserts by entry id are idempotent).
 */
export async function rebuildFromDatabase(
  admin: Meilisearch,
  { db, prefix, definition, load }: { db: Db; prefix: string; definition: IndexDefinition; load: () => Promise<readonly object[]> },
): Promise<DatabaseIndexRebuild> {
  const readAt = await databaseNow(db);
  const documents = await load();
  const result = await rebuildIndex(admin, { definition, prefix, documents });
  const requeued = await requeueProcessedSince(db, readAt);
  return { uid: indexUid(prefix, definition.name), documents: result.documents, requeued, totalMs: result.totalMs };
}

/** Rebuilds the entries index from the database and swaps it in (see rebuildFromDatabase). */
export function rebuildEntriesIndex(admin: Meilisearch, { prefix, db }: { prefix: string; db: Db }): Promise<DatabaseIndexRebuild> {
  return rebuildFromDatabase(admin, { db, prefix, definition: entriesIndex, load: () => loadEntryDocuments(db) });
}
