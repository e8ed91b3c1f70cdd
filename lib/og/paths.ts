import type { Locale } from "@/lib/i18n/config";

// Preview images are prerendered PNGs at fixed paths, outside the localized page URLs.
export const storyImagePath = (locale: Locale, slug: string) => `/og/${locale}/story/${slug}`;
export const movementImagePath = (locale: Locale, slug: string) => `/og/${locale}/movement/${slug}`;
