import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };
const SECTIONS = ["why", "movements", "provinces", "illustrative", "contact"] as const;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "About" });
  return pageMetadata({ locale, title: t("title"), description: t("intro"), alternates: sameParamsAlternates("/about") });
}

export default async function AboutPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "About" });
  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/about")}>
      <div className="prose prose-stone max-w-3xl">
        {SECTIONS.map((key) => (
          <section key={key} id={key}>
            <h2>{t(`${key}Title`)}</h2>
            <p>{t(key)}</p>
          </section>
        ))}
      </div>
    </SimplePage>
  );
}
