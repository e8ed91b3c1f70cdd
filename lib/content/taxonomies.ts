import movementsData from "@/content/taxonomies/movements.json";
import fieldsData from "@/content/taxonomies/fields.json";
import provincesData from "@/content/taxonomies/provinces.json";
import type { Locale } from "@/lib/i18n/config";
import { compareText } from "@/lib/i18n/format";

type Localized = Record<Locale, string>;

export type Movement = { slug: string; name: Localized; shortName: Localized; description: Localized; color: string };
export type Field = { slug: string; name: Localized };
export type CurrentProvince = { slug: string; name: string; nameEn: string; kind: "province" | "city"; formedFrom: string[] };
export type FormerProvince = { slug: string; name: string; nameEn: string; current: string };

export const movements: readonly Movement[] = movementsData;
export const fields: readonly Field[] = fieldsData;
export const currentProvinces = provincesData.current as readonly CurrentProvince[];
export const formerProvinces: readonly FormerProvince[] = provincesData.former;

const movementBySlug = new Map(movements.map((m) => [m.slug, m]));
const fieldBySlug = new Map(fields.map((f) => [f.slug, f]));
const currentBySlug = new Map(currentProvinces.map((p) => [p.slug, p]));
const formerBySlug = new Map(formerProvinces.map((p) => [p.slug, p]));

export const getMovement = (slug: string) => movementBySlug.get(slug);
export const getField = (slug: string) => fieldBySlug.get(slug);
export const getCurrentProvince = (slug: string) => currentBySlug.get(slug);
export const getFormerProvince = (slug: string) => formerBySlug.get(slug);

/** The current (post-1 July 2025) unit a province slug belongs to, former or current. */
export function currentUnitOf(provinceSlug: string): CurrentProvince | undefined {
  const former = formerBySlug.get(provinceSlug);
  return currentBySlug.get(former ? former.current : provinceSlug);
}

function provinceName(slug: string, locale: Locale): string | undefined {
  const unit = formerBySlug.get(slug) ?? currentBySlug.get(slug);
  return unit && (locale === "vi" ? unit.name : unit.nameEn);
}

/**
 * The province as named in the story, with the unit it now belongs to when that differs:
 * "Hà Giang (nay thuộc Tuyên Quang)" / "Ha Giang (now part of Tuyen Quang)".
 */
export function provinceLabel(slug: string, locale: Locale): string {
  const named = provinceName(slug, locale) ?? slug;
  const current = currentUnitOf(slug);
  if (!current || current.slug === slug) return named;
  const currentName = locale === "vi" ? current.name : current.nameEn;
  if (currentName === named) return named;
  return locale === "vi" ? `${named} (nay thuộc ${currentName})` : `${named} (now part of ${currentName})`;
}

/** Every page slug a story in this province is listed under: the named unit and its current unit. */
export function provincePageSlugs(slug: string): string[] {
  const current = currentUnitOf(slug);
  return [...new Set([slug, ...(current ? [current.slug] : [])])];
}

/** Province pages: the 34 current units, then former names that are no longer a unit of their own. */
export function provincePages(): { slug: string; isCurrent: boolean }[] {
  const current = currentProvinces.map((p) => ({ slug: p.slug, isCurrent: true }));
  const formerOnly = formerProvinces.filter((p) => !currentBySlug.has(p.slug)).map((p) => ({ slug: p.slug, isCurrent: false }));
  return [...current, ...formerOnly];
}

export function provinceDisplayName(slug: string, locale: Locale): string {
  return provinceName(slug, locale) ?? slug;
}

export function sortedCurrentProvinces(locale: Locale): CurrentProvince[] {
  return [...currentProvinces].sort((a, b) =>
    compareText(locale === "vi" ? a.name : a.nameEn, locale === "vi" ? b.name : b.nameEn, locale),
  );
}
