import type { Metadata } from "next";
import type { ReactNode } from "react";

// Sign-in, sign-up, the account's own pages, the journalist portal, the juror workspace and the
// secretariat: never indexed, and their links never followed by a search engine.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function PrivatePagesLayout({ children }: { children: ReactNode }) {
  return children;
}
