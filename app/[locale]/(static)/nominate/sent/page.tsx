import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Nominate" });
  return { ...pageMetadata({ locale, title: t("sentTitle"), description: t("sentIntro"), alternates: sameParamsAlternates("/nominate/sent") }), robots: { index: false, follow: false } };
}

/** Where a sent nomination lands: the confirmation e-mail is on its way. */
export default async function NominationSentPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Nominate" });
  return (
    <SimplePage locale={locale} title={t("sentTitle")} intro={t("sentIntro")} alternates={sameParamsAlternates("/nominate/sent")}>
      <p className="max-w-3xl text-stone-700" role="status">
        {t("sentSpam")}
      </p>
    </SimplePage>
  );
}
