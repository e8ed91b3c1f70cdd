import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import type { Alternates } from "@/lib/seo/metadata";
import type { Role } from "@/lib/contest/vocabulary";
import { SiteHeader } from "@/components/site-header";
import { Breadcrumbs } from "@/components/breadcrumbs";

type Props = {
  locale: Locale;
  title: string;
  intro?: string;
  alternates: Alternates;
  /** The signed-in caller's role, where the page knows it (the header links to their workspace). */
  role?: Role;
  /** Wider than the reading column (the jury room shows the work beside the sheet). */
  wide?: boolean;
  children: ReactNode;
};

/**
 * Header, breadcrumbs (home › title) and a titled main column: the frame of index and info pages.
 * A page whose forms read messages in the browser wraps its own children in ClientMessages: kept
 * out of this frame, no client component reaches the script-free public pages that share it.
 */
export async function SimplePage({ locale, title, intro, alternates, role, wide, children }: Props) {
  const nav = await getTranslations({ locale, namespace: "Nav" });
  return (
    <>
      <SiteHeader locale={locale} alternates={alternates} role={role} />
      <main id="main" className={`mx-auto w-full ${wide ? "max-w-[96rem]" : "max-w-6xl"} flex-1 px-4 py-6`}>
        <Breadcrumbs label={nav("breadcrumbs")} items={[{ href: localizedPath(locale, "/"), label: nav("home") }, { label: title }]} />
        <h1 className="mt-4 text-3xl font-bold leading-tight">{title}</h1>
        {intro && <p className="mt-3 max-w-3xl text-stone-700">{intro}</p>}
        <div className="mt-8">{children}</div>
      </main>
    </>
  );
}
