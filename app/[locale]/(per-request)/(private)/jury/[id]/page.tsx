import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireJuror } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { getJurorEntry, listJurorAssignments } from "@/lib/db/queries/scores";
import { juryNavigation, sheetState, timeLeft } from "@/lib/contest/jury";
import { typeLabel } from "@/lib/contest/rules";
import { maxTotal } from "@/lib/contest/scoring";
import { formatDate, formatDateTime, formatNumber, formatSize } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { entryParams } from "@/lib/validation/params";
import { ScoreForm } from "@/components/jury/score-form";
import { ConflictForm } from "@/components/jury/conflict-form";
import { EnableScoreFields } from "@/components/jury/enable-score-fields";
import { JuryShortcuts } from "@/components/jury/jury-shortcuts";
import { WorkViewer } from "@/components/jury/work-viewer";
import { ClientMessages } from "@/components/client-messages";
import { NeedsScript } from "@/components/needs-script";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { orNotFound } from "@/app/[locale]/_views/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Jury" });
  return { title: t("title") };
}

/**
 * The reading room: one assigned entry as the juror may see it (only what jurorEntryView returns;
 * in a blind round nothing names its authors), its cleaned files read in place, the score sheet
 * beside it, and the round's deadline, the juror's progress and the way to the next entry.
 */
