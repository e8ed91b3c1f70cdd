// The showcase's statistics tables in a page's language, from the content alone (read at build
// time): the page at /thong-ke (/en/statistics) and its CSV files are made from these.
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import {
  directWorkerShares,
  modelsByField,
  modelsByKind,
  modelsByMovement,
  modelsByProvince,
  modelsByYear,
  showcasedModels,
  type CountRow,
  type ModelFacts,
} from "@/lib/content/statistics";
import type { StatTable } from "./tables";

/** The CSV file names (without ".csv"), the same in both languages like every other slug. */
export const SHOWCASE_TABLES = ["tinh-thanh", "phong-trao", "linh-vuc", "nam", "doi-tuong", "nguoi-lao-dong-truc-tiep"] as const;
export type ShowcaseTableSlug = (typeof SHOWCASE_TABLES)[number];

// Shares in the CSV as percentages with one decimal, as the page writes them.
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function countTable(slug: ShowcaseTableSlug, title: string, note: string | undefined, column: string, modelsColumn: string, rows: CountRow[]): StatTable {
  return {
    slug,
    title,
    ...(note ? { note } : {}),
    columns: [column, modelsColumn],
    rows: rows.map((r) => [r.label, r.count]),
    chart: { series: [modelsColumn], rows: rows.map((r) => ({ label: r.label, values: [r.count] })) },
  };
}

/**
 * The provinces' table lists all 34 units; its chart draws only those with a model, and names
 * the others under it, so that a phone does not scroll past a column of empty bars.
 */
function provinceTable(t: ReturnType<typeof translator>, rows: CountRow[]): StatTable {
  const table = countTable("tinh-thanh", t("byProvince"), t("byProvinceNote"), t("colProvince"), t("colModels"), rows);
  const none = rows.filter((r) => r.count === 0).map((r) => r.label);
  return {
    ...table,
    chart: { ...table.chart, rows: table.chart.rows.filter((r) => r.values[0] !== 0) },
    ...(none.length ? { chartNote: t("provincesWithout", { names: none.join(", ") }) } : {}),
  };
}

/** Every table of the showcase's statistics page, in page order. */
export function showcaseTables(locale: Locale, models: readonly ModelFacts[] = showcasedModels()): StatTable[] {
  const t = translator(locale, "Statistics");
  const kinds = translator(locale, "Kinds");
  const models_ = t("colModels");
  const shares = directWorkerShares(models);
  const tierName = (tier: string) => t(tier === "state" ? "tierState" : "tierProvince");
  return [
    provinceTable(t, modelsByProvince(models, locale)),
    countTable("phong-trao", t("byMovement"), undefined, t("colMovement"), models_, modelsByMovement(models, locale)),
    countTable("linh-vuc", t("byField"), undefined, t("colField"), models_, modelsByField(models, locale)),
    countTable("nam", t("byYear"), t("byYearNote"), t("colYear"), models_, modelsByYear(models)),
    countTable("doi-tuong", t("byKind"), undefined, t("colKind"), models_, modelsByKind(models, (k) => kinds(k))),
    {
      slug: "nguoi-lao-dong-truc-tiep",
      title: t("directWorkers"),
      note: t("directWorkersNote"),
      columns: [t("colTier"), t("colHonoured"), t("colDirectWorkers"), t("colShare"), t("colTarget")],
      rows: shares.map((s) => [tierName(s.tier), s.honoured, s.directWorkers, percent(s.share), percent(s.target)]),
      percentColumns: [3, 4],
      chart: { series: [t("seriesShare")], percent: true, rows: shares.map((s) => ({ label: tierName(s.tier), values: [s.share], target: s.target })) },
    },
  ];
}
