import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { countBy } from "@/lib/content/stories";
import { movements } from "@/lib/content/taxonomies";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Taxonomy" });
  return pageMetadata({ locale, title: t("movementsTitle"), description: t("movementsIntro"), alternates: sameParamsAlternates("/movements") });
}

export default async function MovementsPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Taxonomy" });
  const home = await getTranslations({ locale, namespace: "Home" });
  const counts = countBy(locale, (s) => s.movement);
  return (
    <SimplePage locale={locale} title={t("movementsTitle")} intro={t("movementsIntro")} alternates={sameParamsAlternates("/movements")}>
      <ul className="grid gap-5 md:grid-cols-2">
        {movements.map((m) => (
          <li key={m.slug} className="rounded-lg border border-stone-200 border-l-8 bg-white p-5 shadow-sm" style={{ borderLeftColor: m.color }}>
            <h2 className="text-lg font-bold">
              <Link className="hover:text-brand-700 hover:underline" href={localizedPath(locale, "/movements/[slug]", { slug: m.slug })}>{m.name[locale]}</Link>
            </h2>
            <p className="mt-2 text-stone-700">{m.description[locale]}</p>
            <p className="mt-2 text-sm text-stone-600">{home("storyCount", { count: counts.get(m.slug) ?? 0 })}</p>
          </li>
        ))}
      </ul>
    </SimplePage>
  );
}