export default async function JuryEntryPage({ params }: Props) {
  const locale = await pageLocale(params);
  const parsed = entryParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const caller = await requireJuror(locale, localizedPath(locale, "/jury/[id]", { id }));
  const t = await getTranslations({ locale, namespace: "Jury" });
  const db = await getDb();
  const now = new Date();
  const [{ round, entry, score }, contest, { rounds }] = await Promise.all([
    orNotFound(getJurorEntry(db, caller, id, now)),
    findCurrentContest(db),
    listJurorAssignments(db, caller, now),
  ]);
  const mine = rounds.find((r) => r.id === round.id);
  // A sheet still to score: it needs scripts (said when they are off) and takes a conflict declaration.
  const sheetOpen = score.status !== "submitted" && score.editable;
  const sheetText = await getTranslations({ locale, namespace: "JuryForm" });
  const nav = juryNavigation((mine?.items ?? []).map((i) => ({ id: i.entry.id, state: sheetState(i.score) })), entry.id);
  const href = (to: string | null) => (to ? localizedPath(locale, "/jury/[id]", { id: to }) : null);
  const list = localizedPath(locale, "/jury");
  const category = contest?.categories.find((c) => c.code === entry.category);
  const units = { words: "unitWords", minutes: "unitMinutes", photos: "unitPhotos" } as const;
  const closesAt = round.closesAt ? new Date(round.closesAt) : null;
  const left = closesAt ? timeLeft(closesAt, now) : null;
  const submitted = mine?.submitted ?? 0;
  const total = mine?.total ?? 0;
  const percent = total > 0 ? Math.round((submitted / total) * 100) : 0;
  const nextUnscored = href(nav.nextUnscored);
  const fileLabels = entry.attachments.map((file, i) => t("attachment", { n: i + 1, type: typeLabel(file.contentType), size: formatSize(file.size, locale) }));

  const onward = (
    <p className="mt-2">
      {nextUnscored ? (
        <Link href={nextUnscored} data-testid="next-unscored" className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
          {t("nextUnscored")} →
        </Link>
      ) : (
        <span className="text-stone-700">{t("allScored")}</span>
      )}
    </p>
  );

  return (
    <SimplePage
      locale={locale}
      title={entry.code ? t("entryTitle", { code: entry.code }) : entry.title}
      alternates={sameParamsAlternates("/jury/[id]", { id })}
      role={caller.role}
      wide
    >
      <ClientMessages locale={locale} namespaces={["JuryForm"]}>
        <JuryShortcuts previous={href(nav.previous)} next={href(nav.next)} nextUnscored={nextUnscored} list={list} />
        <section aria-label={round.name[locale]} data-testid="jury-status-bar" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
            <div>
              <p className="font-bold">{round.name[locale]}</p>
              <p data-testid="jury-deadline" className="text-sm text-stone-700">
                {closesAt ? (
                  <>
                    {t("deadline")}: <span className="font-semibold">{formatDateTime(closesAt, locale)}</span>
                    {" · "}
                    <span className={left && left.days < 3 ? "font-semibold text-red-800" : ""}>{left ? t("timeLeft", left) : t("timeUp")}</span>
                  </>
                ) : (
                  t("noDeadline")
                )}
              </p>
            </div>
            <div className="min-w-48 flex-1 sm:max-w-xs">
              <p className="text-sm font-semibold" data-testid="jury-progress">
                {t("progress", { submitted, total })}
              </p>
              <div role="progressbar" aria-label={t("progressLabel")} aria-valuemin={0} aria-valuemax={Math.max(total, 1)} aria-valuenow={submitted} aria-valuetext={`${submitted} / ${total}`} className="mt-1 h-2 w-full overflow-hidden rounded bg-stone-200">
                <div className="h-full bg-green-700" style={{ width: `${percent}%` }} />
              </div>
            </div>
          </div>
          <nav aria-label={t("position", { position: nav.position, total: nav.total })} className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            <Link href={list} className="rounded-md border border-stone-300 px-3 py-2 font-semibold text-brand-700 hover:bg-stone-50">
              {t("back")}
            </Link>
            <span className="px-1 text-stone-700">{t("position", { position: nav.position, total: nav.total })}</span>
            {href(nav.previous) && (
              <Link href={href(nav.previous)!} rel="prev" className="rounded-md border border-stone-300 px-3 py-2 font-semibold text-brand-700 hover:bg-stone-50">
                ← {t("previous")}
              </Link>
            )}
            {href(nav.next) && (
              <Link href={href(nav.next)!} rel="next" className="rounded-md border border-stone-300 px-3 py-2 font-semibold text-brand-700 hover:bg-stone-50">
                {t("next")} →
              </Link>
            )}
            {nextUnscored && (
              <Link href={nextUnscored} className="rounded-md border border-brand-700 px-3 py-2 font-semibold text-brand-700 hover:bg-brand-50">
                {t("nextUnscored")}
              </Link>
            )}
            <a href="#rubric-title" className="rounded-md px-3 py-2 font-semibold text-brand-700 underline lg:hidden">
              {t("toSheet")}
            </a>
            <details className="hidden sm:block">
              <summary className="cursor-pointer px-3 py-2 text-stone-700">{t("shortcuts")}</summary>
              <p className="max-w-md px-3 pb-2 text-stone-700">{t("shortcutsHelp")}</p>
            </details>
          </nav>
        </section>

        <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem] xl:grid-cols-[minmax(0,1fr)_30rem]">
          <article aria-labelledby="work-title" className="min-w-0 space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
            <h2 id="work-title" className="text-2xl font-bold">
              {entry.title || t("untitled")}
            </h2>
            {entry.blind && <p className="text-sm text-stone-700">{t("blindNote")}</p>}
            <dl className="grid gap-x-6 gap-y-2 text-stone-800 sm:grid-cols-3">
              <div>
                <dt className="font-semibold">{t("category")}</dt>
                <dd>{category?.name[locale] ?? entry.category}</dd>
              </div>
              {entry.publishedAt && (
                <div>
                  <dt className="font-semibold">{t("publishedAt")}</dt>
                  <dd>{formatDate(entry.publishedAt, locale)}</dd>
                </div>
              )}
              {entry.length !== null && (
                <div>
                  <dt className="font-semibold">{t("length")}</dt>
                  <dd>
                    {formatNumber(entry.length, locale)} {category ? t(units[category.unit]) : ""}
                  </dd>
                </div>
              )}
            </dl>
            <section>
              <h3 className="font-semibold">{t("summary")}</h3>
              <p className="mt-1 whitespace-pre-line">{entry.summary}</p>
            </section>
            {entry.identity?.url && (
              <p>
                <span className="font-semibold">{t("articleLink")}: </span>
                <a data-testid="work-url" className="break-all text-brand-700 underline" href={entry.identity.url} target="_blank" rel="noopener noreferrer">
                  {entry.identity.url}
                </a>
              </p>
            )}
            {entry.blind && entry.category === "online" && <p className="text-sm text-stone-700">{t("blindLinkNote")}</p>}
            {entry.parts.length > 0 && (
              <section>
                <h3 className="font-semibold">{t("parts")}</h3>
                <ol data-testid="work-parts" className="mt-1 space-y-1">
                  {entry.parts.map((part, i) => (
                    <li key={i} className="flex flex-wrap gap-x-2">
                      <span className="font-semibold">{t("part", { n: i + 1 })}:</span>
                      <span>{part.title}</span>
                      {part.publishedAt && <span className="text-stone-600">— {formatDate(part.publishedAt, locale)}</span>}
                      {entry.identity?.partUrls[i] && (
                        <a className="text-brand-700 underline" href={entry.identity.partUrls[i]} target="_blank" rel="noopener noreferrer">
                          {t("link")}
                        </a>
                      )}
                    </li>
                  ))}
                </ol>
              </section>
            )}
            <section aria-labelledby="work-files">
              <h3 id="work-files" className="font-semibold">
                {t("work")}
              </h3>
              <div className="mt-2">
                {entry.attachments.length === 0 ? (
                  <p className="text-stone-700">{entry.identity?.url ? t("noFilesOnline") : t("noAttachments")}</p>
                ) : (
                  <WorkViewer
                    files={entry.attachments}
                    labels={{ files: fileLabels, open: t("open"), pdfFrame: t("pdfFrame"), photo: t("photo"), audio: t("audio"), video: t("video"), mediaUnsupported: t("mediaUnsupported") }}
                  />
                )}
              </div>
              {entry.blind && entry.attachments.length > 0 && <p className="mt-2 text-sm text-stone-600">{t("scanNote")}</p>}
            </section>
            {entry.identity && (
              <section>
                <h3 className="font-semibold">{t("identity")}</h3>
                <dl className="mt-1 space-y-1">
                  <div>
                    <dt className="inline font-semibold">{t("outlet")}: </dt>
                    <dd className="inline">{entry.identity.outlet}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{t("authors")}: </dt>
                    <dd className="inline">{entry.identity.authors.map((a) => (a.penName ? `${a.name} (${a.penName})` : a.name)).join(", ")}</dd>
                  </div>
                </dl>
              </section>
            )}
          </article>
          <div className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
            <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
              {sheetOpen && <NeedsScript text={sheetText("needsScript")} />}
              <ScoreForm
                locale={locale}
                userId={caller.id}
                roundId={round.id}
                entryId={entry.id}
                rubric={round.rubric.map((c) => ({
                  key: c.key,
                  name: c.name[locale],
                  maxPoints: c.maxPoints,
                  weight: c.weight,
                  levels: [...(c.levels ?? [])].sort((a, b) => b.min - a.min).map((l) => ({ min: l.min, max: l.max, text: l.description[locale] })),
                }))}
                maxTotal={maxTotal(round.rubric)}
                initial={{ values: score.values, comment: score.comment, status: score.status, editable: score.editable, updatedAt: score.updatedAt }}
                next={onward}
              />
              {sheetOpen && <EnableScoreFields />}
              {sheetOpen && <ConflictForm locale={locale} entryId={entry.id} done={`${list}?declared=1`} />}
            </div>
            <p className="mt-3 lg:hidden">
              <a href="#work-title" className="text-sm font-semibold text-brand-700 underline">
                {t("toWork")}
              </a>
            </p>
          </div>
        </div>
      </ClientMessages>
    </SimplePage>
  );
}
