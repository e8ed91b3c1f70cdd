import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, locales, type Locale } from "@/lib/i18n/config";
import { localizedPath, pagedPath, type RouteKey } from "@/lib/i18n/paths";
import { filterStories, prerenderedCount, prerenderedStories, storyYears, type StoryFilter } from "@/lib/content/stories";
import { extraPageNumbers, paginate, parsePageParam } from "@/lib/content/paginate";
import { fields, getCurrentProvince, getField, getFormerProvince, getMovement, movements, provinceDisplayName, provinceLabel, provincePages } from "@/lib/content/taxonomies";
import { KIND_SLUGS, kindFromSlug } from "@/lib/content/kinds";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { movementImagePath } from "@/lib/og/paths";
import { SiteHeader } from "@/components/site-header";
import { Breadcrumbs, type Crumb } from "@/components/breadcrumbs";
import { StoryGrid } from "@/components/story-card";
import { Pagination } from "@/components/pagination";
import { FilterPanel } from "@/components/filter-panel";
import Link from "next/link";

type Heading = { title: string; intro?: string; crumbs: Crumb[]; extra?: React.ReactNode };

/** One kind of story listing: which values it has and how each is filtered and titled. */
type ListingSpec = {
  route: RouteKey;
  param?: "slug" | "year" | "kind";
  values: (locale: Locale) => string[];
  filter: (value: string) => StoryFilter | undefined;
  heading: (locale: Locale, value: string) => Promise<Heading>;
  /** The listing's own preview image, when it has one. */
  image?: (locale: Locale, value: string) => string;
};

type Params = { locale: string; slug?: string; year?: string; kind?: string; page?: string };

async function navCrumbs(locale: Locale, section?: { route: RouteKey; key: "stories" | "movements" | "provinces" | "fields" }) {
  const t = await getTranslations({ locale, namespace: "Nav" });
  const crumbs: Crumb[] = [{ href: localizedPath(locale, "/"), label: t("home") }];
  if (section) crumbs.push({ href: localizedPath(locale, section.route), label: t(section.key) });
  return crumbs;
}

/** Builds the three exports of a listing route: static params, metadata and the page. */
export function listingRoute(spec: ListingSpec, paged: boolean) {
  const resolve = async (params: Promise<Params>) => {
    const p = await params;
    if (!isLocale(p.locale)) notFound();
    const locale = p.locale;
    const value = spec.param ? p[spec.param] : "";
    if (value === undefined) notFound();
    const filter = spec.filter(value);
    if (!filter) notFound();
    const page = paged ? parsePageParam(p.page ?? "") : 1;
    if (page === undefined) notFound();
    const result = paginate(filterStories(locale, filter), page);
    if (!result) notFound();
    const routeParams = spec.param ? { [spec.param]: value } : {};
    return { locale, value, result, routeParams };
  };

  async function generateStaticParams() {
    return locales.flatMap((locale) =>
      spec.values(locale).flatMap((value) => {
        const base = { locale, ...(spec.param ? { [spec.param]: value } : {}) };
        if (!paged) return [base];
        const filter = spec.filter(value);
        // Only the pages that show a prerendered story; deeper ones, like older stories, wait for
        // their first request (PRERENDERED_STORIES).
        const shown = filter ? prerenderedCount(filterStories(locale, filter), prerenderedStories(locale)) : 0;
        return extraPageNumbers(shown).map((page) => ({ ...base, page }));
      }),
    );
  }

  async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
    const { locale, value, result, routeParams } = await resolve(params);
    const heading = await spec.heading(locale, value);
    const t = await getTranslations({ locale, namespace: "Stories" });
    const title = result.page > 1 ? t("pageTitle", { title: heading.title, page: result.page }) : heading.title;
    const alternates = result.page > 1
      ? { vi: pagedPath("vi", spec.route, routeParams, result.page), en: pagedPath("en", spec.route, routeParams, result.page) }
      : sameParamsAlternates(spec.route, routeParams);
    const image = spec.image ? { url: spec.image(locale, value), alt: heading.title } : undefined;
    return pageMetadata({ locale, title, description: heading.intro ?? title, alternates, image });
  }

  async function ListingPage({ params }: { params: Promise<Params> }) {
    const { locale, value, result, routeParams } = await resolve(params);
    setRequestLocale(locale);
    const heading = await spec.heading(locale, value);
    const t = await getTranslations({ locale, namespace: "Stories" });
    const pager = await getTranslations({ locale, namespace: "Pagination" });
    const nav = await getTranslations({ locale, namespace: "Nav" });
    const currentPath = localizedPath(locale, spec.route, routeParams);
    const alternates = { vi: pagedPath("vi", spec.route, routeParams, result.page), en: pagedPath("en", spec.route, routeParams, result.page) };
    return (
      <>
        <SiteHeader locale={locale} alternates={alternates} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          <Breadcrumbs label={nav("breadcrumbs")} items={[...heading.crumbs, { label: heading.title }]} />
          <div className="mt-4 grid gap-8 lg:grid-cols-[1fr_16rem]">
            <div>
              <h1 className="text-3xl font-bold leading-tight">{heading.title}</h1>
              {heading.intro && <p className="mt-3 max-w-3xl text-stone-700">{heading.intro}</p>}
              {heading.extra}
              <p className="mt-4 text-sm text-stone-600" aria-live="polite">
                {t("count", { count: result.total })}
                {result.pageCount > 1 && ` · ${pager("of", { page: result.page, count: result.pageCount })}`}
              </p>
              {/* On a phone the filters come before the results, folded; from lg on they are the sidebar. */}
              <div className="mt-4 lg:hidden">
                <FilterPanel locale={locale} currentPath={currentPath} collapsible idPrefix="phone-" />
              </div>
              <div className="mt-6">
                {result.items.length > 0 ? <StoryGrid stories={result.items} locale={locale} headingLevel="h2" eagerCount={2} /> : <p>{t("empty")}</p>}
              </div>
              <Pagination
                page={result.page}
                pageCount={result.pageCount}
                hrefFor={(n) => pagedPath(locale, spec.route, routeParams, n)}
                labels={{ nav: pager("label"), previous: pager("previous"), next: pager("next"), pageOf: pager("of", { page: result.page, count: result.pageCount }), page: (n) => pager("page", { page: n }) }}
              />
            </div>
            <div className="hidden lg:block">
              <FilterPanel locale={locale} currentPath={currentPath} />
            </div>
          </div>
        </main>
      </>
    );
  }

  return { generateStaticParams, generateMetadata, ListingPage };
}

