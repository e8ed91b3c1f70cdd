import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { safeNextPath } from "@/lib/http/next-path";
import type { ContestWithCategories } from "@/lib/db/queries/contests";
import { typeLabel } from "@/lib/contest/rules";
import type { CategoryInfo } from "@/components/portal/entry-form";

export function categoryInfo(contest: ContestWithCategories, locale: Locale): CategoryInfo[] {
  return contest.categories.map((c) => ({
    code: c.code,
    name: c.name[locale],
    unit: c.unit,
    maxLength: c.maxLength,
    maxParts: c.maxParts,
    acceptedTypes: c.acceptedTypes,
    typeLabels: c.acceptedTypes.map(typeLabel).join(", "),
    maxFileBytes: c.maxFileBytes,
    maxFiles: c.maxFiles,
    requiresUrl: c.requiresUrl,
  }));
}

/** Where to go after signing in: only a path on this site, never another origin (lib/http/next-path.ts). */
export function safeNext(value: string | string[] | undefined, locale: Locale): string {
  return safeNextPath(value, localizedPath(locale, "/entries"));
}
