import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PublishedResults } from "@/lib/db/queries/results";
import type { PrizeTier } from "@/lib/contest/vocabulary";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";

export const TIER_KEYS: Record<PrizeTier, "tierA" | "tierB" | "tierC" | "tierEncouragement"> = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" };

/**
 * The body of a contest's results page: the committee's decision, then the prize-winners by
 * category, each linked to its own page. The public page and the secretariat's preview both
 * render this, so the preview is the page as it will be.
 */
export async function ResultsView({ locale, results }: { locale: Locale; results: PublishedResults }) {
  const t = await getTranslations({ locale, namespace: "Results" });
  return (
    <>
      <p className="max-w-3xl font-semibold text-stone-800">{results.title[locale]}</p>
      {results.decision && (
        <p className="mt-2 max-w-3xl text-stone-700" data-testid="results-decision">
          {t("decisionLine", { number: results.decision.number, date: formatDate(results.decision.date, locale) })}
        </p>
      )}
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
                {prize.citation[locale] && (
                  <blockquote className="mt-3 border-l-4 border-brand-600 pl-3 text-stone-800" data-testid="prize-citation">
                    <span className="sr-only">{t("citation")}: </span>
                    {prize.citation[locale]}
                  </blockquote>
                )}
                <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
                  {prize.entry.code && (
                    <Link className="text-brand-700 underline" href={localizedPath(locale, "/results/[year]/[code]", { year: results.year, code: prize.entry.code })}>
                      {t("details")}
                    </Link>
                  )}
                  {prize.entry.url && (
                    <a className="text-brand-700 underline" href={prize.entry.url} rel="noopener noreferrer">
                      {t("read")}
                    </a>
                  )}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
