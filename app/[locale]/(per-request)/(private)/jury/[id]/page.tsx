import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireJuror } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { getJurorEntry } from "@/lib/db/queries/scores";
import { typeLabel } from "@/lib/contest/rules";
import { maxTotal } from "@/lib/contest/scoring";
import { AppError } from "@/lib/errors";
import { formatDate, formatNumber, formatSize } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { entryParams } from "@/lib/validation/params";
import { ScoreForm } from "@/components/jury/score-form";
import { ConflictForm } from "@/components/jury/conflict-form";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Jury" });
  return { title: t("title") };
}

/**
 * One assigned entry as the juror may see it: only what jurorEntryView returns (in a blind
 * round nothing names its authors), its files through the juror's own route, the score sheet.
 */
export default async function JuryEntryPage({ params }: Props) {
  const locale = await pageLocale(params);
  const parsed = entryParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const caller = await requireJuror(locale, localizedPath(locale, "/jury/[id]", { id }));
  const t = await getTranslations({ locale, namespace: "Jury" });
  const db = await getDb();
  const { round, entry, score } = await getJurorEntry(db, caller, id, new Date()).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const contest = await findCurrentContest(db);
  const category = contest?.categories.find((c) => c.code === entry.category);
  const units = { words: "unitWords", minutes: "unitMinutes", photos: "unitPhotos" } as const;
  const list = localizedPath(locale, "/jury");

  return (
    <SimplePage locale={locale} title={entry.code ? t("entryTitle", { code: entry.code }) : entry.title} alternates={sameParamsAlternates("/jury/[id]", { id })} messages={["JuryForm"]}>
      <p>
        <Link href={list} className="font-semibold text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <article className="mt-6 max-w-3xl space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="text-2xl font-bold">{entry.title || t("untitled")}</h2>
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
        {entry.parts.length > 0 && (
          <section>
            <h3 className="font-semibold">{t("parts")}</h3>
            <ol className="mt-1 list-decimal pl-6">
              {entry.parts.map((part, i) => (
                <li key={i}>
                  {part.title}
                  {part.publishedAt && <span className="text-stone-600"> — {formatDate(part.publishedAt, locale)}</span>}
                  {entry.identity?.partUrls[i] && (
                    <>
                      {" "}
                      <a className="text-brand-700 underline" href={entry.identity.partUrls[i]} rel="noopener noreferrer">
                        {t("link")}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
        <section>
          <h3 className="font-semibold">{t("attachments")}</h3>
          {entry.attachments.length === 0 ? (
            <p className="mt-1 text-stone-700">{t("noAttachments")}</p>
          ) : (
            <ul className="mt-1 list-disc pl-6">
              {entry.attachments.map((file, i) => (
                <li key={file.id}>
                  <a className="text-brand-700 underline" href={file.url}>
                    {t("attachment", { n: i + 1, type: typeLabel(file.contentType), size: formatSize(file.size, locale) })}
                  </a>
                </li>
              ))}
            </ul>
          )}
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
              {entry.identity.url && (
                <div>
                  <dt className="inline font-semibold">{t("link")}: </dt>
                  <dd className="inline">
                    <a className="break-all text-brand-700 underline" href={entry.identity.url} rel="noopener noreferrer">
                      {entry.identity.url}
                    </a>
                  </dd>
                </div>
              )}
            </dl>
          </section>
        )}
      </article>
      <div className="mt-8 max-w-3xl">
        <ScoreForm
          locale={locale}
          userId={caller.id}
          roundId={round.id}
          entryId={entry.id}
          rubric={round.rubric.map((c) => ({ key: c.key, name: c.name[locale], maxPoints: c.maxPoints, weight: c.weight }))}
          maxTotal={maxTotal(round.rubric)}
          initial={{ values: score.values, comment: score.comment, status: score.status, editable: score.editable, updatedAt: score.updatedAt }}
        />
        {score.status !== "submitted" && score.editable && (
          <ConflictForm locale={locale} entryId={entry.id} done={`${list}?declared=1`} />
        )}
      </div>
    </SimplePage>
  );
}
