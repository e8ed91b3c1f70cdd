"use client";
import type { IframeHTMLAttributes, ImgHTMLAttributes } from "react";
import { useHydrated } from "@/components/portal/format";

// The work's files are fetched only once the page has hydrated. A 20 MB PDF and three
// 12-megapixel photos otherwise take the two cores a juror's laptop or phone has while React is
// still attaching the score sheet: measured with `node bench/jury-room.mjs --variants
// full,no-pdf,no-photos`, either one alone held the sheet back by a few hundred milliseconds.
// The "open" link under each file works from the first paint.

/** An iframe whose document is requested after hydration. */
export function WorkFrame({ src, ...props }: IframeHTMLAttributes<HTMLIFrameElement> & { src: string }) {
  const hydrated = useHydrated();
  return <iframe {...props} src={hydrated ? src : undefined} />;
}

/** An image requested after hydration. */
export function WorkPhoto({ src, alt, ...props }: ImgHTMLAttributes<HTMLImageElement> & { src: string; alt: string }) {
  const hydrated = useHydrated();
  return <img {...props} alt={alt} src={hydrated ? src : undefined} />;
}
