// The movement's numbers over the showcase: pure counts over the stories, one model per
// translation key (a story told in two languages is one model), so both locales show the same
// figures. The page (app/[locale]/(static)/statistics), its CSV files and the tests all read
// these tables; nothing restates a count.
import type { Locale } from "@/lib/i18n/config";
import { compareText } from "@/lib/i18n/format";
import { locales } from "@/lib/i18n/config";
import { storiesIn, type Story } from "./stories";
import { currentProvinces, currentUnitOf, fields, movements } from "./taxonomies";
import { DIRECT_WORKER_TARGETS, getCommendation, TARGET_TIERS, targetTierOf, type TargetTier } from "./commendations";
import { KIND_SLUGS, type SubjectKind } from "./kinds";

/** What the statistics read of one showcased model. */
export type ModelFacts = {
  key: string;
  province: string;
  movement: string;
  field: string;
  year: number;
  subjectKind: SubjectKind;
  directWorker: boolean;
  /** The commendation level's target tier, when the story records a recognition with one. */
  tier: TargetTier | null;
};

function factsOf(story: Story): ModelFacts {
  const form = story.recognition ? getCommendation(story.recognition.form) : undefined;
  return {
    key: story.translationKey,
    province: story.province,
    movement: story.movement,
    field: story.field,
    year: story.year,
    subjectKind: story.subjectKind,
    directWorker: story.directWorker,
    tier: form ? targetTierOf(form.level) : null,
  };
}

/** Every showcased model once: the Vietnamese story, or its only version when it has no Vietnamese one. */
export function showcasedModels(): ModelFacts[] {
  const byKey = new Map<string, ModelFacts>();
  for (const locale of locales) for (const story of storiesIn(locale)) if (!byKey.has(story.translationKey)) byKey.set(story.translationKey, factsOf(story));
  return [...byKey.values()];
}

/** One row of a count table: a stable key (a taxonomy slug or a year), its label and its count. */
export type CountRow = { key: string; label: string; count: number };

function countRows(models: readonly ModelFacts[], keys: readonly { key: string; label: string }[], keyOf: (m: ModelFacts) => string): CountRow[] {
  const counts = new Map<string, number>();
  for (const model of models) counts.set(keyOf(model), (counts.get(keyOf(model)) ?? 0) + 1);
  return keys.map(({ key, label }) => ({ key, label, count: counts.get(key) ?? 0 }));
}

// Most first, then in the reader's alphabetical order, so the longest bars lead the chart.
const byCount = (locale: Locale) => (a: CountRow, b: CountRow) => b.count - a.count || compareText(a.label, b.label, locale);

/** Models by the 34 current units, with stories named under a former province counted in its unit. */
export function modelsByProvince(models: readonly ModelFacts[], locale: Locale): CountRow[] {
  const units = currentProvinces.map((p) => ({ key: p.slug, label: locale === "vi" ? p.name : p.nameEn }));
  return countRows(models, units, (m) => currentUnitOf(m.province)?.slug ?? m.province).sort(byCount(locale));
}

export function modelsByMovement(models: readonly ModelFacts[], locale: Locale): CountRow[] {
  return countRows(models, movements.map((m) => ({ key: m.slug, label: m.shortName[locale] })), (m) => m.movement).sort(byCount(locale));
}

export function modelsByField(models: readonly ModelFacts[], locale: Locale): CountRow[] {
  return countRows(models, fields.map((f) => ({ key: f.slug, label: f.name[locale] })), (m) => m.field).sort(byCount(locale));
}

/** Models by the year their story was published, oldest first, every year from the first to the last. */
export function modelsByYear(models: readonly ModelFacts[]): CountRow[] {
  if (models.length === 0) return [];
  const years = models.map((m) => m.year);
  const keys = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) keys.push({ key: String(y), label: String(y) });
  return countRows(models, keys, (m) => String(m.year));
}

/** Models by kind of subject; `kindLabel` names "individual" and "collective" in the page's language. */
export function modelsByKind(models: readonly ModelFacts[], kindLabel: (kind: SubjectKind) => string): CountRow[] {
  const kinds = (Object.keys(KIND_SLUGS) as SubjectKind[]).map((k) => ({ key: k, label: kindLabel(k) }));
  return countRows(models, kinds, (m) => m.subjectKind);
}

/** Direct workers among the models honoured at one target tier, beside the tier's target. */
export type DirectWorkerShare = { tier: TargetTier; honoured: number; directWorkers: number; share: number | null; target: number };

/**
 * The share of direct workers among showcased models whose recorded recognition is at State level
 * (President or Prime Minister) and at provincial level (minister, central agency or province);
 * null when no model is honoured at that tier.
 */
export function directWorkerShares(models: readonly ModelFacts[]): DirectWorkerShare[] {
  return TARGET_TIERS.map((tier) => {
    const honoured = models.filter((m) => m.tier === tier);
    const directWorkers = honoured.filter((m) => m.directWorker).length;
    return { tier, honoured: honoured.length, directWorkers, share: honoured.length ? directWorkers / honoured.length : null, target: DIRECT_WORKER_TARGETS[tier] };
  });
}
