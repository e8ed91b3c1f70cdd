// Search of entries without Meilisearch, straight from the database: every query word must occur
// in the entry's searchable text once both are lower-cased and stripped of diacritics by
// PostgreSQL's unaccent (PGlite ships it too; migration 0001 creates it), so "nguoi giu rung"
// finds "Người giữ rừng" and "do thu ha" finds "Đỗ Thu Hà". Same filters, same result shape.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { foldWithOffsets, foldText } from "./text";
import { highlightToHtml, markRanges } from "./highlight";
import { ENTRY_HITS_PER_PAGE, type EntryFacetName, type JurorEntryQuery, type JurorEntrySearchResult, type SecretariatEntryQuery, type SecretariatEntrySearchResult } from "./entry-types";

type Row = {
  id: string;
  code: string | null;
  title: string;
  summary: string;
  category: string;
  status: "submitted" | "withdrawn";
  eligibility: "eligible" | "ineligible" | null;
  outlet: string;
  authors: { name: string; penName: string }[] | string;
  publishedAt: string | null;
  submittedAt: Date | string | null;
};

const words = (q: string) => [...new Set(q.match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 20);

const categoryName = sql`coalesce((select c.name->>'vi' || ' ' || (c.name->>'en') from contest_categories c where c.contest_id = e.contest_id and c.code = e.category), '')`;
const authorText = sql`coalesce((select string_agg(a.name || ' ' || a.pen_name, ' ') from entry_authors a where a.entry_id = e.id), '')`;

/** The text a query is matched against: in blind mode only what a blind juror may search. */
function searchable(blind: boolean): SQL {
  return blind
    ? sql`coalesce(e.code, '') || ' ' || e.title || ' ' || e.summary || ' ' || ${categoryName}`
    : sql`coalesce(e.code, '') || ' ' || e.title || ' ' || e.summary || ' ' || e.outlet || ' ' || ${categoryName} || ' ' || ${authorText}`;
}

function textConditions(q: string, blind: boolean): SQL[] {
  const text = searchable(blind);
  // Words hold only letters and digits, so LIKE's wildcards cannot come from the query.
  return words(q).map((word) => sql`unaccent(lower(${text})) like '%' || unaccent(lower(${word})) || '%'`);
}

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);

/** Placeholders around the words of `text` that contain a query word, as LIKE matched them. */
function highlight(text: string, q: string): string {
  const terms = words(q).map(foldText);
  if (terms.length === 0) return text;
  const { folded, origin } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (terms.some((t) => match[0].includes(t))) ranges.push([origin[match.index]!, origin[match.index + match[0].length]!]);
  }
  return markRanges(text, ranges);
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const select = sql`select e.id::text as id, e.code, e.title, e.summary, e.category, e.status, e.eligibility, e.outlet,
  e.published_at::text as "publishedAt", e.submitted_at as "submittedAt",
  coalesce((select json_agg(json_build_object('name', a.name, 'penName', a.pen_name) order by a.position) from entry_authors a where a.entry_id = e.id), '[]'::json) as authors
  from entries e`;
const order = sql`order by e.submitted_at desc nulls last, e.id`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const authorsOf = (row: Row) => (typeof row.authors === "string" ? (JSON.parse(row.authors) as { name: string; penName: string }[]) : row.authors);

export async function searchEntriesFallbackAsSecretariat(db: Db, query: SecretariatEntryQuery): Promise<SecretariatEntrySearchResult> {
  const base = [sql`e.status <> 'draft'`, ...textConditions(query.q, false)];
  const statusFilter = query.status ? [sql`e.status = ${query.status}`] : [];
  const categoryFilter = query.category ? [sql`e.category = ${query.category}`] : [];
  const where = and([...base, ...statusFilter, ...categoryFilter]);
  const offset = (query.page - 1) * ENTRY_HITS_PER_PAGE;
  const [page, [count], statusCounts, categoryCounts] = await Promise.all([
    rows<Row>(db, sql`${select} where ${where} ${order} limit ${ENTRY_HITS_PER_PAGE} offset ${offset}`),
    rows<{ n: number | string }>(db, sql`select count(*)::int as n from entries e where ${where}`),
    // Each facet counts its choices with the other facet's filter only (as the Meilisearch query does).
    rows<{ value: string; n: number | string }>(db, sql`select e.status as value, count(*)::int as n from entries e where ${and([...base, ...categoryFilter])} group by e.status`),
    rows<{ value: string; n: number | string }>(db, sql`select e.category as value, count(*)::int as n from entries e where ${and([...base, ...statusFilter])} group by e.category`),
  ]);
  const total = Number(count?.n ?? 0);
  const facets = {
    status: Object.fromEntries(statusCounts.map((r) => [r.value, Number(r.n)])),
    category: Object.fromEntries(categoryCounts.map((r) => [r.value, Number(r.n)])),
  } as Record<EntryFacetName, Record<string, number>>;
  return {
    query,
    hits: page.map((row) => {
      const authors = authorsOf(row);
      return {
        id: row.id,
        code: row.code ?? "",
        title: highlightToHtml(highlight(row.title, query.q)),
        snippet: highlightToHtml(highlight(row.summary, query.q)),
        category: row.category,
        status: row.status,
        eligibility: row.eligibility ?? "pending",
        outlet: row.outlet,
        authors: authors.map((a) => a.name).filter(Boolean),
        penNames: authors.map((a) => a.penName).filter(Boolean),
        publishedAt: row.publishedAt,
        submittedAt: iso(row.submittedAt),
      };
    }),
    total,
    page: query.page,
    pageCount: Math.ceil(Math.min(total, 1000) / ENTRY_HITS_PER_PAGE),
    facets,
    degraded: true,
  };
}

/** Only entries assigned to the juror in an open round, searched and returned per `blind`. */
export async function searchEntriesFallbackAsJuror(db: Db, jurorId: string, blind: boolean, query: JurorEntryQuery): Promise<JurorEntrySearchResult> {
  const assigned = sql`exists (select 1 from assignments s join rounds r on r.id = s.round_id where s.entry_id = e.id and s.juror_id = ${jurorId} and r.status = 'open')`;
  const where = and([sql`e.status <> 'draft'`, assigned, ...textConditions(query.q, blind)]);
  const offset = (query.page - 1) * ENTRY_HITS_PER_PAGE;
  const [page, [count]] = await Promise.all([
    rows<Row>(db, sql`${select} where ${where} ${order} limit ${ENTRY_HITS_PER_PAGE} offset ${offset}`),
    rows<{ n: number | string }>(db, sql`select count(*)::int as n from entries e where ${where}`),
  ]);
  const total = Number(count?.n ?? 0);
  return {
    query,
    hits: page.map((row) => ({
      id: row.id,
      code: row.code ?? "",
      title: highlightToHtml(highlight(row.title, query.q)),
      snippet: highlightToHtml(highlight(row.summary, query.q)),
      category: row.category,
      publishedAt: row.publishedAt,
      ...(blind ? {} : { outlet: row.outlet }),
    })),
    total,
    page: query.page,
    pageCount: Math.ceil(Math.min(total, 1000) / ENTRY_HITS_PER_PAGE),
    blind,
    degraded: true,
  };
}
