// The secretariat's four exports as tables: a header and one row of typed cells per record. Pure:
// records come in (from lib/db/queries/exports.ts), rows go out to either writer.
import type { CategoryCode, LocalizedText } from "@/lib/db/schema";
import type { EntryResult, PrizeTier } from "@/lib/contest/ranking";
import { maxTotal, sheetTotal, type Criterion, type ScoreValues } from "@/lib/contest/scoring";
import { dateCell, dateTimeCell, round, text, type Cell, type Column, type Table } from "./cells";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What the builders need to word a sheet in the caller's language: messages (AdminExport.*), the contest's category names, rubric names. */
export type ExportLabels = { t: Translate; category: (code: CategoryCode) => string; localized: (value: LocalizedText) => string };

export type Author = { name: string; penName: string };

export type EntryRecord = {
  code: string;
  category: CategoryCode;
  title: string;
  authors: Author[];
  outlet: string;
  publishedAt: string | null;
  url: string;
  status: "submitted" | "withdrawn";
  eligibility: "eligible" | "ineligible" | null;
  eligibilityReason: string;
  submittedAt: Date | null;
};

export type ScoreRecord = { code: string; category: CategoryCode; title: string; juror: string; values: ScoreValues; comment: string; status: "draft" | "submitted"; submittedAt: Date | null };

export type RankingRecord = Omit<EntryResult, "rank"> & { rank: number | null; code: string; title: string };

export type PrizeRecord = { code: string; category: CategoryCode; title: string; authors: Author[]; outlet: string; tier: PrizeTier; reason: string };

const column = (header: string, type: Column["type"], width: number): Column => ({ header: text(header), type, width });

async function* map<T>(records: AsyncIterable<T>, row: (record: T) => Cell[]): AsyncGenerator<Cell[]> {
  for await (const record of records) yield row(record);
}

/** "Nguyễn Thị Ánh (Ánh Dương); Lê Văn Bình": names in byline order, pen names in brackets. */
export function authorList(authors: readonly Author[]): string {
  return text(authors.map((a) => (a.penName ? `${a.name} (${a.penName})` : a.name)).join("; "));
}

// ---- (a) entries ------------------------------------------------------------------------

export function entryColumns({ t }: ExportLabels): Column[] {
  return [
    column(t("columns.code"), "text", 14),
    column(t("columns.category"), "text", 14),
    column(t("columns.title"), "text", 48),
    column(t("columns.authors"), "text", 40),
    column(t("columns.outlet"), "text", 28),
    column(t("columns.publishedAt"), "date", 12),
    column(t("columns.url"), "text", 40),
    column(t("columns.status"), "text", 12),
    column(t("columns.eligibility"), "text", 14),
    column(t("columns.eligibilityReason"), "text", 36),
    column(t("columns.submittedAt"), "datetime", 17),
  ];
}

export function entryRow({ t, category }: ExportLabels, e: EntryRecord): Cell[] {
  return [
    text(e.code),
    text(category(e.category)),
    text(e.title),
    authorList(e.authors),
    text(e.outlet),
    dateCell(e.publishedAt),
    text(e.url),
    t(`status.${e.status}`),
    t(`eligibility.${e.eligibility ?? "pending"}`),
    text(e.eligibilityReason),
    dateTimeCell(e.submittedAt),
  ];
}

export function entriesTable(labels: ExportLabels, records: AsyncIterable<EntryRecord>): Table {
  return { name: labels.t("sheets.entries"), columns: entryColumns(labels), rows: map(records, (r) => entryRow(labels, r)) };
}

// ---- (b) per-juror, per-criterion scores -----------------------------------------------

export type RoundInfo = { name: string; rubric: readonly Criterion[] };

