import type { ReactNode } from "react";

// Pages in this group are rendered for each request: the contest page (its rules and window are
// data the secretariat keeps in the database), results (published without a rebuild), search
// (rendered from its query), and under (private) everything behind or leading to a sign-in.
// (public) holds the pages a search engine may index.
//
// Every page here is dynamic and takes any id, year or code in its path (they come from the
// database; the page answers 404 itself for an unknown one), and proxy.ts gives each response a
// Content-Security-Policy with a fresh nonce: next.config.mjs finds these pages by this folder
// (lib/page-groups.mjs).
export const dynamic = "force-dynamic";
export const dynamicParams = true;

export default function PerRequestPagesLayout({ children }: { children: ReactNode }) {
  return children;
}
