import { currentUnitOf } from "./taxonomies";

export type RelatableStory = {
  translationKey: string;
  movement: string;
  province: string;
  publishedAt: string;
};

const DAY = 86_400_000;

/**
 * Stories related to `story`: those sharing both movement and province come first, then
 * those sharing either; within a tier the nearest in publication date comes first, then the
 * newer one, then by translation key so the order never depends on input order.
 * Provinces compare by current unit, so "Hà Giang" and "Tuyên Quang" stories are neighbours.
 */
export function relatedStories<T extends RelatableStory>(story: RelatableStory, candidates: readonly T[], limit = 3): T[] {
  const unit = (slug: string) => currentUnitOf(slug)?.slug ?? slug;
  const storyUnit = unit(story.province);
  const storyTime = Date.parse(story.publishedAt);
  return candidates
    .filter((c) => c.translationKey !== story.translationKey)
    .map((c) => {
      const sameMovement = c.movement === story.movement;
      const sameProvince = unit(c.province) === storyUnit;
      const tier = sameMovement && sameProvince ? 0 : sameMovement || sameProvince ? 1 : 2;
      return { c, tier, distance: Math.round(Math.abs(Date.parse(c.publishedAt) - storyTime) / DAY) };
    })
    .filter((r) => r.tier < 2)
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        a.distance - b.distance ||
        b.c.publishedAt.localeCompare(a.c.publishedAt) ||
        a.c.translationKey.localeCompare(b.c.translationKey),
    )
    .slice(0, limit)
    .map((r) => r.c);
}
