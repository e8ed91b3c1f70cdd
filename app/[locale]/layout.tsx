import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, locales } from "@/lib/i18n/config";
import { siteUrl } from "@/lib/env";
import { feedAlternates } from "@/lib/seo/metadata";
import { SiteFooter } from "@/components/site-footer";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

// Not `dynamicParams = false` here: it would hold for every page below, and a story published
// after the build must render on its first request. An unknown locale is a 404 below.

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "vi", namespace: "Site" });
  return {
    metadataBase: new URL(siteUrl),
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
    alternates: { types: feedAlternates(isLocale(locale) ? locale : "vi") },
  };
}

export const viewport: Viewport = { themeColor: "#b4231b", width: "device-width", initialScale: 1 };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Nav" });
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-700 focus:shadow">
          {t("skip")}
        </a>
        {children}
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
