// The one set of formats for people: every date, time, number and size on a page, in an e-mail
// or in an API message goes through these, so Vietnamese reads dd/mm/yyyy with "1.234,5" and
// English reads "5 December 2026" with "1,234.5", always in Vietnam's time zone. Pure Intl: safe
// in server code, client components and e-mails alike.
import type { Locale } from "./config";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const tags: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const asLocale = (locale: string): Locale => (locale === "en" ? "en" : "vi");

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  // dd/mm/yyyy, as Vietnamese readers write dates.
  vi: new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE }),
};

const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }),
};

const secondsFormats: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }),
};

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date ("2026-12-05") is that day in Vietnam, not midnight UTC. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(CALENDAR_DATE.test(value) ? `${value}T00:00:00+07:00` : value);
}

/** "05/12/2026" in Vietnamese, "5 December 2026" in English. */
export function formatDate(value: string | Date, locale: Locale | string): string {
  return dateFormats[asLocale(locale)].format(toDate(value));
}

/** "23:59" (with seconds when asked: "23:59:07"), in Vietnam time. */
export function formatTime(value: string | Date, locale: Locale | string, { seconds = false } = {}): string {
  return (seconds ? secondsFormats : timeFormats)[asLocale(locale)].format(toDate(value));
}

/** "23:59 ngày 30/11/2026 (giờ Việt Nam)" / "30 November 2026 at 23:59 (Vietnam time)": a deadline as every reader reads it. */
export function formatDateTime(value: string | Date, locale: Locale | string, { seconds = false } = {}): string {
  const at = toDate(value);
  const time = formatTime(at, locale, { seconds });
  return asLocale(locale) === "vi" ? `${time} ngày ${formatDate(at, "vi")} (giờ Việt Nam)` : `${formatDate(at, "en")} at ${time} (Vietnam time)`;
}

/** "dd/mm/yyyy hh:mm" in both languages, for dense tables (audit log) where a sentence would not fit. */
export function formatDateTimeShort(value: string | Date, locale: Locale | string, { seconds = false } = {}): string {
  const at = toDate(value);
  return `${dateFormats.vi.format(at)} ${formatTime(at, locale, { seconds })}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * "5.000" and "82,5" in Vietnamese, "5,000" and "82.5" in English. Without grouping ("1000,5"),
 * for numbers a person types back, such as scores.
 */
export function formatNumber(value: number, locale: Locale | string, { maximumFractionDigits = 2, grouping = true } = {}): string {
  const key = `${asLocale(locale)}:${maximumFractionDigits}:${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tags[asLocale(locale)], { maximumFractionDigits, useGrouping: grouping });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A file size: "1,5 MB", "1.024 MB", "300 KB" (binary units, as file pickers show them). */
export function formatSize(bytes: number, locale: Locale | string): string {
  const mb = bytes / 1024 / 1024;
  if (bytes >= 1024 * 1024) return `${formatNumber(mb, locale, { maximumFractionDigits: mb >= 10 ? 0 : 1 })} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

/**
 * The parameters of a message made readable: a calendar date ("2026-10-01") or an instant
 * ("2026-11-30T16:59:00.000Z") becomes a date or date-time of the locale, a number named
 * "…Bytes" a file size ("1.024 MB"). Other numbers are left as
 * numbers: messages format them with `{max, number}`, and a year must not read "2.026".
 */
export function localizeParams<P extends Record<string, string | number>>(params: P, locale: Locale | string): P {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && CALENDAR_DATE.test(value)) out[key] = formatDate(value, locale);
    else if (typeof value === "string" && INSTANT.test(value)) out[key] = formatDateTime(value, locale);
    else if (typeof value === "number" && key.endsWith("Bytes")) out[key] = formatSize(value, locale);
    else out[key] = value;
  }
  return out as P;
}

const collators: Record<Locale, Intl.Collator> = {
  vi: new Intl.Collator("vi"),
  en: new Intl.Collator("en"),
};

/** Compare two strings as a reader of the locale sorts them (Vietnamese order for vi). */
export function compareText(a: string, b: string, locale: Locale = "vi"): number {
  return collators[locale].compare(a, b);
}

const percentFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};

/** A share from 0 to 1 as a percentage with at most one decimal: 71,4% (vi), 71.4% (en). */
export function formatPercent(share: number, locale: Locale): string {
  return percentFormats[locale].format(share);
}
