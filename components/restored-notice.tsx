"use client";
import { useTranslations } from "next-intl";
import { formatSaveTime, type AutosaveNamespace } from "./use-autosave";

/** Says that a copy kept on this device was put back into the form, and offers to drop it (useAutosave's `restored`). */
export function RestoredNotice({ at, locale, namespace, onDiscard }: { at: Date; locale: string; namespace: AutosaveNamespace; onDiscard: () => void }) {
  const t = useTranslations(namespace);
  return (
    <div data-testid="restored" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
      <p>{t("restored", { time: formatSaveTime(at, locale) })}</p>
      <button type="button" onClick={onDiscard} className="mt-2 text-sm font-semibold underline">
        {t("discardRestored")}
      </button>
    </div>
  );
}
