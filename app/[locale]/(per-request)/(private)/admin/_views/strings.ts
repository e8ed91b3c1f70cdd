import "server-only";
import type { Locale } from "@/lib/i18n/config";

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** 82,5 in Vietnamese, 82.5 in English. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}
