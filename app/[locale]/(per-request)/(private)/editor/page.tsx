import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireEditor } from "@/lib/auth/page";
import { provinceLabel } from "@/lib/content/taxonomies";
import { getDb } from "@/lib/db/client";
import { listQueue } from "@/lib/db/queries/nominations";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { queueQuery } from "@/lib/validation/nomination";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { SignedInBar } from "@/app/[locale]/_views/signed-in-bar";
import { control } from "@/app/[locale]/_views/nominate/controls";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const FILTERS = ["open", "accepted", "rejected", "published"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Editor" });
  return { title: t("title") };
}

/** The editors' queue: one row per nominee, oldest first; the number of nominators is shown, never ranks. */
export default async function EditorQueuePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireEditor(locale, localizedPath(locale, "/editor"));
  const t = await getTranslations({ locale, namespace: "Editor" });
  const raw = await searchParams;
  const parsed = queueQuery.safeParse(typeof raw.status === "string" ? { status: raw.status } : {});
  const status = parsed.success ? parsed.data.status : "open";
  const items = await listQueue(await getDb(), status, caller.id);

  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/editor")}>
      <SignedInBar locale={locale} name={caller.name} />
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <label className="font-semibold" htmlFor="queue-status">
          {t("filter")}
          <select id="queue-status" name="status" defaultValue={status} className={control}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`filters.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold">
          {t("show")}
        </button>
      </form>
      {items.length === 0 ? (
        <p className="mt-6 text-stone-700">{t("empty")}</p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {items.map((n) => (
            <li key={n.code} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <Link className="text-lg font-semibold text-brand-700 underline" href={localizedPath(locale, "/editor/[code]", { code: n.code })}>
                  {n.nominee.name}
                </Link>
                <p className="text-sm text-stone-700">
                  {n.code} · {provinceLabel(n.nominee.province, locale)}
                  {n.confirmedAt && ` · ${t("confirmedAt")} ${formatDate(n.confirmedAt, locale)}`}
                </p>
              </div>
              <div className="flex flex-wrap gap-2 text-sm">
                <span className="rounded-full bg-stone-100 px-3 py-1">{t(`statuses.${n.status}`)}</span>
                <span className="rounded-full bg-stone-100 px-3 py-1">
                  {t("nominators")}: {n.nominators.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}
                </span>
                <span className={`rounded-full px-3 py-1 ${n.consentAt ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}>
                  {t("consent")}: {n.consentAt ? t("consentYes") : t("consentNo")}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </SimplePage>
  );
}
