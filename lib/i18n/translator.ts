import { createTranslator, IntlErrorCode } from "next-intl";
import type { Locale } from "./config";
import { messages } from "./messages";

export const timeZone = "Asia/Ho_Chi_Minh";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * next-intl's translator outside React (API errors, sign-in errors, e-mails, exports, images):
 * translator("en", "Errors")("deadlinePassed", { deadline }). The keys of API errors and e-mails
 * are built at run time (`Errors.${code}`), so this one takes any string key; a missing key
 * reads as "Namespace.key", as next-intl shows it in a page.
 */
export function translator(locale: Locale, namespace: string): Translate {
  const config = { locale, messages: messages[locale] as never, namespace: namespace as never, timeZone };
  const raw = createTranslator(config) as unknown as { raw: (key: string) => unknown };
  const t = createTranslator({
    ...config,
    // A message whose arguments were not all given reads as written rather than as its key.
    getMessageFallback: ({ key, namespace: ns, error }) => (error.code === IntlErrorCode.FORMATTING_ERROR ? String(raw.raw(key)) : `${ns}.${key}`),
  });
  return t as unknown as Translate;
}

/** The locale an API caller prefers: English when Accept-Language ranks it above Vietnamese. */
export function requestLocale(acceptLanguage: string | null): Locale {
  let best: { locale: Locale; q: number } = { locale: "vi", q: 0 };
  for (const part of (acceptLanguage ?? "").split(",")) {
    const [tag = "", ...rest] = part.trim().toLowerCase().split(";");
    const qParam = rest.find((p) => p.trim().startsWith("q="));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const locale = tag === "en" || tag.startsWith("en-") ? "en" : tag === "vi" || tag.startsWith("vi-") ? "vi" : null;
    if (locale && Number.isFinite(q) && q > best.q) best = { locale, q };
  }
  return best.locale;
}
