import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Caller } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath, type RouteKey } from "@/lib/i18n/paths";
import type { Alternates } from "@/lib/seo/metadata";
import { ClientMessages } from "@/components/client-messages";
import { SiteHeader } from "@/components/site-header";
import { Breadcrumbs, type Crumb } from "@/components/breadcrumbs";
import { SignedInBar } from "@/app/[locale]/_views/signed-in-bar";
import { NeedsScript } from "@/components/needs-script";

export const SECTIONS = [
  { route: "/admin", key: "overview" },
  { route: "/admin/entries", key: "entries" },
  { route: "/admin/rounds", key: "rounds" },
  { route: "/admin/prizes", key: "prizes" },
  { route: "/admin/messages", key: "messages" },
  { route: "/admin/accounts", key: "accounts" },
  { route: "/admin/audit", key: "audit" },
  { route: "/admin/exports", key: "exports" },
] as const satisfies readonly { route: RouteKey; key: string }[];

export type Section = (typeof SECTIONS)[number]["route"];

type Props = {
  locale: Locale;
  caller: Caller;
  section: Section;
  title: string;
  intro?: string;
  alternates: Alternates;
  /** Crumbs between the workspace and this page (a round's page sits under the rounds). */
  trail?: Crumb[];
  /** Sections of Admin the page's forms read besides Admin.Common ("AccountForm"), sent to the browser with them. */
  forms?: string[];
  children: ReactNode;
};

/** The frame of every secretariat page: header, breadcrumbs, the workspace's sections, the title. */
export async function AdminPage({ locale, caller, section, title, intro, alternates, trail = [], forms = [], children }: Props) {
  const nav = await getTranslations({ locale, namespace: "Nav" });
  const t = await getTranslations({ locale, namespace: "Admin.Nav" });
  const home = localizedPath(locale, "/admin");
  const crumbs: Crumb[] = [{ href: localizedPath(locale, "/"), label: nav("home") }, ...(section === "/admin" && trail.length === 0 ? [] : [{ href: home, label: t("workspace") }]), ...trail, { label: title }];
  return (
    <>
      <SiteHeader locale={locale} alternates={alternates} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <Breadcrumbs label={nav("breadcrumbs")} items={crumbs} />
        <SignedInBar locale={locale} name={caller.name} className="mt-3" />
        <NeedsScript text={t("needsScript")} />
        <nav aria-label={t("label")} className="no-print mt-4 border-b border-stone-200">
          <ul className="flex gap-1 relative overflow-x-auto text-sm font-semibold">
            {SECTIONS.map((s) => {
              const current = s.route === section;
              return (
                <li key={s.route}>
                  <Link
                    href={localizedPath(locale, s.route)}
                    aria-current={current ? "page" : undefined}
                    className={`block whitespace-nowrap border-b-4 px-3 py-2 ${current ? "border-brand-700 text-brand-800" : "border-transparent text-stone-800 hover:text-brand-700"}`}
                  >
                    {t(s.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <h1 className="mt-6 text-3xl font-bold leading-tight">{title}</h1>
        {intro && <p className="mt-3 max-w-3xl text-stone-700">{intro}</p>}
        <div className="mt-6">
          <ClientMessages locale={locale} namespaces={["Admin.Common", ...forms.map((f) => `Admin.${f}`)]}>
            {children}
          </ClientMessages>
        </div>
      </main>
    </>
  );
}
