import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import type { ReceivedForm } from "./receive";
import { formValue } from "./http";

/** The editor's page of a nomination, where its forms come back to (with what was done, or the error). */
export function editorPage(locale: Locale, code: string, query: Record<string, string> = {}): string {
  const qs = new URLSearchParams(query).toString();
  return localizedPath(locale, "/editor/[code]", { code }) + (qs ? `?${qs}` : "");
}

/** The locale of the page a form was posted from (a hidden field), else the caller's. */
export function formLocale(form: ReceivedForm | null, fallback: Locale): Locale {
  const value = form ? formValue(form, "locale") : undefined;
  return value === "en" || value === "vi" ? value : fallback;
}
