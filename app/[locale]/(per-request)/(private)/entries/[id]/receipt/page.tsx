import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireJournalist } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { getContest } from "@/lib/db/queries/contests";
import { getOwnEntry } from "@/lib/db/queries/entries";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { entryParams } from "@/lib/validation/params";
import { PrintButton } from "@/components/portal/print-button";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { orNotFound } from "@/app/[locale]/_views/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Receipt" });
  return { title: t("title") };
}

export default async function ReceiptPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const parsed = entryParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const caller = await requireJournalist(locale, localizedPath(locale, "/entries/[id]/receipt", { id }));
  const db = await getDb();
  const entry = await orNotFound(getOwnEntry(db, caller, id));
  const contest = await getContest(db, entry.contestId);
  // "?sent=1": the form has just submitted it, so the page opens by saying so.
  const justSent = (await searchParams).sent === "1" && entry.status === "submitted" && entry.code;
  const t = await getTranslations({ locale, namespace: "Receipt" });
  const e = await getTranslations({ locale, namespace: "Entries" });
  const category = contest.categories.find((c) => c.code === entry.category);
  const status = { draft: e("statusDraft"), submitted: e("statusSubmitted"), withdrawn: e("statusWithdrawn") }[entry.status];
  const rows: [string, string][] = entry.code
    ? [
        [t("entryTitle"), entry.title],
        [t("category"), category?.name[locale] ?? entry.category],
        [t("authors"), entry.authors.map((a) => (a.penName ? `${a.name} (${a.penName})` : a.name)).join("; ")],
        [t("outlet"), entry.outlet],
        [t("publishedAt"), entry.publishedAt ? formatDate(entry.publishedAt, locale) : ""],
        [t("submittedAt"), entry.submittedAt ? formatDateTime(new Date(entry.submittedAt), locale) : ""],
        [t("status"), status],
      ]
    : [];

  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/entries/[id]/receipt", { id })}>
      {justSent && (
        <div role="status" className="no-print mb-6 max-w-3xl rounded-md border border-green-300 bg-green-50 p-4 text-green-900" data-testid="sent-confirmation">
          <p className="text-lg font-bold">{t("sentTitle")}</p>
          <p className="mt-1 [overflow-wrap:anywhere]">{t("sentBody", { code: entry.code!, email: caller.email })}</p>
        </div>
      )}
      {!entry.code ? (
        <p>{t("notSubmitted")}</p>
      ) : (
        <article className="max-w-3xl rounded-lg border border-stone-300 bg-white p-6 print:border-0 print:p-0">
          <p className="text-sm uppercase tracking-wide text-stone-600">{contest.title[locale]}</p>
          <p className="mt-2 text-lg">{t("code")}</p>
          <p className="font-mono text-4xl font-bold text-brand-700" data-testid="entry-code">
            {entry.code}
          </p>
          <dl className="mt-6 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          {entry.attachments.length > 0 && (
            <>
              <h2 className="mt-6 font-semibold">{t("files")}</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {entry.attachments.map((file) => (
                  <li key={file.id}>
                    <span className="font-semibold">{file.fileName}</span>
                    <br />
                    <code className="break-all text-xs">{file.sha256}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      )}
      <div className="no-print mt-6 flex flex-wrap gap-3">
        {entry.code && <PrintButton label={t("print")} />}
        <Link href={localizedPath(locale, "/entries/[id]", { id })} className="rounded-md border border-stone-400 px-4 py-2 font-semibold">
          {entry.title || id}
        </Link>
      </div>
    </SimplePage>
  );
}
