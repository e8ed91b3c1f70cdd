import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { compareText } from "@/lib/i18n/format";
import { countBy } from "@/lib/content/stories";
import { fields } from "@/lib/content/taxonomies";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Taxonomy" });
  return pageMetadata({ locale, title: t("fieldsTitle"), description: t("fieldsIntro"), alternates: sameParamsAlternates("/fields") });
}

export default async function FieldsPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Taxonomy" });
  const home = await getTranslations({ locale, namespace: "Home" });
  const counts = countBy(locale, (s) => s.field);
  const sorted = [...fields].sort((a, b) => compareText(a.name[locale], b.name[locale], locale));
  return (
    <SimplePage locale={locale} title={t("fieldsTitle")} intro={t("fieldsIntro")} alternates={sameParamsAlternates("/fields")}>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {sorted.map((f) => (
          <li key={f.slug}>
            <Link className="flex justify-between rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:shadow" href={localizedPath(locale, "/fields/[slug]", { slug: f.slug })}>
              <span className="font-semibold">{f.name[locale]}</span>
              <span className="text-sm text-stone-600">{home("storyCount", { count: counts.get(f.slug) ?? 0 })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </SimplePage>
  );
}
