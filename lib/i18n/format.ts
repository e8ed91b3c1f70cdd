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

const numberFormats: Record<Locale, Intl.NumberFormat> = { vi: new Intl.NumberFormat("vi-VN"), en: new Intl.NumberFormat("en-GB") };
const percentFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};

/** A count with the locale's separators: 1.234 (vi), 1,234 (en). */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}

/** A share from 0 to 1 as a percentage with at most one decimal: 71,4% (vi), 71.4% (en). */
export function formatPercent(share: number, locale: Locale): string {
  return percentFormats[locale].format(share);
}
