// The public winners index: the prize-winning entries of contests whose results are published,
// built from the database of record like the entries index (entry-index.ts), by the outbox
// drainer for the entries that changed (publication queues every winner) and by
// `npm run reindex` for all of them. The stories index is built from content and swapped on its
// own, so a stories rebuild never touches the winners.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { Db } from "../db/client";
import { namedAuthorWhere, publicWinnerWhere } from "../db/conditions";
import { contestCategories, contests, entries, entryAuthors, prizes, type LocalizedText } from "../db/schema";
import juryVi from "../i18n/messages/vi/jury.json" with { type: "json" };
import juryEn from "../i18n/messages/en/jury.json" with { type: "json" };
import { isUuid, rebuildFromDatabase, type DatabaseIndexRebuild } from "./entry-index";
import { winnersIndex } from "./settings";

export type Tier = "A" | "B" | "C" | "encouragement";

/** One prize-winner as the public may see it (what the results page shows). */
export type WinnerDocument = {
  /** the entry's id: documents are replaced and deleted by it, never shown */
  id: string;
  code: string;
  year: number;
  tier: Tier;
  category: string;
  categoryNames: { vi: string; en: string };
  /** the prize in both languages, so "giải A" and "A prize" both find it */
  prizeNames: string[];
  title: string;
  summary: string;
  outlet: string;
  authorNames: string[];
  penNames: string[];
};

/** A prize-winning entry as the database holds it, with its category's names and its authors. */
export type WinnerRow = {
  id: string;
  code: string;
  year: number;
  tier: Tier;
  category: string;
  categoryName: LocalizedText | null;
  title: string;
  summary: string;
  outlet: string;
  authors: { name: string; penName: string }[];
};

const TIER_KEYS = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" } as const;

/** The prize's name in both languages, from the results page's own strings. */
export function prizeNames(tier: Tier): { vi: string; en: string } {
  const key = TIER_KEYS[tier];
  return { vi: juryVi.Results[key], en: juryEn.Results[key] };
}

const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const clean = (text: string | null | undefined) => String(text ?? "").normalize("NFC").replace(PRIVATE_USE, "");

// Who the public may see as a winner: PUBLIC_WINNER of lib/contest/prizes.ts, the rule the
// results pages and the winners fallback search read too.
const isPublicWinner = publicWinnerWhere(contests, entries);

export function toWinnerDocument(row: WinnerRow): WinnerDocument {
  const names = row.categoryName ?? { vi: row.category, en: row.category };
  const prize = prizeNames(row.tier);
  return {
    id: row.id,
    code: row.code,
    year: Number(row.year),
    tier: row.tier,
    category: row.category,
    categoryNames: { vi: clean(names.vi), en: clean(names.en) },
    prizeNames: [prize.vi, prize.en],
    title: clean(row.title),
    summary: clean(row.summary),
    outlet: clean(row.outlet),
    authorNames: row.authors.map((a) => clean(a.name)).filter(Boolean),
    penNames: row.authors.map((a) => clean(a.penName)).filter(Boolean),
  };
}

/**
 * The winner documents of the given entries (all winners without `ids`), as the database holds
 * them now. An id without a document is not (or no longer) a public winner.
 */
export async function loadWinnerDocuments(db: Db, ids?: readonly string[]): Promise<WinnerDocument[]> {
  const valid = ids?.filter(isUuid);
  if (valid && valid.length === 0) return [];
  const wanted = and(isPublicWinner, valid ? inArray(entries.id, valid) : undefined);
  const rows = await db
    .select({
      id: entries.id,
      code: entries.code,
      year: contests.year,
      tier: prizes.tier,
      category: entries.category,
      categoryName: contestCategories.name,
      title: entries.title,
      summary: entries.summary,
      outlet: entries.outlet,
    })
    .from(prizes)
    .innerJoin(entries, and(eq(entries.id, prizes.entryId), eq(entries.contestId, prizes.contestId)))
    .innerJoin(contests, eq(contests.id, prizes.contestId))
    .leftJoin(contestCategories, and(eq(contestCategories.contestId, contests.id), eq(contestCategories.code, entries.category)))
    .where(wanted)
    .orderBy(asc(entries.id));
  const authors = await db
    .select({ entryId: entryAuthors.entryId, name: entryAuthors.name, penName: entryAuthors.penName })
    .from(entryAuthors)
    .innerJoin(prizes, eq(prizes.entryId, entryAuthors.entryId))
    .innerJoin(entries, and(eq(entries.id, prizes.entryId), eq(entries.contestId, prizes.contestId)))
    .innerJoin(contests, eq(contests.id, prizes.contestId))
    .where(and(wanted, namedAuthorWhere(entryAuthors)))
    .orderBy(asc(entryAuthors.entryId), asc(entryAuthors.position));
  const authorsOf = new Map<string, { name: string; penName: string }[]>();
  for (const { entryId, name, penName } of authors) authorsOf.set(entryId, [...(authorsOf.get(entryId) ?? []), { name, penName }]);
  return rows.map((row) =>
    toWinnerDocument({
      ...row,
      code: row.code ?? "",
      authors: authorsOf.get(row.id) ?? [],
    }),
  );
}

/**
 * Of the given entries, those that hold a prize in any contest: the only ones that can be in the
 * winners index, so the only ones a drain may have to delete from it.
 */
export async function entriesWithPrizes(db: Db, ids: readonly string[]): Promise<string[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db.selectDistinct({ id: prizes.entryId }).from(prizes).where(inArray(prizes.entryId, valid));
  return rows.map((r) => r.id);
}

/**
 * Whether any contest has published prizes: until one has, the winners index need not exist
 * (searches treat a missing index as no winners).
 */
export async function anyPublishedPrize(db: Db): Promise<boolean> {
  const rows = await db
    .select({ contestId: prizes.contestId })
    .from(prizes)
    .innerJoin(contests, eq(contests.id, prizes.contestId))
    .where(isNotNull(contests.resultsPublishedAt))
    .limit(1);
  return rows.length > 0;
}

/**
 * Rebuilds the winners index from the database and swaps it in. As for the entries index, outbox
 * rows drained into the old index while the copy was built are marked pending again.
 */
export function rebuildWinnersIndex(admin: Meilisearch, { prefix, db }: { prefix: string; db: Db }): Promise<DatabaseIndexRebuild> {
  return rebuildFromDatabase(admin, { db, prefix, definition: winnersIndex, load: () => loadWinnerDocuments(db) });
}