// The listings of the site, one spec each.

export const allStoriesListing: ListingSpec = {
  route: "/stories",
  values: () => [""],
  filter: () => ({ kind: "all" }),
  heading: async (locale) => {
    const t = await getTranslations({ locale, namespace: "Stories" });
    return { title: t("title"), intro: t("intro"), crumbs: await navCrumbs(locale) };
  },
};

export const movementListing: ListingSpec = {
  route: "/movements/[slug]",
  param: "slug",
  values: () => movements.map((m) => m.slug),
  filter: (slug) => (getMovement(slug) ? { kind: "movement", slug } : undefined),
  heading: async (locale, slug) => {
    const m = getMovement(slug)!;
    return { title: m.name[locale], intro: m.description[locale], crumbs: await navCrumbs(locale, { route: "/movements", key: "movements" }) };
  },
  image: movementImagePath,
};

export const provinceListing: ListingSpec = {
  route: "/provinces/[slug]",
  param: "slug",
  values: () => provincePages().map((p) => p.slug),
  filter: (slug) => (getCurrentProvince(slug) || getFormerProvince(slug) ? { kind: "province", slug } : undefined),
  heading: async (locale, slug) => {
    const t = await getTranslations({ locale, namespace: "Taxonomy" });
    const current = getCurrentProvince(slug);
    const crumbs = await navCrumbs(locale, { route: "/provinces", key: "provinces" });
    if (current) {
      const formers = current.formedFrom.filter((f) => f !== slug || current.formedFrom.length > 1).map((f) => provinceDisplayName(f, locale));
      const merged = current.formedFrom.length > 1 || current.formedFrom[0] !== slug;
      return {
        title: provinceDisplayName(slug, locale),
        intro: `${current.kind === "city" ? t("city") : t("province")}${merged ? ` · ${t("formedFrom", { names: formers.join(", ") })}` : ""}`,
        crumbs,
        extra: merged ? (
          <p className="mt-2 text-sm">
            {t("formerNames")}:{" "}
            {current.formedFrom.filter((f) => f !== slug).map((f, i) => (
              <span key={f}>
                {i > 0 && ", "}
                <Link className="underline" href={localizedPath(locale, "/provinces/[slug]", { slug: f })}>{provinceDisplayName(f, locale)}</Link>
              </span>
            ))}
          </p>
        ) : undefined,
      };
    }
    const former = getFormerProvince(slug)!;
    return {
      title: provinceLabel(slug, locale),
      crumbs,
      extra: (
        <p className="mt-2 text-sm">
          <Link className="underline" href={localizedPath(locale, "/provinces/[slug]", { slug: former.current })}>
            {t("nowPartOf", { name: provinceDisplayName(former.current, locale) })}
          </Link>
        </p>
      ),
    };
  },
};

export const fieldListing: ListingSpec = {
  route: "/fields/[slug]",
  param: "slug",
  values: () => fields.map((f) => f.slug),
  filter: (slug) => (getField(slug) ? { kind: "field", slug } : undefined),
  heading: async (locale, slug) => ({ title: getField(slug)!.name[locale], crumbs: await navCrumbs(locale, { route: "/fields", key: "fields" }) }),
};

export const yearListing: ListingSpec = {
  route: "/years/[year]",
  param: "year",
  values: (locale) => storyYears(locale).map(String),
  filter: (year) => (/^\d{4}$/.test(year) ? { kind: "year", year: Number(year) } : undefined),
  heading: async (locale, year) => {
    const t = await getTranslations({ locale, namespace: "Stories" });
    return { title: t("byYear", { year }), crumbs: await navCrumbs(locale, { route: "/stories", key: "stories" }) };
  },
};

export const kindListing: ListingSpec = {
  route: "/kinds/[kind]",
  param: "kind",
  values: () => Object.values(KIND_SLUGS),
  filter: (slug) => {
    const value = kindFromSlug(slug);
    return value ? { kind: "subjectKind", value } : undefined;
  },
  heading: async (locale, slug) => {
    const t = await getTranslations({ locale, namespace: "Stories" });
    const kinds = await getTranslations({ locale, namespace: "Kinds" });
    return { title: t("byKind", { kind: kinds(kindFromSlug(slug)!).toLocaleLowerCase(locale) }), crumbs: await navCrumbs(locale, { route: "/stories", key: "stories" }) };
  },
};
