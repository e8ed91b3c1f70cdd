import type { ReactNode } from "react";

/**
 * The end of a filter form on the secretariat's lists: apply, reset to the unfiltered list, and
 * whatever else the list offers (a CSV of the same rows). `className` spans it over the form's grid.
 */
export function FilterActions({ apply, reset, resetHref, className, children }: { apply: string; reset: string; resetHref: string; className: string; children?: ReactNode }) {
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {apply}
      </button>
      <a href={resetHref} className="font-semibold text-brand-700 underline">
        {reset}
      </a>
      {children}
    </div>
  );
}
