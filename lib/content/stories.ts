import type { Locale } from "@/lib/i18n/config";
import { env } from "@/lib/env";
import { compareText } from "@/lib/i18n/format";
import { provincePageSlugs } from "./taxonomies";
import { readStoryIndex, storyIndexVersion, withSource, type Story } from "./story-store";

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

type Collection = {
  version: number;
  published: readonly Story[];
  byLocale: Map<Locale, Story[]>;
  bySlug: Map<string, Story>;
  byTranslation: Map<string, Story>;
};

function collect(stories: Story[], version: number): Collection {
  // Drafts (`draft: true`) are left out here, once, so no page, listing, feed, sitemap, image or
  // search index can reach one.
  const published = stories.filter((s) => !s.draft);
  const byLocale = new Map<Locale, Story[]>();
  for (const story of [...published].sort(byNewest)) {
    const locale = story.locale as Locale;
    const list = byLocale.get(locale);
    if (list) list.push(story);
    else byLocale.set(locale, [story]);
  }
  // Looked up once per page: maps, so thousands of stories cost no quadratic scan.
  const bySlug = new Map(published.map((s) => [`${s.locale}/${s.slug}`, s]));
  const byTranslation = new Map(published.map((s) => [`${s.locale}/${s.translationKey}`, s]));
  return { version, published, byLocale, bySlug, byTranslation };
}

let collection: Collection | null = null;
let checkedAt = 0;
// How often a running server looks at the index file's time: a story published by
// `npm run story:publish` is read within this, and the stat costs nothing in between.
const RECHECK_MS = 1000;

function current(): Collection {
  const now = Date.now();
  if (collection && now - checkedAt < RECHECK_MS) return collection;
  checkedAt = now;
  if (collection && storyIndexVersion() === collection.version) return collection;
  const { stories, version } = readStoryIndex();
  collection = collect(stories, version);
  return collection;
}

/** Re-reads the index now if it changed (the publication route, which must not wait a second). */
export function reloadStories(): number {
  checkedAt = 0;
  return current().version;
}

/** Every story the site shows. Nothing else reads the index. */
export function publishedStories(): readonly Story[] {
  return current().published;
}

/** Which index the collection was read from: memos of anything derived from it compare this. */
export function storiesVersion(): number {
  return current().version;
}

/** Every published story with its MDX source (for search), read once per version of the index. */
let withSources: { version: number; stories: (Story & { body: { raw: string } })[] } | null = null;
export function publishedStorySources(): readonly (Story & { body: { raw: string } })[] {
  const { version, published } = current();
  if (withSources?.version !== version) withSources = { version, stories: published.map((s) => withSource(s)) };
  return withSources.stories;
}

/**
 * The stories a build prerenders: the newest PRERENDERED_STORIES of each locale (all of them by
 * default). The others are rendered on their first request and kept, as the prerendered ones are,
 * so a collection of 10,000 builds in minutes (docs/benchmarks.md, "Building at scale").
 */
export function prerenderedStories(locale: Locale): readonly Story[] {
  return storiesIn(locale).slice(0, env.PRERENDERED_STORIES ?? Infinity);
}

/**
 * How many of a listing's stories (newest first, as storiesIn sorts them) are prerendered: they
 * come first, since the prerendered ones are the newest of the locale. Listings prerender the
 * pages that show them.
 */
export function prerenderedCount<T>(listing: readonly T[], prerendered: readonly T[]): number {
  const set = new Set(prerendered);
  const first = listing.findIndex((s) => !set.has(s));
  return first === -1 ? listing.length : first;
}

export function storiesIn(locale: Locale): readonly Story[] {
  return current().byLocale.get(locale) ?? [];
}

export function findStory(locale: Locale, slug: string): Story | undefined {
  return current().bySlug.get(`${locale}/${slug}`);
}

/** The same story in another locale, when it has been translated. */
export function translationOf(story: Story, locale: Locale): Story | undefined {
  return current().byTranslation.get(`${locale}/${story.translationKey}`);
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
