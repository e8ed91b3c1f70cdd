import type { Metadata } from "next";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath, type RouteKey } from "@/lib/i18n/paths";
import { siteUrl } from "@/lib/env";

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

/** Canonical URL, hreflang alternates and Open Graph tags for one page. */
export function pageMetadata({ locale, title, description, alternates, image, type = "website", publishedTime }: PageMetadataInput): Metadata {
  const canonical = alternates[locale];
  const languages: Record<string, string> = {};
  if (alternates.vi) languages["vi-VN"] = absoluteUrl(alternates.vi);
  if (alternates.en) languages["en"] = absoluteUrl(alternates.en);
  if (alternates.vi) languages["x-default"] = absoluteUrl(alternates.vi);
  return {
    title,
    description,
    alternates: { canonical: canonical && absoluteUrl(canonical), languages },
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
