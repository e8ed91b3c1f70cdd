import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireJournalist } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { getContest } from "@/lib/db/queries/contests";
import { getOwnEntry } from "@/lib/db/queries/entries";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { entryParams } from "@/lib/validation/params";
import { EntryPage } from "@/app/[locale]/_views/entry-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { orNotFound } from "@/app/[locale]/_views/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "EntryForm" });
  return { title: t("editTitle") };
}

export default async function EditEntryPage({ params }: Props) {
  const locale = await pageLocale(params);
  const parsed = entryParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const caller = await requireJournalist(locale, localizedPath(locale, "/entries/[id]", { id }));
  const db = await getDb();
  const entry = await orNotFound(getOwnEntry(db, caller, id));
  return <EntryPage locale={locale} caller={caller} contest={await getContest(db, entry.contestId)} entry={entry} alternates={sameParamsAlternates("/entries/[id]", { id })} />;
}
