import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { publishedContestFigures } from "@/lib/db/queries/statistics";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { contestYearTable } from "@/lib/statistics/contest";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { StatSection } from "@/components/stat-section";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Statistics" });
  return pageMetadata({ locale, title: t("contestTitle"), description: t("contestIntro"), alternates: sameParamsAlternates("/statistics/contest") });
}

/**
 * The contest's figures, per request: results are published by the secretariat without a
 * rebuild, so a prerendered page would lag behind them (the statistics of the showcase, which
 * change only with the content, are prerendered at /thong-ke).
 */
export default async function ContestStatisticsPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Statistics" });
  const years = await publishedContestFigures(await getDb());
  const labels = { table: t("table"), csv: t("csv"), noData: t("noData"), targetLegend: t("targetLegend") };
  return (
    <SimplePage locale={locale} title={t("contestTitle")} intro={t("contestIntro")} alternates={sameParamsAlternates("/statistics/contest")}>
      {years.length === 0 ? (
        <p data-testid="no-results">{t("noResults")}</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {years.map((figures) => (
            <div key={figures.year} className="min-w-0">
              <StatSection
                table={contestYearTable(figures, locale)}
                csvHref={`/api/statistics/contest?year=${figures.year}&locale=${locale}`}
                formatCount={(n) => formatNumber(n, locale)}
                formatShare={(n) => formatPercent(n, locale)}
                labels={labels}
              />
              <p className="mt-2 text-sm">
                <Link className="underline" href={localizedPath(locale, "/results/[year]", { year: figures.year })}>
                  {t("resultsLink", { year: figures.year })}
                </Link>
              </p>
            </div>
          ))}
        </div>
      )}
      <p className="mt-8">
        <Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/statistics")}>
          {t("showcaseLink")}
        </Link>
      </p>
    </SimplePage>
  );
}
