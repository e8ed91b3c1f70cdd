import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { publishedResultYears } from "@/lib/db/queries/results";
import { submissionPhase, typeLabel } from "@/lib/contest/rules";
import { formatDate, formatDateTime, formatNumber, formatSize } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };
const SECTIONS = ["categories", "prizes", "who"] as const;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Contest" });
  return pageMetadata({ locale, title: t("title"), description: t("intro"), alternates: sameParamsAlternates("/contest") });
}

export default async function ContestPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Contest" });
  const r = await getTranslations({ locale, namespace: "ContestRules" });
  const e = await getTranslations({ locale, namespace: "EntryForm" });
  const db = await getDb();
  const [contest, resultYears] = await Promise.all([findCurrentContest(db), publishedResultYears(db)]);
  const pastResults = resultYears.length > 0 && (
    <section aria-labelledby="results-title">
      <h2 id="results-title" className="text-2xl font-bold">{t("resultsTitle")}</h2>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        {resultYears.map((year) => (
          <li key={year}>
            <Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/results/[year]", { year })}>{t("resultsLink", { year })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );

  if (!contest) {
    return (
      <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/contest")}>
        <div className="prose prose-stone max-w-3xl">
          {SECTIONS.map((key) => (
            <section key={key}>
              <h2>{t(`${key}Title`)}</h2>
              <p>{t(key)}</p>
            </section>
          ))}
          <p><em>{t("soon")}</em></p>
        </div>
        <div className="mt-8">{pastResults}</div>
      </SimplePage>
    );
  }

  const phase = submissionPhase(contest, new Date());
  const day = (date: string) => formatDate(`${date}T00:00:00+07:00`, locale);
  const units = { words: e("unitWords"), minutes: e("unitMinutes"), photos: e("unitPhotos") };
  return (
    <SimplePage locale={locale} title={contest.title[locale]} intro={t("intro")} alternates={sameParamsAlternates("/contest")}>
      <div className="max-w-3xl space-y-8">
        <p className={`rounded-md border p-3 font-semibold ${phase === "open" ? "border-green-300 bg-green-50 text-green-900" : "border-stone-300 bg-stone-100"}`}>
          {r(phase === "open" ? "open" : phase === "before" ? "notOpen" : "closed")}
        </p>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[14rem_1fr]">
          <dt className="font-semibold">{r("window")}</dt>
          <dd>{r("windowText", { opens: formatDateTime(contest.submissionOpensAt, locale), closes: formatDateTime(contest.submissionClosesAt, locale) })}</dd>
          <dt className="font-semibold">{r("publication")}</dt>
          <dd>{r("publicationText", { from: day(contest.publishedFrom), to: day(contest.publishedTo) })}</dd>
          <dt className="font-semibold">{r("limit")}</dt>
          <dd>
            {r("limitText", { limit: contest.entryLimitPerAuthor })} {r("excluded")}
          </dd>
        </dl>
        {phase !== "closed" && (
          <p className="flex flex-wrap gap-3">
            <Link href={localizedPath(locale, "/signup")} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
              {r("signUp")}
            </Link>
            <Link href={localizedPath(locale, "/entries")} className="rounded-md border border-stone-400 px-5 py-3 font-semibold">
              {r("myEntries")}
            </Link>
          </p>
        )}
        <section aria-labelledby="categories-title">
          <h2 id="categories-title" className="text-2xl font-bold">
            {r("categories")}
          </h2>
          <div className="mt-4 relative overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-4">{r("categoryName")}</th>
                  <th scope="col" className="py-2 pr-4">{r("categoryLength")}</th>
                  <th scope="col" className="py-2 pr-4">{r("categoryParts")}</th>
                  <th scope="col" className="py-2">{r("categoryFiles")}</th>
                </tr>
              </thead>
              <tbody>
                {contest.categories.map((c) => (
                  <tr key={c.code} className="border-b border-stone-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-semibold">{c.name[locale]}</th>
                    <td className="py-2 pr-4">{`${formatNumber(c.maxLength, locale)} ${units[c.unit]}`}</td>
                    <td className="py-2 pr-4">{r("partsUpTo", { max: c.maxParts })}</td>
                    <td className="py-2">{r("filesText", { types: c.acceptedTypes.map(typeLabel).join(", "), size: formatSize(c.maxFileBytes, locale), max: c.maxFiles })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="rules-title">
          <h2 id="rules-title" className="text-2xl font-bold">
            {r("rules")}
          </h2>
          {/* Rules are stored as plain text; paragraphs are blank-line separated and rendered escaped. */}
          <div className="prose prose-stone mt-4">
            {contest.rules[locale].split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        </section>
        {pastResults}
      </div>
    </SimplePage>
  );
}
