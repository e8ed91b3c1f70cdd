// The portal's messages outside React (API errors, e-mails): the same JSON files the pages
// read through next-intl, so every string has one home.
import vi from "./messages/vi/portal.json";
import en from "./messages/en/portal.json";
import juryVi from "./messages/vi/jury.json";
import juryEn from "./messages/en/jury.json";
import adminVi from "./messages/vi/admin.json";
import adminEn from "./messages/en/admin.json";
import type { Locale } from "./config";
import type { MessageParams } from "@/lib/errors";

type Tree = { [key: string]: string | Tree };
const catalogs: Record<Locale, Tree> = { vi: vi as Tree, en: en as Tree };
// The jury's and the secretariat's API errors live with their areas' strings, under namespaces
// of their own (next-intl merges the files' top-level namespaces); "Errors.x" falls back to
// "JuryErrors.x", then "AdminErrors.x".
const juryCatalogs: Record<Locale, Tree> = { vi: juryVi as Tree, en: juryEn as Tree };
const adminCatalogs: Record<Locale, Tree> = { vi: adminVi as Tree, en: adminEn as Tree };

/** portalMessage("en", "Errors.deadlinePassed", { deadline }) – simple {name} arguments only. */
export function portalMessage(locale: Locale, key: string, params: MessageParams = {}): string {
  const node =
    lookup(catalogs[locale], key) ??
    lookup(juryCatalogs[locale], key.replace(/^Errors\./, "JuryErrors.")) ??
    lookup(adminCatalogs[locale], key.replace(/^Errors\./, "AdminErrors."));
  if (node === undefined) return key;
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function lookup(catalog: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = catalog;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
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
