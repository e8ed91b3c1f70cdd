import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { SiteHeader } from "@/components/site-header";

export default async function NotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "vi";
  const t = await getTranslations({ locale, namespace: "NotFound" });
  return (
    <>
      <SiteHeader locale={locale} alternates={{ vi: "/", en: "/en" }} />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center">
        <p className="text-6xl font-bold text-brand-700">404</p>
        <h1 className="mt-4 text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3 text-stone-700">{t("text")}</p>
        <p className="mt-8 flex justify-center gap-4">
          <Link className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white" href={localizedPath(locale, "/")}>{t("home")}</Link>
          <Link className="rounded-md border border-stone-300 px-4 py-2 font-semibold" href={localizedPath(locale, "/stories")}>{t("stories")}</Link>
        </p>
      </main>
    </>
  );
}
