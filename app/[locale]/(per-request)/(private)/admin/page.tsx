import type { Metadata } from "next";
import { formatDateTime } from "@/lib/i18n/format";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage, SECTIONS } from "./_views/admin-page";
import { entryCounts, roundSummaries } from "@/lib/db/queries/secretariat";
import { RoundStatusBadge } from "./_views/badges";
import { ProgressBar } from "./_views/progress-bar";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Overview" });
  return { title: t("title") };
}

/** The secretariat's home: the current contest at a glance and a way into every section. */
export default async function AdminOverviewPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSecretariat(locale, localizedPath(locale, "/admin"));
  const t = await getTranslations({ locale, namespace: "Admin.Overview" });
  const nav = await getTranslations({ locale, namespace: "Admin.Nav" });
  const db = await getDb();
  const contest = await findCurrentContest(db);
  const [counts, rounds] = contest ? await Promise.all([entryCounts(db, contest.id), roundSummaries(db, contest.id)]) : [null, []];
  const entriesHref = (query: string) => `${localizedPath(locale, "/admin/entries")}?${query}`;

  return (
    <AdminPage locale={locale} caller={caller} section="/admin" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin")}>
      {!contest || !counts ? (
        <p>{t("noContest")}</p>
      ) : (
        <div className="space-y-10">
          <section aria-labelledby="contest-heading">
            <h2 id="contest-heading" className="text-2xl font-bold">
              {contest.title[locale]}
            </h2>
            <dl className="mt-2 grid gap-x-6 gap-y-1 text-stone-800 sm:grid-cols-2">
              <div>
                <dt className="inline font-semibold">{t("window")}: </dt>
                <dd className="inline">{t("windowValue", { opens: formatDateTime(contest.submissionOpensAt, locale), closes: formatDateTime(contest.submissionClosesAt, locale) })}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">{t("results")}: </dt>
                <dd className="inline">
                  {contest.resultsPublishedAt ? (
                    <>
                      {t("publishedOn", { date: formatDateTime(contest.resultsPublishedAt, locale) })}{" "}
                      <Link className="text-brand-700 underline" href={localizedPath(locale, "/results/[year]", { year: contest.year })}>
                        {t("publicResults")}
                      </Link>
                    </>
                  ) : (
                    t("notPublished")
                  )}
                </dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="counts-heading">
            <h2 id="counts-heading" className="text-xl font-bold">
              {t("entries")}
            </h2>
            <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
              {(
                [
                  ["submitted", counts.submitted, "status=submitted"],
                  ["withdrawn", counts.withdrawn, "status=withdrawn"],
                  ["eligible", counts.eligible, "status=submitted&eligibility=eligible"],
                  ["ineligible", counts.ineligible, "status=submitted&eligibility=ineligible"],
                  ["undecided", counts.undecided, "status=submitted&eligibility=pending"],
                ] as const
              ).map(([key, n, query]) => (
                <li key={key}>
                  <Link href={entriesHref(query)} data-testid={`count-${key}`} className="block rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-700">
                    <span className="block text-2xl font-bold">{n}</span>
                    <span className="text-sm text-stone-700">{t(key)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="rounds-heading">
            <h2 id="rounds-heading" className="text-xl font-bold">
              {t("rounds")}
            </h2>
            {rounds.length === 0 ? (
              <p className="mt-2">{t("noRounds")}</p>
            ) : (
              <ul className="mt-3 space-y-3">
                {rounds.map((round) => (
                  <li key={round.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                      <Link href={localizedPath(locale, "/admin/rounds/[id]", { id: round.id })} className="text-lg font-bold text-brand-700 underline-offset-2 hover:underline">
                        {round.name[locale]}
                      </Link>
                      <RoundStatusBadge locale={locale} status={round.status} />
                    </div>
                    <p className="mt-1 text-sm text-stone-700">{t("roundCounts", { entries: round.entries, submitted: round.submitted, assigned: round.assigned, drafts: round.drafts })}</p>
                    <ProgressBar label={t("roundProgress", { name: round.name[locale] })} value={round.submitted} max={round.assigned} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}

      <section aria-labelledby="sections-heading" className="mt-10">
        <h2 id="sections-heading" className="text-xl font-bold">
          {t("sections")}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {SECTIONS.filter((s) => s.route !== "/admin").map((s) => (
            <li key={s.route}>
              <Link href={localizedPath(locale, s.route)} className="block h-full rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-700">
                <span className="block font-bold text-brand-700">{nav(s.key)}</span>
                <span className="mt-1 block text-sm text-stone-700">{t(`about.${s.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
        {rounds.length > 0 && (
          <p className="mt-4">
            <a href="/api/admin/exports/all?format=xlsx" download className="font-semibold text-brand-700 underline">
              {t("exportAll")}
            </a>
          </p>
        )}
      </section>
    </AdminPage>
  );
}
