import { locales as localeList, defaultLocale as defaultLocaleValue } from "./routes";

export const locales = localeList as readonly ["vi", "en"];
export type Locale = (typeof locales)[number];
export const defaultLocale = defaultLocaleValue as Locale;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl and hreflang. */
export const localeTags: Record<Locale, string> = { vi: "vi-VN", en: "en" };
