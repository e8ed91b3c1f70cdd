import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { showcasedModels } from "@/lib/content/statistics";
import { showcaseTables } from "@/lib/statistics/showcase";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { StatSection } from "@/components/stat-section";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Statistics" });
  return pageMetadata({ locale, title: t("title"), description: t("intro"), alternates: sameParamsAlternates("/statistics") });
}

/**
 * The movement's numbers, from the content alone, prerendered: charts drawn as SVG on the server,
 * each with its table and CSV file. The contest's figures come from the database and are
 * published without a rebuild, so they have their own page, rendered per request.
 */
export default async function StatisticsPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Statistics" });
  const models = showcasedModels();
  const tables = showcaseTables(locale, models);
  const labels = { table: t("table"), csv: t("csv"), noData: t("noData"), targetLegend: t("targetLegend") };
  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/statistics")}>
      <p className="text-2xl font-bold text-brand-700" data-testid="stat-total" data-value={models.length}>
        {t("total", { count: models.length })}
      </p>
      <nav aria-label={t("contents")} className="mt-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {tables.map((table) => (
            <li key={table.slug}>
              <a className="underline" href={`#${table.slug}`}>{table.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {tables.map((table) => (
          <StatSection
            key={table.slug}
            table={table}
            csvHref={localizedPath(locale, "/statistics/csv/[table]", { table: `${table.slug}.csv` })}
            formatCount={(n) => formatNumber(n, locale)}
            formatShare={(n) => formatPercent(n, locale)}
            labels={labels}
          />
        ))}
      </div>
      <p className="mt-8">
        <Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/statistics/contest")}>
          {t("contestLink")}
        </Link>
      </p>
    </SimplePage>
  );
}
