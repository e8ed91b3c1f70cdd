import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireJuror } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { listJurorAssignments } from "@/lib/db/queries/scores";
import { sheetState, timeLeft } from "@/lib/contest/jury";
import { formatScore } from "@/lib/contest/scoring";
import { formatDateTime } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { SignedInBar } from "@/app/[locale]/_views/signed-in-bar";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Jury" });
  return { title: t("title") };
}

const STATUS_KEYS = { notStarted: "statusNotStarted", draft: "statusDraft", submitted: "statusSubmitted" } as const;
const STATUS_STYLES = { notStarted: "bg-stone-200 text-stone-800", draft: "bg-amber-100 text-amber-900", submitted: "bg-green-100 text-green-900" } as const;

/** The juror's assigned entries in open rounds, with their own progress per round. */
export default async function JuryPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireJuror(locale, localizedPath(locale, "/jury"));
  const t = await getTranslations({ locale, namespace: "Jury" });
  const db = await getDb();
  const [contest, { rounds }] = await Promise.all([findCurrentContest(db), listJurorAssignments(db, caller, new Date())]);
  const open = rounds.filter((r) => r.status === "open");
  const names = new Map(contest?.categories.map((c) => [c.code, c.name[locale]]));
  const declared = (await searchParams).declared === "1";
  const now = new Date();

  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/jury")} role={caller.role}>
      <SignedInBar locale={locale} name={caller.name} />
      {declared && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("declared")}
        </p>
      )}
      {open.length === 0 && <p className="mt-8 text-stone-700">{t("empty")}</p>}
      {open.map((round) => (
        <section key={round.id} className="mt-8" aria-labelledby={`round-${round.id}`}>
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <h2 id={`round-${round.id}`} className="text-2xl font-bold">
              {round.name[locale]}
            </h2>
            <p data-testid="jury-progress" className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-800">
              {t("progress", { submitted: round.submitted, total: round.total })}
            </p>
          </div>
          {round.blind && <p className="mt-1 text-sm text-stone-700">{t("blindNote")}</p>}
          <div role="progressbar" aria-label={t("progressLabel")} aria-valuemin={0} aria-valuemax={Math.max(round.total, 1)} aria-valuenow={round.submitted} aria-valuetext={`${round.submitted} / ${round.total}`} className="mt-2 h-2 w-full max-w-md overflow-hidden rounded bg-stone-200">
            <div className="h-full bg-green-700" style={{ width: `${round.total ? Math.round((round.submitted / round.total) * 100) : 0}%` }} />
          </div>
          {round.closesAt && (
            <p className="mt-1 text-sm text-stone-700">
              {t("closesAt", { deadline: formatDateTime(new Date(round.closesAt), locale) })}{" "}
              {(() => {
                const left = timeLeft(new Date(round.closesAt), now);
                return left ? t("timeLeft", left) : t("timeUp");
              })()}
            </p>
          )}
          <ul className="mt-4 space-y-3">
            {round.items.map(({ entry, score }) => {
              const state = sheetState(score);
              return (
                <li key={entry.id} data-testid="jury-item" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <Link href={localizedPath(locale, "/jury/[id]", { id: entry.id })} className="text-lg font-bold text-brand-700 underline-offset-2 hover:underline">
                      {entry.title || t("untitled")}
                    </Link>
                    <span data-testid="jury-status" className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLES[state]}`}>
                      {t(STATUS_KEYS[state])}
                    </span>
                  </div>
                  <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-stone-700 sm:grid-cols-3">
                    {entry.code && (
                      <div>
                        <dt className="inline font-semibold">{t("code")}: </dt>
                        <dd className="inline font-mono">{entry.code}</dd>
                      </div>
                    )}
                    <div>
                      <dt className="inline font-semibold">{t("category")}: </dt>
                      <dd className="inline">{names.get(entry.category) ?? entry.category}</dd>
                    </div>
                    {state !== "notStarted" && <div data-testid="jury-total">{t("total", { total: formatScore(score.total, locale) })}</div>}
                    {entry.outlet && (
                      <div>
                        <dt className="inline font-semibold">{t("outlet")}: </dt>
                        <dd className="inline">{entry.outlet}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </SimplePage>
  );
}
