import "server-only";
import { getMessages } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";

/** Sections of the Admin namespace as plain strings, for client components' props. */
export async function adminStrings(locale: Locale, ...sections: string[]): Promise<Record<string, string>> {
  const messages = (await getMessages({ locale })) as { Admin?: Record<string, Record<string, unknown>> };
  const out: Record<string, string> = {};
  for (const section of sections) for (const [key, value] of Object.entries(messages.Admin?.[section] ?? {})) if (typeof value === "string") out[key] = value;
  return out;
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** 82,5 in Vietnamese, 82.5 in English. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}
