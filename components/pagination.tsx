import Link from "next/link";
import { pageWindow } from "@/lib/content/paginate";

type Props = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string; page: (n: number) => string };
};

export function Pagination({ page, pageCount, hrefFor, labels }: Props) {
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  return (
    <nav aria-label={labels.nav} className="no-print mt-10 flex flex-wrap items-center justify-center gap-2">
      {page > 1 && (
        <Link rel="prev" href={hrefFor(page - 1)} className="rounded-md border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100">
          {labels.previous}
        </Link>
      )}
      <ul className="flex flex-wrap gap-1">
        {pages.map((n, i) => (
          <li key={n ?? `gap-${i}`}>
            {n === null ? (
              <span aria-hidden="true" className="block px-2 py-2">…</span>
            ) : n === page ? (
              <span aria-current="page" className="block rounded-md bg-brand-700 px-3 py-2 font-semibold text-white">{n}</span>
            ) : (
              <Link href={hrefFor(n)} aria-label={labels.page(n)} className="block rounded-md border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100">
                {n}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount && (
        <Link rel="next" href={hrefFor(page + 1)} className="rounded-md border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100">
          {labels.next}
        </Link>
      )}
      <p className="sr-only">{labels.pageOf}</p>
    </nav>
  );
}
