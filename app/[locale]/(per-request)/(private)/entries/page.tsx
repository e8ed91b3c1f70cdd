import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireJournalist } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { listOwnEntries } from "@/lib/db/queries/entries";
import { listCoauthorships } from "@/lib/db/queries/coauthors";
import { CoauthorshipAnswer } from "@/components/portal/coauthorship-answer";
import { submissionPhase } from "@/lib/contest/rules";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { SignedInBar } from "@/app/[locale]/_views/signed-in-bar";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Entries" });
  return { title: t("title") };
}

const STATUS_KEYS = { draft: "statusDraft", submitted: "statusSubmitted", withdrawn: "statusWithdrawn" } as const;
const STATUS_STYLES = { draft: "bg-amber-100 text-amber-900", submitted: "bg-green-100 text-green-900", withdrawn: "bg-stone-200 text-stone-800" } as const;
const ANSWER_KEYS = { pending: "coauthorPending", accepted: "coauthorAccepted", declined: "coauthorDeclined" } as const;
const ANSWER_STYLES = { pending: "bg-amber-100 text-amber-900", accepted: "bg-green-100 text-green-900", declined: "bg-stone-200 text-stone-800" } as const;

export default async function EntriesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireJournalist(locale, localizedPath(locale, "/entries"));
  const t = await getTranslations({ locale, namespace: "Entries" });
  const db = await getDb();
  const [contest, entries, coauthorships] = await Promise.all([findCurrentContest(db), listOwnEntries(db, caller), listCoauthorships(db, caller)]);
  const answerLabels = { accept: t("accept"), decline: t("decline"), leave: t("leave"), declineConfirm: t("declineConfirm"), leaveConfirm: t("leaveConfirm"), answering: t("answering") };
  const phase = contest ? submissionPhase(contest, new Date()) : "closed";
  const names = new Map(contest?.categories.map((c) => [c.code, c.name[locale]]));

  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/entries")}>
      <SignedInBar locale={locale} name={caller.name} />
      {contest ? (
        <div className="mt-4 space-y-1 text-stone-800">
          <p>
            {phase === "closed"
              ? t("closed", { deadline: formatDateTime(contest.submissionClosesAt, locale) })
              : phase === "before"
                ? t("notOpen", { opens: formatDateTime(contest.submissionOpensAt, locale) })
                : t("deadline", { deadline: formatDateTime(contest.submissionClosesAt, locale) })}
          </p>
          <p>{t("limit", { limit: contest.entryLimitPerAuthor })}</p>
        </div>
      ) : (
        <p className="mt-4">{t("noContest")}</p>
      )}
      {contest && phase !== "closed" && (
        <p className="mt-6">
          <Link href={localizedPath(locale, "/entries/new")} className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
            {t("new")}
          </Link>
        </p>
      )}
      {entries.length === 0 ? (
        <p className="mt-8 text-stone-700">{t("empty")}</p>
      ) : (
        <ul className="mt-8 space-y-3">
          {entries.map((entry) => (
            <li key={entry.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={localizedPath(locale, "/entries/[id]", { id: entry.id })} className="text-lg font-bold text-brand-700 underline-offset-2 hover:underline">
                  {entry.title || t("untitled")}
                </Link>
                <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLES[entry.status]}`}>{t(STATUS_KEYS[entry.status])}</span>
                {entry.eligibility === "eligible" && <span className="text-sm font-semibold text-green-800">{t("eligible")}</span>}
                {entry.eligibility === "ineligible" && <span className="text-sm font-semibold text-red-800">{t("ineligible", { reason: entry.eligibilityReason })}</span>}
              </div>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-stone-700 sm:grid-cols-3">
                <div>
                  <dt className="inline font-semibold">{t("category")}: </dt>
                  <dd className="inline">{names.get(entry.category) ?? entry.category}</dd>
                </div>
                {entry.code && (
                  <div>
                    <dt className="inline font-semibold">{t("code")}: </dt>
                    <dd className="inline font-mono">{entry.code}</dd>
                  </div>
                )}
                <div>
                  <dt className="inline font-semibold">{t("updated")}: </dt>
                  <dd className="inline">{formatDate(entry.updatedAt, locale)}</dd>
                </div>
              </dl>
              {entry.code && entry.status !== "draft" && (
                <Link href={localizedPath(locale, "/entries/[id]/receipt", { id: entry.id })} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
                  {t("receipt")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {coauthorships.length > 0 && (
        <section aria-labelledby="coauthorships" className="mt-10">
          <h2 id="coauthorships" className="text-xl font-bold">
            {t("invitations")}
          </h2>
          <p className="mt-1 text-stone-700">{t("invitationsIntro")}</p>
          <ul className="mt-4 space-y-3">
            {coauthorships.map((c) => (
              <li key={c.entryId} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="text-lg font-bold">{c.title || t("untitled")}</span>
                  <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLES[c.entryStatus]}`}>{t(STATUS_KEYS[c.entryStatus])}</span>
                </div>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-stone-700 sm:grid-cols-3">
                  <div>
                    <dt className="inline font-semibold">{t("mainAuthor")}: </dt>
                    <dd className="inline">{c.mainAuthor}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{t("category")}: </dt>
                    <dd className="inline">{names.get(c.category) ?? c.category}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{t("yourAnswer")}: </dt>
                    <dd className="inline">
                      <span className={`rounded px-2 py-0.5 font-semibold ${ANSWER_STYLES[c.status]}`}>{t(ANSWER_KEYS[c.status])}</span>
                    </dd>
                  </div>
                </dl>
                {c.answerable && c.status !== "declined" ? (
                  <CoauthorshipAnswer locale={locale} entryId={c.entryId} status={c.status} labels={answerLabels} />
                ) : (
                  c.status !== "declined" && <p className="mt-2 text-sm text-stone-600">{t("answerClosed")}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </SimplePage>
  );
}
