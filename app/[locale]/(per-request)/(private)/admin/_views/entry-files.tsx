import { getTranslations } from "next-intl/server";
import type { ReviewFile } from "@/lib/db/queries/secretariat";
import type { Locale } from "@/lib/i18n/config";

/**
 * An entry's files for the secretariat: the original to download, what cleaning removed from the
 * copy jurors receive, and a warning when an author's name is still readable in it.
 */
export async function EntryFiles({ locale, entryId, files }: { locale: Locale; entryId: string; files: ReviewFile[] }) {
  if (files.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "Admin.Files" });
  const what = (key: string) => {
    const path = `what.${key}` as Parameters<typeof t>[0];
    return t.has(path) ? t(path) : key;
  };
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return (
    <ul aria-label={t("label")} className="mt-2 space-y-2 text-sm" data-testid="entry-files">
      {files.map((f) => {
        // id3v1 and id3v2 read the same to a person: say it once.
        const removed = [...new Set((f.removedMetadata ?? []).map(what))];
        return (
          <li key={f.id} data-testid="entry-file">
            <a href={`/api/entries/${entryId}/attachments/${f.id}`} className="break-all font-semibold text-brand-700 underline">
              {t("original", { name: f.fileName })}
            </a>
            <span className="block text-stone-700">
              {f.removedMetadata === null ? t("notCleaned") : removed.length ? t("removed", { list: list.format(removed) }) : t("nothingRemoved")}
            </span>
            {f.bylineFound && f.bylineFound.length > 0 && (
              <span role="note" className="mt-1 block rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900" data-testid="byline-warning">
                {t("byline", { names: list.format(f.bylineFound) })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
