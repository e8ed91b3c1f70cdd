import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { describeMissing, publicationReadiness } from "@/lib/db/queries/publication";
import { previewResults } from "@/lib/db/queries/results";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { ResultsView } from "@/components/results/results-view";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Prizes" });
  return { title: t("previewTitle") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim().normalize("NFC").slice(0, 100) : "");

/**
 * The current contest's results page as publication will make it: the public page's own frame
 * and body (components/results/results-view.tsx), from the decisions as they stand, with the
 * decision number and date the secretariat is about to enter, under a banner that says it is
 * not public yet and what is still missing.
 */
export default async function PublicationPreviewPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireSecretariat(locale, localizedPath(locale, "/admin/prizes/preview"));
  const db = await getDb();
  const contest = await findCurrentContest(db);
  if (!contest) notFound();
  const query = await searchParams;
  const number = one(query.decisionNumber);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(one(query.decisionDate)) ? one(query.decisionDate) : "";
  const [t, { missing }, results] = await Promise.all([
    getTranslations({ locale, namespace: "Results" }),
    publicationReadiness(db, contest.id),
    previewResults(db, contest, number && date ? { number, date } : null),
  ]);
  const items = describeMissing(missing, locale);
  return (
    <>
      <div role="note" className="border-b-4 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950" data-testid="preview-banner">
        <div className="mx-auto max-w-6xl">
          <p className="font-semibold">{t("previewBanner")}</p>
          {items.length > 0 && (
            <>
              <p className="mt-1">{t("previewNotReady", { count: items.length })}</p>
              <ul className="mt-1 list-disc pl-6" data-testid="preview-missing">
                {items.map((m, i) => (
                  <li key={i}>{m.message}</li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-1">
            <Link href={localizedPath(locale, "/admin/prizes")} className="font-semibold underline">
              {t("previewBack")}
            </Link>
          </p>
        </div>
      </div>
      <SimplePage
        locale={locale}
        title={t("title", { year: results.year })}
        intro={t("intro", { date: formatDate(results.publishedAt, locale) })}
        alternates={sameParamsAlternates("/admin/prizes/preview")}
      >
        <ResultsView locale={locale} results={results} />
      </SimplePage>
    </>
  );
}
