import type { MetadataRoute } from "next";
import { locales } from "@/lib/i18n/config";
import { storiesIn, storyYears, translationOf } from "@/lib/content/stories";
import { fields, movements, provincePages } from "@/lib/content/taxonomies";
import { KIND_SLUGS } from "@/lib/content/kinds";
import { absoluteUrl, sameParamsAlternates, type Alternates } from "@/lib/seo/metadata";
import type { RouteKey } from "@/lib/i18n/paths";
import { getDb } from "@/lib/db/client";
import { publishedResults, publishedResultYears } from "@/lib/db/queries/results";
import { componentLogger } from "@/lib/log";

// Published contest results come from the database, so the sitemap is made per request (it is
// small); stories and taxonomies still come from the build.
export const dynamic = "force-dynamic";

/** Each published year's results page and its winners' pages; none while the database is away. */
async function resultPages(): Promise<[RouteKey, Record<string, string>][]> {
  try {
    const db = await getDb();
    const pages: [RouteKey, Record<string, string>][] = [];
    for (const year of await publishedResultYears(db)) {
      pages.push(["/results/[year]", { year: String(year) }]);
      const results = await publishedResults(db, year);
      for (const prize of results?.categories.flatMap((c) => c.prizes) ?? []) {
        if (prize.entry.code) pages.push(["/results/[year]/[code]", { year: String(year), code: prize.entry.code }]);
      }
    }
    return pages;
  } catch (error) {
    componentLogger("sitemap").warn({ err: error }, "published results left out of the sitemap");
    return [];
  }
}

function entry(alternates: Alternates, lastModified?: string): MetadataRoute.Sitemap {
  const languages: Record<string, string> = {};
  if (alternates.vi) languages["vi-VN"] = absoluteUrl(alternates.vi);
  if (alternates.en) languages["en"] = absoluteUrl(alternates.en);
  return Object.values(alternates).map((path) => ({
    url: absoluteUrl(path),
    ...(lastModified ? { lastModified } : {}),
    alternates: { languages },
  }));
}

// Every public page in both locales, each with its hreflang alternates.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const pages: [RouteKey, Record<string, string>][] = [
    ["/", {}], ["/stories", {}], ["/movements", {}], ["/provinces", {}], ["/fields", {}], ["/about", {}], ["/contest", {}], ["/statistics", {}], ["/statistics/contest", {}],
    ...movements.map((m): [RouteKey, Record<string, string>] => ["/movements/[slug]", { slug: m.slug }]),
    ...provincePages().map((p): [RouteKey, Record<string, string>] => ["/provinces/[slug]", { slug: p.slug }]),
    ...fields.map((f): [RouteKey, Record<string, string>] => ["/fields/[slug]", { slug: f.slug }]),
    ...Object.values(KIND_SLUGS).map((kind): [RouteKey, Record<string, string>] => ["/kinds/[kind]", { kind }]),
    ...[...new Set(locales.flatMap((l) => storyYears(l)))].map((year): [RouteKey, Record<string, string>] => ["/years/[year]", { year: String(year) }]),
    ...(await resultPages()),
  ];
  const seen = new Set<string>();
  const stories = locales.flatMap((locale) =>
    storiesIn(locale).flatMap((story) => {
      if (seen.has(story.translationKey)) return [];
      seen.add(story.translationKey);
      const alternates: Alternates = {};
      for (const l of locales) {
        const version = translationOf(story, l);
        if (version) alternates[l] = version.url;
      }
      return entry(alternates, story.publishedAt.slice(0, 10));
    }),
  );
  return [...pages.flatMap(([route, params]) => entry(sameParamsAlternates(route, params))), ...stories];
}
