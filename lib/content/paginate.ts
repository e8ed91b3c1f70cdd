export const PAGE_SIZE = 12;

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

/** One page of a list; `page` is 1-based. Returns undefined for a page past the end. */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> | undefined {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { items: items.slice((page - 1) * size, page * size), page, pageCount, total: items.length };
}

/** Page numbers 2..n for generateStaticParams (page 1 is the listing's own URL). */
export function extraPageNumbers(total: number, size = PAGE_SIZE): string[] {
  const count = Math.ceil(total / size);
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => String(i + 2));
}

/** Parses a page segment strictly: "2" is 2; "02", "2x", "1" (page 1 has its own URL) are not. */
export function parsePageParam(value: string): number | undefined {
  if (!/^[1-9]\d*$/.test(value)) return undefined;
  const page = Number(value);
  return page >= 2 ? page : undefined;
}

/**
 * The page numbers a pager shows: first, last and two either side of the current page, with
 * `null` where a gap is elided, so 170 pages do not become 170 links.
 */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, pageCount]);
  for (let n = page - radius; n <= page + radius; n++) if (n >= 1 && n <= pageCount) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous > 1) out.push(null);
    out.push(n);
  });
  return out;
}
