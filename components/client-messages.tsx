import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { timeZone } from "@/lib/i18n/translator";

type Tree = { [key: string]: string | Tree };

/**
 * The messages a page's client components read with useTranslations: only the namespaces named
 * here ("EntryForm", "Admin.Common") are sent to the browser, not the whole catalogue.
 */
export function ClientMessages({ locale, namespaces, children }: { locale: Locale; namespaces: string[]; children: ReactNode }) {
  const picked: Tree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: Tree | string | undefined = messages[locale] as unknown as Tree;
    let into = picked;
    path.forEach((part, i) => {
      from = typeof from === "object" ? from[part] : undefined;
      if (i === path.length - 1) {
        if (from !== undefined) into[part] = from;
      } else into = (into[part] ??= {}) as Tree;
    });
  }
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={picked}>
      {children}
    </NextIntlClientProvider>
  );
}
