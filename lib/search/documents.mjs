// @ts-check
// toStoryDocument: one built story (contentlayer output) -> one search document. Plain .mjs so
// the app, scripts/reindex.mjs and the bench share it; lib/search/documents.ts re-exports it typed.
import movements from "../../content/taxonomies/movements.json" with { type: "json" };
import fields from "../../content/taxonomies/fields.json" with { type: "json" };
import provinces from "../../content/taxonomies/provinces.json" with { type: "json" };
import { plainTextFromMdx } from "./text.mjs";

/**
 * The fields of a contentlayer Story the index reads.
 * @typedef {object} StorySource
 * @property {string} title
 * @property {string} slug
 * @property {string} locale
 * @property {string} subjectName
 * @property {string} subjectKind
 * @property {string} role
 * @property {string} province
 * @property {string} movement
 * @property {string} field
 * @property {string} [award]
 * @property {string} publishedAt ISO date-time
 * @property {string} summary
 * @property {string} cover
 * @property {string[]} tags
 * @property {string} url
 * @property {number} year
 * @property {{ raw: string }} body
 */

/**
 * One story as Meilisearch stores it. `province` is the unit named in the story, `provinceUnit`
 * the current (post-2025) unit it belongs to, and `provinces` both, so a filter on either finds it.
 * @typedef {object} StoryDocument
 * @property {string} id
 * @property {"vi" | "en"} locale
 * @property {string} slug
 * @property {string} url
 * @property {string} title
 * @property {string} subjectName
 * @property {"individual" | "collective"} subjectKind
 * @property {string} role
 * @property {string} summary
 * @property {string} text
 * @property {string[]} tags
 * @property {string} award
 * @property {string} cover
 * @property {string} movement
 * @property {string} movementName
 * @property {string} field
 * @property {string} fieldName
 * @property {string} province
 * @property {string} provinceUnit
 * @property {string[]} provinces
 * @property {string[]} placeNames
 * @property {number} year
 * @property {string} publishedAt
 * @property {number} publishedTimestamp
 */

const formerBySlug = new Map(provinces.former.map((p) => [p.slug, p]));
const currentBySlug = new Map(provinces.current.map((p) => [p.slug, p]));
const movementBySlug = new Map(movements.map((m) => [m.slug, m]));
const fieldBySlug = new Map(fields.map((f) => [f.slug, f]));

/** The current unit's slug for a province slug, former or current (as lib/content/taxonomies.ts). @param {string} slug */
export function currentUnitSlug(slug) {
  return formerBySlug.get(slug)?.current ?? slug;
}

/** Both spellings of a place, so "Ha Giang" and "Hà Giang" and the unit's names all match. @param {string[]} slugs */
function placeNames(slugs) {
  const names = slugs.flatMap((slug) => {
    const unit = formerBySlug.get(slug) ?? currentBySlug.get(slug);
    return unit ? [unit.name, unit.nameEn] : [];
  });
  return [...new Set(names)];
}

// Placeholder characters mark highlights inside Meilisearch responses; text containing them
// could forge a highlight, so they never reach the index.
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const clean = (/** @type {string} */ text) => text.normalize("NFC").replace(PRIVATE_USE, "");

/**
 * @param {StorySource} story
 * @returns {StoryDocument}
 */
export function toStoryDocument(story) {
  const locale = story.locale === "en" ? "en" : "vi";
  const unit = currentUnitSlug(story.province);
  const provinceSlugs = [...new Set([story.province, unit])];
  return {
    id: `${locale}-${story.slug}`,
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
