import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { publishedResults } from "@/lib/db/queries/results";
import type { PrizeTier } from "@/lib/contest/ranking";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string; year: string }> };

const TIER_KEYS: Record<PrizeTier, "tierA" | "tierB" | "tierC" | "tierEncouragement"> = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" };

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

/** The public results of a contest: its prize-winners by category, once the results are published. */
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
      <p className="max-w-3xl font-semibold text-stone-800">{results.title[locale]}</p>
      {results.categories.map((category) => (
        <section key={category.code} className="mt-8" aria-labelledby={`cat-${category.code}`}>
          <h2 id={`cat-${category.code}`} className="text-2xl font-bold">
            {category.name[locale]}
          </h2>
          <ol className="mt-4 space-y-4">
            {category.prizes.map((prize) => (
              <li key={prize.entry.code ?? prize.entry.title} data-testid="prize" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <p className="text-sm font-bold uppercase tracking-wide text-brand-700">{t(TIER_KEYS[prize.tier])}</p>
                <h3 className="mt-1 text-xl font-bold">
                  {prize.entry.code ? (
                    <Link href={localizedPath(locale, "/results/[year]/[code]", { year: results.year, code: prize.entry.code })} className="hover:text-brand-700 hover:underline">
                      {prize.entry.title}
                    </Link>
                  ) : (
                    prize.entry.title
                  )}
                </h3>
                {prize.entry.summary && <p className="mt-1 text-stone-700">{prize.entry.summary}</p>}
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-stone-700 sm:grid-cols-2">
                  <div>
                    <dt className="inline font-semibold">{t("authors")}: </dt>
                    <dd className="inline">{prize.authors.map((a) => (a.penName ? `${a.name} (${a.penName})` : a.name)).join(", ")}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{t("outlet")}: </dt>
                    <dd className="inline">{prize.entry.outlet}</dd>
                  </div>
                  {prize.entry.publishedAt && (
                    <div>
                      <dt className="inline font-semibold">{t("publishedAt")}: </dt>
                      <dd className="inline">{formatDate(prize.entry.publishedAt, locale)}</dd>
                    </div>
                  )}
                  {prize.entry.code && (
                    <div>
                      <dt className="inline font-semibold">{t("code")}: </dt>
                      <dd className="inline font-mono">{prize.entry.code}</dd>
                    </div>
                  )}
                </dl>
                {prize.entry.url && (
                  <a className="mt-2 inline-block text-sm font-semibold text-brand-700 underline" href={prize.entry.url} rel="noopener noreferrer">
                    {t("read")}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </SimplePage>
  );
}
