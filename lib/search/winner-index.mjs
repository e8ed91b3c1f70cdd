// @ts-check
// The public winners index: the prize-winning entries of contests whose results are published,
// built from the database of record like the entries index (entry-index.mjs), by the outbox
// drainer for the entries that changed (publication queues every winner) and by
// `npm run reindex` for all of them. The stories index is built from content and swapped on its
// own, so a stories rebuild never touches the winners. Plain .mjs over plain SQL for the script.
import juryVi from "../i18n/messages/vi/jury.json" with { type: "json" };
import juryEn from "../i18n/messages/en/jury.json" with { type: "json" };
import { indexUid, rebuildIndex } from "./indexer.mjs";
import { isUuid } from "./entry-index.mjs";
import { winnersIndex } from "./settings.mjs";

/** @typedef {import("./entry-index.mjs").SqlRunner} SqlRunner */
/** @typedef {"A" | "B" | "C" | "encouragement"} Tier */

/**
 * One prize-winner as the public may see it (what the results page shows).
 * @typedef {object} WinnerDocument
 * @property {string} id the entry's id: documents are replaced and deleted by it, never shown
 * @property {string} code
 * @property {number} year
 * @property {Tier} tier
 * @property {string} category
 * @property {{ vi: string, en: string }} categoryNames
 * @property {string[]} prizeNames the prize in both languages, so "giải A" and "A prize" both find it
 * @property {string} title
 * @property {string} summary
 * @property {string} outlet
 * @property {string[]} authorNames
 * @property {string[]} penNames
 */

const TIER_KEYS = /** @type {const} */ ({ A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" });

/** The prize's name in both languages, from the results page's own strings. @param {Tier} tier */
export function prizeNames(tier) {
  const key = TIER_KEYS[tier];
  return { vi: juryVi.Results[key], en: juryEn.Results[key] };
}

const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const clean = (/** @type {string} */ text) => String(text ?? "").normalize("NFC").replace(PRIVATE_USE, "");

/**
 * Who the public may see as a winner: a prize in a contest whose results are published, on an
 * entry still submitted and eligible, with a code. This is PUBLIC_WINNER of lib/contest/prizes.ts
 * written out in SQL, because this file also runs under plain Node (npm run reindex), which
 * cannot load TypeScript; in TypeScript use `publicWinnerWhere` (lib/db/conditions.ts).
 * @param {readonly string[] | undefined} ids
 */
function winnerRowsSql(ids) {
  const only = ids ? `and e.id = any('{${ids.filter(isUuid).join(",")}}'::uuid[])` : "";
  return `select e.id::text as "id", e.code, c.year, p.tier, e.category, cc.name as "categoryName",
      e.title, e.summary, e.outlet,
      coalesce((select json_agg(json_build_object('name', a.name, 'penName', a.pen_name) order by a.position) from entry_authors a where a.entry_id = e.id), '[]'::json) as "authors"
    from prizes p
    join entries e on e.id = p.entry_id and e.contest_id = p.contest_id
    join contests c on c.id = p.contest_id
    left join contest_categories cc on cc.contest_id = c.id and cc.code = e.category
    where c.results_published_at is not null and e.status = 'submitted' and e.eligibility = 'eligible' and e.code is not null ${only}
    order by e.id`;
}

/** @param {unknown} value */
function parseJson(value) {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** @param {any} row @returns {WinnerDocument} */
export function toWinnerDocument(row) {
  const names = parseJson(row.categoryName) ?? { vi: row.category, en: row.category };
  /** @type {{ name: string, penName: string }[]} */
  const authors = parseJson(row.authors);
  /** @type {Tier} */
  const tier = row.tier;
  const prize = prizeNames(tier);
  return {
    id: row.id,
    code: row.code,
    year: Number(row.year),
    tier,
    category: row.category,
    categoryNames: { vi: clean(names.vi), en: clean(names.en) },
    prizeNames: [prize.vi, prize.en],
    title: clean(row.title),
    summary: clean(row.summary),
    outlet: clean(row.outlet),
    authorNames: authors.map((a) => clean(a.name)).filter(Boolean),
    penNames: authors.map((a) => clean(a.penName)).filter(Boolean),
  };
}

/**
 * The winner documents of the given entries (all winners without `ids`), as the database holds
 * them now. An id without a document is not (or no longer) a public winner.
 * @param {SqlRunner} run
 * @param {readonly string[]} [ids]
 * @returns {Promise<WinnerDocument[]>}
 */
export async function loadWinnerDocuments(run, ids) {
  if (ids && ids.filter(isUuid).length === 0) return [];
  const { rows } = await run(winnerRowsSql(ids));
  return rows.map(toWinnerDocument);
}

/**
 * Of the given entries, those that hold a prize in any contest: the only ones that can be in the
 * winners index, so the only ones a drain may have to delete from it.
 * @param {SqlRunner} run
 * @param {readonly string[]} ids
 * @returns {Promise<string[]>}
 */
export async function entriesWithPrizes(run, ids) {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const { rows } = await run(`select distinct entry_id::text as id from prizes where entry_id = any('{${valid.join(",")}}'::uuid[])`);
  return rows.map((r) => String(r.id));
}

/**
 * Whether any contest has published prizes: until one has, the winners index need not exist
 * (searches treat a missing index as no winners).
 * @param {SqlRunner} run
 */
export async function anyPublishedPrize(run) {
  const { rows } = await run("select exists (select 1 from prizes p join contests c on c.id = p.contest_id where c.results_published_at is not null) as found");
  return rows[0]?.found === true || rows[0]?.found === "t";
}

/**
 * Rebuilds the winners index from the database and swaps it in. As for the entries index, outbox
 * rows drained into the old index while the copy was built are marked pending again.
 * @param {import("meilisearch").Meilisearch} admin
 * @param {{ prefix: string, run: SqlRunner }} options
 * @returns {Promise<{ uid: string, documents: number, requeued: number, totalMs: number }>}
 */
export async function rebuildWinnersIndex(admin, { prefix, run }) {
  const { rows: [clock] } = await run("select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as now");
  const readAt = String(clock.now);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(readAt)) throw new Error(`unexpected database time ${readAt}`);
  const documents = await loadWinnerDocuments(run);
  const result = await rebuildIndex(admin, { definition: winnersIndex, prefix, documents });
  const { rows } = await run(`update search_outbox set processed_at = null
    where id in (select id from search_outbox where entity = 'entry' and processed_at >= '${readAt}'::timestamptz for update)
    returning id`);
  return { uid: indexUid(prefix, winnersIndex.name), documents: result.documents, requeued: rows.length, totalMs: result.totalMs };
}
