import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Footer" });
  const nav = await getTranslations({ locale, namespace: "Nav" });
  return (
    <footer className="no-print mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-stone-700 sm:grid-cols-2">
        <div>
          <p className="font-bold text-brand-700">Lan Tỏa</p>
          <p className="mt-2">{t("about")}</p>
          <p className="mt-2 italic">{t("illustrative")}</p>
        </div>
        <ul className="flex flex-wrap content-start gap-x-5 gap-y-2">
          <li><Link className="underline" href={localizedPath(locale, "/about")}>{nav("about")}</Link></li>
          <li><Link className="underline" href={localizedPath(locale, "/contest")}>{nav("contest")}</Link></li>
          <li><Link className="underline" href={localizedPath(locale, "/statistics")}>{nav("statistics")}</Link></li>
          <li><a className="underline" href={localizedPath(locale, "/feed.xml")}>{t("feed")}</a></li>
          <li><a className="underline" href="/sitemap.xml">{t("sitemap")}</a></li>
        </ul>
      </div>
    </footer>
  );
}
