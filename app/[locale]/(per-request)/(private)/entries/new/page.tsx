import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireJournalist } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { EntryPage } from "@/app/[locale]/_views/entry-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "EntryForm" });
  return { title: t("newTitle") };
}

export default async function NewEntryPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireJournalist(locale, localizedPath(locale, "/entries/new"));
  const contest = await getCurrentContest(await getDb());
  return <EntryPage locale={locale} caller={caller} contest={contest} entry={null} alternates={sameParamsAlternates("/entries/new")} />;
}