export function scoreColumns({ t, localized }: ExportLabels, round: RoundInfo): Column[] {
  return [
    column(t("columns.round"), "text", 18),
    column(t("columns.code"), "text", 14),
    column(t("columns.category"), "text", 14),
    column(t("columns.title"), "text", 48),
    column(t("columns.juror"), "text", 24),
    // The maximum is in the header so a reader can check each score against it.
    ...round.rubric.map((c) => column(t(c.weight === 1 ? "columns.criterion" : "columns.criterionWeighted", { name: localized(c.name), max: c.maxPoints, weight: c.weight }), "number", 18)),
    column(t("columns.total", { max: maxTotal(round.rubric) }), "number", 14),
    column(t("columns.sheetStatus"), "text", 12),
    column(t("columns.comment"), "text", 40),
    column(t("columns.submittedAt"), "datetime", 17),
  ];
}

export function scoreRow({ t, category }: ExportLabels, round: RoundInfo, s: ScoreRecord): Cell[] {
  return [
    text(round.name),
    text(s.code),
    text(category(s.category)),
    text(s.title),
    text(s.juror),
    // A draft may leave criteria out: an empty cell, not a zero.
    ...round.rubric.map((c) => s.values[c.key] ?? null),
    sheetTotal(round.rubric, s.values),
    t(`sheet.${s.status}`),
    text(s.comment),
    dateTimeCell(s.submittedAt),
  ];
}

export function scoresTable(labels: ExportLabels, round: RoundInfo, records: AsyncIterable<ScoreRecord>): Table {
  return { name: labels.t("sheets.scores"), columns: scoreColumns(labels, round), rows: map(records, (r) => scoreRow(labels, round, r)) };
}

// ---- (c) ranking -----------------------------------------------------------------------

export function rankingColumns({ t }: ExportLabels): Column[] {
  return [
    column(t("columns.rank"), "number", 7),
    column(t("columns.tied"), "text", 11),
    column(t("columns.code"), "text", 14),
    column(t("columns.category"), "text", 14),
    column(t("columns.title"), "text", 48),
    column(t("columns.mean"), "decimal", 12),
    column(t("columns.normalised"), "decimal", 12),
    column(t("columns.sheets"), "number", 9),
    column(t("columns.disagreement"), "text", 11),
    column(t("columns.spread"), "number", 12),
  ];
}

export function rankingRow({ t, category }: ExportLabels, r: RankingRecord): Cell[] {
  const spread = r.totals.length ? r.totals[r.totals.length - 1]! - r.totals[0]! : null;
  return [
    r.rank,
    r.tied ? t("values.tied") : "",
    text(r.code),
    text(category(r.category as CategoryCode)),
    text(r.title),
    round(r.mean),
    round(r.normalised),
    r.jurors,
    r.disagreements > 0 ? t("values.disagreement") : "",
    spread,
  ];
}

export function rankingTable(labels: ExportLabels, records: AsyncIterable<RankingRecord>): Table {
  return { name: labels.t("sheets.ranking"), columns: rankingColumns(labels), rows: map(records, (r) => rankingRow(labels, r)) };
}

// ---- (d) prizes ------------------------------------------------------------------------

export function prizeColumns({ t }: ExportLabels): Column[] {
  return [
    column(t("columns.category"), "text", 14),
    column(t("columns.tier"), "text", 14),
    column(t("columns.code"), "text", 14),
    column(t("columns.title"), "text", 48),
    column(t("columns.authors"), "text", 40),
    column(t("columns.outlet"), "text", 28),
    column(t("columns.prizeReason"), "text", 36),
  ];
}

export function prizeRow({ t, category }: ExportLabels, p: PrizeRecord): Cell[] {
  return [text(category(p.category)), t(`tier.${p.tier}`), text(p.code), text(p.title), authorList(p.authors), text(p.outlet), text(p.reason)];
}

export function prizesTable(labels: ExportLabels, records: AsyncIterable<PrizeRecord>): Table {
  return { name: labels.t("sheets.prizes"), columns: prizeColumns(labels), rows: map(records, (r) => prizeRow(labels, r)) };
}
