import { allStories, type Story } from "contentlayer/generated";
import type { Locale } from "@/lib/i18n/config";
import { compareText } from "@/lib/i18n/format";
import { provincePageSlugs } from "./taxonomies";

export type { Story };

export type StoryFilter =
  | { kind: "all" }
  | { kind: "movement"; slug: string }
  | { kind: "province"; slug: string }
  | { kind: "field"; slug: string }
  | { kind: "year"; year: number }
  | { kind: "subjectKind"; value: "individual" | "collective" };

// Newest first; equal dates in Vietnamese title order, so listings are stable.
function byNewest(a: Story, b: Story): number {
  return b.publishedAt.localeCompare(a.publishedAt) || compareText(a.title, b.title, a.locale as Locale);
}

/**
 * Every story the site shows: drafts (`draft: true`) are left out here, once, so no page, listing,
 * feed, sitemap, image or search index can reach one. Nothing else reads allStories.
 */
export const publishedStories: readonly Story[] = allStories.filter((s) => !s.draft);

const byLocale = new Map<Locale, Story[]>();
for (const story of [...publishedStories].sort(byNewest)) {
  const locale = story.locale as Locale;
  const list = byLocale.get(locale);
  if (list) list.push(story);
  else byLocale.set(locale, [story]);
}

export function storiesIn(locale: Locale): readonly Story[] {
  return byLocale.get(locale) ?? [];
}

// Looked up once per page at build time: maps, so thousands of stories cost no quadratic scan.
const bySlug = new Map(publishedStories.map((s) => [`${s.locale}/${s.slug}`, s]));
const byTranslation = new Map(publishedStories.map((s) => [`${s.locale}/${s.translationKey}`, s]));

export function findStory(locale: Locale, slug: string): Story | undefined {
  return bySlug.get(`${locale}/${slug}`);
}

/** The same story in another locale, when it has been translated. */
export function translationOf(story: Story, locale: Locale): Story | undefined {
  return byTranslation.get(`${locale}/${story.translationKey}`);
}

export function matchesFilter(story: Story, filter: StoryFilter): boolean {
  switch (filter.kind) {
    case "all":
      return true;
    case "movement":
      return story.movement === filter.slug;
    case "province":
      return provincePageSlugs(story.province).includes(filter.slug);
    case "field":
      return story.field === filter.slug;
    case "year":
      return story.year === filter.year;
    case "subjectKind":
      return story.subjectKind === filter.value;
  }
}

export function filterStories(locale: Locale, filter: StoryFilter): Story[] {
  return storiesIn(locale).filter((s) => matchesFilter(s, filter));
}

/** Years that have stories in a locale, newest first. */
export function storyYears(locale: Locale): number[] {
  return [...new Set(storiesIn(locale).map((s) => s.year))].sort((a, b) => b - a);
}

export function featuredStories(locale: Locale, limit = 3): Story[] {
  const featured = storiesIn(locale).filter((s) => s.featured);
  return (featured.length > 0 ? featured : [...storiesIn(locale)]).slice(0, limit);
}

/** How many stories of a locale match each value of one dimension (for filter counts). */
export function countBy(locale: Locale, key: (s: Story) => string | string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const story of storiesIn(locale)) {
    const values = key(story);
    for (const value of Array.isArray(values) ? values : [values]) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
