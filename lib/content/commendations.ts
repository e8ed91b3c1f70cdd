import commendationsData from "@/content/taxonomies/commendations.json";
import type { Locale } from "@/lib/i18n/config";

type Localized = Record<Locale, string>;

/** Who decides a commendation: the President, the Prime Minister, a minister or province, or the grassroots. */
export type CommendationLevel = "state" | "government" | "ministry-province" | "grassroots";
export type Commendation = {
  slug: string;
  /** An emulation title (Điều 8) or a form of commendation (Điều 9). */
  kind: "title" | "form";
  group: string;
  level: CommendationLevel;
  name: Localized;
  subjects: string[];
  classes?: string[];
};

export const commendationLevels = commendationsData.levels as readonly { slug: CommendationLevel; name: Localized; conferredBy: Localized }[];
export const commendations = commendationsData.commendations as readonly Commendation[];
export const commendationClasses: readonly { slug: string; name: Localized }[] = commendationsData.classes;

const bySlug = new Map(commendations.map((c) => [c.slug, c]));

export const getCommendation = (slug: string) => bySlug.get(slug);

/**
 * The two tiers the emulation plans set targets for: "State level" is everything decided by the
 * President or the Prime Minister (khen thưởng cấp Nhà nước), "provincial level" what a minister,
 * central agency or province decides. Grassroots commendations have no target.
 */
export type TargetTier = "state" | "province";
export const TARGET_TIERS: readonly TargetTier[] = ["state", "province"];
/** At least this share of direct workers among those commended, per tier. */
export const DIRECT_WORKER_TARGETS: Record<TargetTier, number> = { state: 0.35, province: 0.65 };

export function targetTierOf(level: CommendationLevel): TargetTier | null {
  if (level === "state" || level === "government") return "state";
  if (level === "ministry-province") return "province";
  return null;
}
