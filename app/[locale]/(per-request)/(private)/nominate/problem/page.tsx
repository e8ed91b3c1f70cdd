import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { ProblemList } from "@/app/[locale]/_views/nominate/problems";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Nominate" });
  return pageMetadata({ locale, title: t("problemTitle"), description: t("problemIntro"), alternates: sameParamsAlternates("/nominate/problem") });
}

/** Where a nomination the server refused lands (the form works without JavaScript): what to fix. */
export default async function NominationProblemPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Nominate" });
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  return (
    <SimplePage locale={locale} title={t("problemTitle")} intro={t("problemIntro")} alternates={sameParamsAlternates("/nominate/problem")}>
      <ProblemList locale={locale} code={one(q.c)} fields={one(q.f)} />
      <p className="mt-6">
        <Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/nominate")}>
          {t("backToForm")}
        </Link>
      </p>
    </SimplePage>
  );
}
