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
import { SearchView, type SearchViewText, type SearchLabels } from "@/components/search-view";
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

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const query = await readQuery(locale, searchParams);
  const [result, t, results, pager, labels] = await Promise.all([
    searchSite(query),
    getTranslations({ locale, namespace: "SearchPage" }),
    getTranslations({ locale, namespace: "Results" }),
    getTranslations({ locale, namespace: "Pagination" }),
    labelsFor(locale),
  ]);
  const text: SearchViewText = {
    label: t("label"),
    placeholder: t("placeholder"),
    submit: t("submit"),
    countNone: t("countNone"),
    countOne: t.raw("countOne") as string,
    countOther: t.raw("countOther") as string,
    searching: t("searching"),
    degraded: t("degraded"),
    filters: t("filters"),
    clear: t.raw("clear") as string,
    clearAll: t("clearAll"),
    allLocales: t("allLocales"),
    facets: { locale: t("facetLocale"), movement: t("facetMovement"), province: t("facetProvince"), field: t("facetField"), year: t("facetYear"), kind: t("facetKind") },
    otherLocale: t("otherLocale"),
    emptyTitle: t("emptyTitle"),
    emptyHint: t("emptyHint"),
    suggestions: t.raw("suggestions") as string[],
    pagination: { nav: pager("label"), previous: pager("previous"), next: pager("next"), page: pager.raw("page") as string, of: pager.raw("of") as string },
    winners: {
      heading: results("searchHeading"),
      more: results.raw("searchMore") as string,
      tiers: { A: results("tierA"), B: results("tierB"), C: results("tierC"), encouragement: results("tierEncouragement") },
    },
  };
  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={alternatesFor(query)}>
      <SearchView key={storyQueryParams(query).toString()} locale={locale} action={localizedPath(locale, "/search")} initial={result} labels={labels} text={text} />
    </SimplePage>
  );
}
