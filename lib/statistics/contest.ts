// The journalism contest's public figures in a page's language, one table per year whose
// results are published: the page at /thong-ke/cuoc-thi (/en/statistics/contest) and the CSV
// of GET /api/statistics/contest are made from these.
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { PRIZE_TIERS, type PrizeTier } from "@/lib/contest/vocabulary";
import type { ContestYearFigures } from "@/lib/db/queries/statistics";
import type { StatTable } from "./tables";

const TIER_COLUMNS: Record<PrizeTier, string> = { A: "colTierA", B: "colTierB", C: "colTierC", encouragement: "colTierEncouragement" };

export function contestYearTable(figures: ContestYearFigures, locale: Locale): StatTable {
  const t = translator(locale, "Statistics");
  const prizesOf = (c: ContestYearFigures["categories"][number]) => PRIZE_TIERS.reduce((sum, tier) => sum + c.prizes[tier], 0);
  return {
    slug: `nam-${figures.year}`,
    title: t("contestYear", { year: figures.year }),
    columns: [t("colCategory"), t("colEntries"), t("colPrizes"), ...PRIZE_TIERS.map((tier) => t(TIER_COLUMNS[tier]))],
    rows: figures.categories.map((c) => [c.name[locale], c.entries, prizesOf(c), ...PRIZE_TIERS.map((tier) => c.prizes[tier])]),
    chart: {
      series: [t("colEntries"), t("colPrizes")],
      rows: figures.categories.map((c) => ({ label: c.name[locale], values: [c.entries, prizesOf(c)] })),
    },
  };
}
