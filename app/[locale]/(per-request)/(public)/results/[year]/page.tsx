import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { publishedResults } from "@/lib/db/queries/results";
import { formatDate } from "@/lib/i18n/format";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { ResultsView } from "@/components/results/results-view";

type Props = { params: Promise<{ locale: string; year: string }> };

async function load(params: Props["params"]) {
  const locale = await pageLocale(params);
  const { year } = await params;
  if (!/^\d{4}$/.test(year)) notFound();
  const results = await publishedResults(await getDb(), Number(year));
  if (!results) notFound();
  return { locale, results };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, results } = await load(params);
  const t = await getTranslations({ locale, namespace: "Results" });
  return pageMetadata({ locale, title: t("title", { year: results.year }), description: results.title[locale], alternates: sameParamsAlternates("/results/[year]", { year: results.year }) });
}

/** The public results of a contest: its prize-winners by category, once the results are published (the body: components/results/results-view.tsx). */
export default async function ResultsPage({ params }: Props) {
  const { locale, results } = await load(params);
  const t = await getTranslations({ locale, namespace: "Results" });
  return (
    <SimplePage
      locale={locale}
      title={t("title", { year: results.year })}
      intro={t("intro", { date: formatDate(results.publishedAt, locale) })}
      alternates={sameParamsAlternates("/results/[year]", { year: results.year })}
    >
      <ResultsView locale={locale} results={results} />
    </SimplePage>
  );
}
