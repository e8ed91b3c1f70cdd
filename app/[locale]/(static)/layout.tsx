import type { ReactNode } from "react";

// Pages in this group are prerendered at build time and served as files: stories, listings,
// taxonomy pages, about, home. They get the site-wide Content-Security-Policy of next.config.mjs
// and the proxy leaves them alone. A page here that reads the request (cookies, headers, the
// query string) fails the build instead of quietly becoming a page rendered per request: such a
// page belongs under (per-request).
export const dynamic = "error";

export default function StaticPagesLayout({ children }: { children: ReactNode }) {
  return children;
}
