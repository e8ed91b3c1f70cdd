// @ts-check
// The private entries index: documents are built from the database of record (never from an
// outbox row's payload), by the drainer (lib/search/outbox.ts) for the entries that changed and
// by `npm run reindex` for all of them. Plain .mjs over plain SQL, so scripts/reindex.mjs runs it
// with the pg or PGlite client it opened and the app with its drizzle transaction.
import { indexUid, rebuildIndex } from "./indexer.mjs";
import { entriesIndex } from "./settings.mjs";

/**
 * Runs one SQL statement (no parameters: the only values spliced in are validated UUIDs and
 * timestamps read from the database) and returns its rows.
 * @typedef {(text: string) => Promise<{ rows: any[] }>} SqlRunner
 */

/**
 * One entry as Meilisearch stores it. Drafts are never indexed: nobody but their owner may see them.
 * @typedef {object} EntryDocument
 * @property {string} id
 * @property {string} contestId
 * @property {string} code
 * @property {"submitted" | "withdrawn"} status
 * @property {string} category
 * @property {string} categoryName
 * @property {string} title
 * @property {string} summary
 * @property {string} outlet
 * @property {string[]} authorNames
 * @property {string[]} penNames
 * @property {"eligible" | "ineligible" | "pending"} eligibility
 * @property {string | null} publishedAt
 * @property {string | null} submittedAt
 * @property {number} submittedTimestamp
 * @property {string[]} jurorIds juror accounts assigned to the entry in an open round
 */

/**
 * @typedef {object} EntryRow
 * @property {string} id
 * @property {string} contestId
 * @property {string | null} code
 * @property {string} status
 * @property {string} category
 * @property {string | null} categoryName
 * @property {string} title
 * @property {string} summary
 * @property {string} outlet
 * @property {string | null} eligibility
 * @property {string | null} publishedAt
 * @property {number | string | null} submittedEpoch
 * @property {{ name: string, penName: string }[]} authors
 * @property {string[]} jurorIds
 */

const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const clean = (/** @type {string} */ text) => text.normalize("NFC").replace(PRIVATE_USE, "");

/** @param {EntryRow} row @returns {EntryDocument} */
export function toEntryDocument(row) {
  const epoch = row.submittedEpoch === null ? null : Number(row.submittedEpoch);
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
    submittedAt: epoch === null ? null : new Date(epoch * 1000).toISOString(),
    submittedTimestamp: epoch === null ? 0 : Math.floor(epoch),
    jurorIds: [...row.jurorIds].sort(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (/** @type {string} */ id) => UUID.test(id);

/** @param {readonly string[] | undefined} ids */
function entryRowsSql(ids) {
  const only = ids ? `and e.id = any('{${ids.filter(isUuid).join(",")}}'::uuid[])` : "";
  return `select e.id::text as "id", e.contest_id::text as "contestId", e.code, e.status, e.category,
      (select c.name->>'vi' || ' ' || (c.name->>'en') from contest_categories c where c.contest_id = e.contest_id and c.code = e.category) as "categoryName",
      e.title, e.summary, e.outlet, e.eligibility, e.published_at::text as "publishedAt",
      extract(epoch from e.submitted_at)::float8 as "submittedEpoch",
      coalesce((select json_agg(json_build_object('name', a.name, 'penName', a.pen_name) order by a.position) from entry_authors a where a.entry_id = e.id), '[]'::json) as "authors",
      coalesce((select json_agg(distinct s.juror_id::text) from assignments s join rounds r on r.id = s.round_id where s.entry_id = e.id and r.status = 'open'), '[]'::json) as "jurorIds"
    from entries e
    where e.status <> 'draft' ${only}
    order by e.id`;
}

/**
 * The documents of the given entries (all of them without `ids`) as the database holds them now.
 * An id without a document is an entry that is gone or a draft: it must not be in the index.
 * @param {SqlRunner} run
 * @param {readonly string[]} [ids]
 * @returns {Promise<EntryDocument[]>}
 */
export async function loadEntryDocuments(run, ids) {
  if (ids && ids.filter(isUuid).length === 0) return [];
  const { rows } = await run(entryRowsSql(ids));
  return rows.map((row) => toEntryDocument({ ...row, authors: parseJson(row.authors), jurorIds: parseJson(row.jurorIds) }));
}

/** json columns arrive parsed from pg and PGlite alike; a string is parsed to be safe. @param {unknown} value */
function parseJson(value) {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/**
 * Rebuilds the entries index from the database and swaps it in (lib/search/indexer.mjs). Changes
 * the drainer sent to the old index while the copy was being built would be lost by the swap, so
 * every outbox row processed since the documents were read is marked pending again and drained
 * once more into the new index (upserts by entry id are idempotent). The rows are taken FOR UPDATE,
 * so a drain in flight finishes first and is counted.
 * @param {import("meilisearch").Meilisearch} admin
 * @param {{ prefix: string, run: SqlRunner }} options
 * @returns {Promise<{ uid: string, documents: number, requeued: number, totalMs: number }>}
 */
export async function rebuildEntriesIndex(admin, { prefix, run }) {
  const { rows: [clock] } = await run("select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as now");
  const readAt = String(clock.now);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(readAt)) throw new Error(`unexpected database time ${readAt}`);
  const documents = await loadEntryDocuments(run);
  const result = await rebuildIndex(admin, { definition: entriesIndex, prefix, documents });
  const { rows } = await run(`update search_outbox set processed_at = null
    where id in (select id from search_outbox where entity = 'entry' and processed_at >= '${readAt}'::timestamptz for update)
    returning id`);
  return { uid: indexUid(prefix, entriesIndex.name), documents: result.documents, requeued: rows.length, totalMs: result.totalMs };
}
