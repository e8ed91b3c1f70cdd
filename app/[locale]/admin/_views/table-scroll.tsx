import type { ReactNode } from "react";

/** A wide table scrolls sideways on a phone; the region takes focus so a keyboard can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      {children}
    </div>
  );
}

export const th = "border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold";
export const td = "border-b border-stone-200 px-3 py-2 align-top";
