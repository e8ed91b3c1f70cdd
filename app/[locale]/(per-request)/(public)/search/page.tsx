import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { fields, movements, provinceDisplayName, provinceLabel, provincePages, currentUnitOf } from "@/lib/content/taxonomies";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { parseStoryQueryLeniently } from "@/lib/search/params";
import { searchSite } from "@/lib/search/winners";
import { storyQueryParams } from "@/lib/search/url";
import type { StoryQuery } from "@/lib/search/types";
import { SearchView, type SearchLabels } from "@/components/search-view";
import { ClientMessages } from "@/components/client-messages";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function readQuery(locale: Locale, searchParams: Props["searchParams"]): Promise<StoryQuery> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return parseStoryQueryLeniently(params, locale);
}

/** The same search on the other locale's page (without the locale choice, which is per page). */
function alternatesFor(query: StoryQuery) {
  const path = (l: Locale) => {
    const qs = storyQueryParams({ ...query, locale: l, page: 1 }, l).toString();
    return localizedPath(l, "/search") + (qs ? `?${qs}` : "");
  };
  return { vi: path("vi"), en: path("en") };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const query = await readQuery(locale, searchParams);
  const t = await getTranslations({ locale, namespace: "SearchPage" });
  const title = query.q ? t("resultsFor", { q: query.q }) : t("title");
  // Result pages are endless variations of the listings; only the listings belong in an index.
  return { ...pageMetadata({ locale, title, description: t("intro"), alternates: sameParamsAlternates("/search") }), robots: { index: false, follow: true } };
}

async function labelsFor(locale: Locale): Promise<SearchLabels> {
  const t = await getTranslations({ locale, namespace: "SearchPage" });
  const provinces = provincePages().map((p) => p.slug);
  return {
    movement: Object.fromEntries(movements.map((m) => [m.slug, m.shortName[locale]])),
    field: Object.fromEntries(fields.map((f) => [f.slug, f.name[locale]])),
    province: Object.fromEntries(provinces.map((slug) => [slug, provinceDisplayName(slug, locale)])),
    place: Object.fromEntries(provinces.map((slug) => [slug, provinceLabel(slug, locale)])),
    unitOf: Object.fromEntries(provinces.map((slug) => [slug, currentUnitOf(slug)?.slug ?? slug])),
    kind: { individual: t("kindIndividual"), collective: t("kindCollective") },
    locale: { vi: t("localeVi"), en: t("localeEn") },
  };
}

// What the search view reads in the browser: its own strings, the pager's and the prizes' names.
const SEARCH_MESSAGES = ["SearchPage", "Pagination", "Results.searchHeading", "Results.searchMore", "Results.tierA", "Results.tierB", "Results.tierC", "Results.tierEncouragement"];

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const query = await readQuery(locale, searchParams);
  const [result, t, labels] = await Promise.all([searchSite(query), getTranslations({ locale, namespace: "SearchPage" }), labelsFor(locale)]);
  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={alternatesFor(query)}>
      <ClientMessages locale={locale} namespaces={SEARCH_MESSAGES}>
        <SearchView key={storyQueryParams(query).toString()} locale={locale} action={localizedPath(locale, "/search")} initial={result} labels={labels} />
      </ClientMessages>
    </SimplePage>
  );
}
