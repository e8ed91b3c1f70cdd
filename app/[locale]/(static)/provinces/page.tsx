import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { countBy } from "@/lib/content/stories";
import { provinceDisplayName, provincePageSlugs, sortedCurrentProvinces } from "@/lib/content/taxonomies";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Taxonomy" });
  return pageMetadata({ locale, title: t("provincesTitle"), description: t("provincesIntro"), alternates: sameParamsAlternates("/provinces") });
}

export default async function ProvincesPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Taxonomy" });
  const home = await getTranslations({ locale, namespace: "Home" });
  const counts = countBy(locale, (s) => provincePageSlugs(s.province));
  return (
    <SimplePage locale={locale} title={t("provincesTitle")} intro={t("provincesIntro")} alternates={sameParamsAlternates("/provinces")}>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sortedCurrentProvinces(locale).map((p) => {
          const formers = p.formedFrom.filter((f) => f !== p.slug);
          return (
            <li key={p.slug} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <h2 className="font-bold">
                <Link className="hover:text-brand-700 hover:underline" href={localizedPath(locale, "/provinces/[slug]", { slug: p.slug })}>{provinceDisplayName(p.slug, locale)}</Link>
              </h2>
              <p className="text-sm text-stone-600">{p.kind === "city" ? t("city") : t("province")} · {home("storyCount", { count: counts.get(p.slug) ?? 0 })}</p>
              {formers.length > 0 && (
                <p className="mt-2 text-sm">
                  {t("formerNames")}:{" "}
                  {formers.map((f, i) => (
                    <span key={f}>
                      {i > 0 && ", "}
                      <Link className="underline" href={localizedPath(locale, "/provinces/[slug]", { slug: f })}>{provinceDisplayName(f, locale)}</Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </SimplePage>
  );
}
