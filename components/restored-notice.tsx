"use client";
import { fill, type Strings } from "./portal/format";
import { formatTime } from "./use-autosave";

/** Says that a copy kept on this device was put back into the form, and offers to drop it (useAutosave's `restored`). */
export function RestoredNotice({ at, locale, t, onDiscard }: { at: Date; locale: string; t: Strings; onDiscard: () => void }) {
  return (
    <div data-testid="restored" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
      <p>{fill(t.restored, { time: formatTime(at, locale) })}</p>
      <button type="button" onClick={onDiscard} className="mt-2 text-sm font-semibold underline">
        {t.discardRestored}
      </button>
    </div>
  );
}
