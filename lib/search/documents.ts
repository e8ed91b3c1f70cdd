// toStoryDocument: one built story (contentlayer output) -> one search document, shared by the
// app, scripts/reindex.ts and the bench.
import movements from "../../content/taxonomies/movements.json" with { type: "json" };
import fields from "../../content/taxonomies/fields.json" with { type: "json" };
import provinces from "../../content/taxonomies/provinces.json" with { type: "json" };
import { plainTextFromMdx } from "./text";

/** The fields of a contentlayer Story the index reads. */
export type StorySource = {
  title: string;
  slug: string;
  locale: string;
  subjectName: string;
  subjectKind: string;
  role: string;
  province: string;
  movement: string;
  field: string;
  award?: string;
  /** ISO date-time */
  publishedAt: string;
  summary: string;
  cover: string;
  tags: string[];
  url: string;
  year: number;
  body: { raw: string };
};

/** A story's document id in the index. */
export function storyDocumentId(locale: string, slug: string): string {
  return `${locale}-${slug}`;
}

/**
 * One story as Meilisearch stores it. `province` is the unit named in the story, `provinceUnit`
 * the current (post-2025) unit it belongs to, and `provinces` both, so a filter on either finds it.
 */
export type StoryDocument = {
  id: string;
  locale: "vi" | "en";
  slug: string;
  url: string;
  title: string;
  subjectName: string;
  subjectKind: "individual" | "collective";
  role: string;
  summary: string;
  text: string;
  tags: string[];
  award: string;
  cover: string;
  movement: string;
  movementName: string;
  field: string;
  fieldName: string;
  province: string;
  provinceUnit: string;
  provinces: string[];
  placeNames: string[];
  year: number;
  publishedAt: string;
  publishedTimestamp: number;
};

const formerBySlug = new Map(provinces.former.map((p) => [p.slug, p]));
const currentBySlug = new Map(provinces.current.map((p) => [p.slug, p]));
const movementBySlug = new Map(movements.map((m) => [m.slug, m]));
const fieldBySlug = new Map(fields.map((f) => [f.slug, f]));

/** The current unit's slug for a province slug, former or current (as lib/content/taxonomies.ts). */
export function currentUnitSlug(slug: string): string {
  return formerBySlug.get(slug)?.current ?? slug;
}

/** Both spellings of a place, so "Ha Giang" and "Hà Giang" and the unit's names all match. */
function placeNames(slugs: string[]): string[] {
  const names = slugs.flatMap((slug) => {
    const unit = formerBySlug.get(slug) ?? currentBySlug.get(slug);
    return unit ? [unit.name, unit.nameEn] : [];
  });
  return [...new Set(names)];
}

// Placeholder characters mark highlights inside Meilisearch responses; text containing them
// could forge a highlight, so they never reach the index.
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const clean = (text: string) => text.normalize("NFC").replace(PRIVATE_USE, "");

export function toStoryDocument(story: StorySource): StoryDocument {
  const locale = story.locale === "en" ? "en" : "vi";
  const unit = currentUnitSlug(story.province);
  const provinceSlugs = [...new Set([story.province, unit])];
  return {
    id: storyDocumentId(locale, story.slug),
    locale,
    slug: story.slug,
    url: story.url,
    title: clean(story.title),
    subjectName: clean(story.subjectName),
    subjectKind: story.subjectKind === "collective" ? "collective" : "individual",
    role: clean(story.role),
    summary: clean(story.summary),
    text: clean(plainTextFromMdx(story.body.raw)),
    tags: story.tags.map(clean),
    award: clean(story.award ?? ""),
    cover: story.cover,
    movement: story.movement,
    movementName: movementBySlug.get(story.movement)?.name[locale] ?? "",
    field: story.field,
    fieldName: fieldBySlug.get(story.field)?.name[locale] ?? "",
    province: story.province,
    provinceUnit: unit,
    provinces: provinceSlugs,
    placeNames: placeNames(provinceSlugs),
    year: story.year,
    publishedAt: story.publishedAt,
    publishedTimestamp: Math.floor(Date.parse(story.publishedAt) / 1000),
  };
}
