import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import type { Alternates } from "@/lib/seo/metadata";
import type { Role } from "@/lib/contest/vocabulary";

// role: the signed-in caller's, on pages rendered per request that know it (a juror gets a link
// to the jury room); prerendered pages never read the session and pass none.
type Props = { locale: Locale; alternates: Alternates; role?: Role };

// No client JavaScript: the search box is a GET form and the locale switch a plain link to
// the same page in the other language (or that language's home when it has no translation).
export async function SiteHeader({ locale, alternates, role }: Props) {
  const t = await getTranslations({ locale, namespace: "Nav" });
  const other: Locale = locale === "vi" ? "en" : "vi";
  const switchHref = alternates[other] ?? localizedPath(other, "/");
  const nav = [
    { href: localizedPath(locale, "/stories"), label: t("stories") },
    { href: localizedPath(locale, "/movements"), label: t("movements") },
    { href: localizedPath(locale, "/provinces"), label: t("provinces") },
    { href: localizedPath(locale, "/fields"), label: t("fields") },
    { href: localizedPath(locale, "/statistics"), label: t("statistics") },
    { href: localizedPath(locale, "/contest"), label: t("contest") },
    { href: localizedPath(locale, "/entries"), label: t("portal") },
    { href: localizedPath(locale, "/about"), label: t("about") },
  ];
  if (role === "juror") nav.unshift({ href: localizedPath(locale, "/jury"), label: t("juryRoom") });
  return (
    <header className="no-print border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href={localizedPath(locale, "/")} className="text-xl font-bold text-brand-700">
          Lan Tỏa
        </Link>
        <form action={localizedPath(locale, "/search")} method="get" role="search" className="order-3 flex w-full gap-2 sm:order-none sm:w-auto sm:flex-1">
          <label htmlFor="site-search" className="sr-only">
            {t("searchLabel")}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder={t("searchPlaceholder")}
            className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2 text-base"
          />
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("searchSubmit")}
          </button>
        </form>
        <a href={switchHref} hrefLang={other} lang={other} aria-label={t("switchLocaleLabel")} className="ml-auto rounded-md border border-stone-300 px-3 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-100 sm:ml-0">
          {t("switchLocale")}
        </a>
      </div>
      <nav aria-label={t("main")} className="border-t border-stone-100">
        {/* Wraps rather than scrolls: every item stays in sight on a phone. */}
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 text-sm font-semibold">
          {nav.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block whitespace-nowrap px-3 py-2 text-stone-800 hover:text-brand-700 sm:py-3">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
