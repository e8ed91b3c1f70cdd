import type { Metadata } from "next";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath, type RouteKey } from "@/lib/i18n/paths";
import { siteUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/translator";

/** Public paths of one page in each locale it exists in. */
export type Alternates = Partial<Record<Locale, string>>;

/** Alternates of a page whose params are the same in both locales (taxonomy, lists). */
export function sameParamsAlternates(route: RouteKey, params: Record<string, string | number> = {}): Alternates {
  return { vi: localizedPath("vi", route, params), en: localizedPath("en", route, params) };
}

export function absoluteUrl(path: string): string {
  return path.startsWith("http") ? path : `${siteUrl}${path}`;
}

type PageMetadataInput = {
  locale: Locale;
  title: string;
  description: string;
  alternates: Alternates;
  image?: { url: string; alt: string };
  type?: "website" | "article";
  publishedTime?: string;
};

/**
 * The RSS autodiscovery link of every page (`<link rel="alternate" type="application/rss+xml">`):
 * the feed in the page's language. Next.js replaces a layout's `alternates` with a page's, so each
 * page's metadata carries it again (pageMetadata) besides the layout's.
 */
export function feedAlternates(locale: Locale): NonNullable<Metadata["alternates"]>["types"] {
  return { "application/rss+xml": [{ url: absoluteUrl(localizedPath(locale, "/feed.xml")), title: `${translator(locale, "Site")("name")} – ${translator(locale, "Footer")("feed")}` }] };
}

/** Canonical URL, hreflang alternates, the feed, and Open Graph tags for one page. */
export function pageMetadata({ locale, title, description, alternates, image, type = "website", publishedTime }: PageMetadataInput): Metadata {
  const canonical = alternates[locale];
  const languages: Record<string, string> = {};
  if (alternates.vi) languages["vi-VN"] = absoluteUrl(alternates.vi);
  if (alternates.en) languages["en"] = absoluteUrl(alternates.en);
  if (alternates.vi) languages["x-default"] = absoluteUrl(alternates.vi);
  return {
    title,
    description,
    alternates: { canonical: canonical && absoluteUrl(canonical), languages, types: feedAlternates(locale) },
    openGraph: {
      title,
      description,
      type,
      locale: locale === "vi" ? "vi_VN" : "en_GB",
      url: canonical && absoluteUrl(canonical),
      siteName: "Lan Tỏa",
      ...(publishedTime ? { publishedTime } : {}),
      ...(image ? { images: [{ url: absoluteUrl(image.url), width: 1200, height: 630, alt: image.alt }] } : {}),
    },
    twitter: { card: image ? "summary_large_image" : "summary", title, description, ...(image ? { images: [absoluteUrl(image.url)] } : {}) },
  };
}
