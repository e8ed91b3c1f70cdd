import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways on a phone; the region takes focus so a keyboard can scroll it too.
 * `relative` makes it the containing block of the screen-reader-only text in its cells (absolutely
 * positioned): otherwise that text sits outside the scroller, widens the page, and a phone lays the
 * whole page out at twice its width.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mt-3 relative overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      {children}
    </div>
  );
}

export const th = "border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold";
export const td = "border-b border-stone-200 px-3 py-2 align-top";

/** A column heading; `numeric` aligns it right, over right-aligned figures. False leaves the column out. */
export type ColumnHead = string | { label: string; numeric: true } | false;

/**
 * The secretariat's tables: scrolling region, caption for screen readers (the same label),
 * one header row, and the rows given as children. `className` sets the minimum width
 * (a complete Tailwind class, so the build finds it).
 */
export function DataTable({ label, className, testId, columns, children }: { label: string; className: string; testId?: string; columns: ColumnHead[]; children: ReactNode }) {
  return (
    <TableScroll label={label}>
      <table className={`w-full border-collapse ${className}`} data-testid={testId}>
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            {columns.map((c, i) =>
              c === false ? null : (
                <th key={i} scope="col" className={typeof c === "string" ? th : `${th} text-right`}>
                  {typeof c === "string" ? c : c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
