import type { Locale } from "./config";

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  // dd/mm/yyyy, as Vietnamese readers write dates.
  vi: new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }),
};

export function formatDate(value: string | Date, locale: Locale): string {
  return dateFormats[locale].format(typeof value === "string" ? new Date(value) : value);
}

const collators: Record<Locale, Intl.Collator> = {
  vi: new Intl.Collator("vi"),
  en: new Intl.Collator("en"),
};

/** Compare two strings as a reader of the locale sorts them (Vietnamese order for vi). */
export function compareText(a: string, b: string, locale: Locale = "vi"): number {
  return collators[locale].compare(a, b);
}
