import { describe, expect, it } from "vitest";
import { allStories } from "contentlayer/generated";
import { findStory, publishedStories, storiesIn } from "@/lib/content/stories";
import { builtStoryDocuments } from "@/lib/search/stories";
import { currentUnitOf, movements } from "@/lib/content/taxonomies";

// A draft being finished from a nomination sits in the content (content/stories/vi/lo-van-pao-…):
// the build checks it like any story, and the site reads it nowhere.
describe("drafts", () => {
  const drafts = allStories.filter((s) => s.draft);

  it("are built and checked, then left out of every list the site reads", () => {
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      expect(draft.checked).toBe(true);
      expect(publishedStories().map((s) => s._id)).not.toContain(draft._id);
      expect(storiesIn(draft.locale as "vi" | "en").map((s) => s._id)).not.toContain(draft._id);
      expect(findStory(draft.locale as "vi" | "en", draft.slug)).toBeUndefined();
      expect(builtStoryDocuments().some((d) => d.slug === draft.slug)).toBe(false);
    }
    expect(publishedStories().length).toBe(allStories.length - drafts.length);
  });
});

// Checks over the whole built collection: what no single file can know about itself.
describe("story collection", () => {
  const vi = allStories.filter((s) => s.locale === "vi");
  const en = allStories.filter((s) => s.locale === "en");

  it("has slugs unique within each locale", () => {
    for (const list of [vi, en]) expect(new Set(list.map((s) => s.slug)).size).toBe(list.length);
  });

  it("has one story per translation key and locale, and every English story has its Vietnamese original", () => {
    for (const list of [vi, en]) expect(new Set(list.map((s) => s.translationKey)).size).toBe(list.length);
    const viKeys = new Map(vi.map((s) => [s.translationKey, s]));
    for (const story of en) {
      const original = viKeys.get(story.translationKey);
      expect(original, story._raw.sourceFilePath).toBeDefined();
      // A translation tells the same story: same subject, place, movement and date.
      expect(story.movement).toBe(original!.movement);
      expect(story.province).toBe(original!.province);
      expect(story.subjectKind).toBe(original!.subjectKind);
      expect(story.cover).toBe(original!.cover);
      expect(story.publishedAt).toBe(original!.publishedAt);
    }
  });

  it("covers what the demo must show", () => {
    expect(vi.length).toBeGreaterThanOrEqual(24);
    expect(en.length).toBeGreaterThanOrEqual(12);
    expect(new Set(vi.map((s) => s.movement))).toEqual(new Set(movements.map((m) => m.slug)));
    expect(new Set(vi.map((s) => currentUnitOf(s.province)?.slug)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(vi.map((s) => s.subjectKind))).toEqual(new Set(["individual", "collective"]));
    expect(new Set(vi.map((s) => s.directWorker))).toEqual(new Set([true, false]));
    for (const year of [2023, 2024, 2025, 2026]) expect(vi.some((s) => s.year === year), String(year)).toBe(true);
  });

  it("names provinces as they were when the story happened", () => {
    for (const story of vi) {
      const merged = currentUnitOf(story.province)?.slug !== story.province;
      if (story.publishedAt >= "2025-07-01") expect(merged, story._raw.sourceFilePath).toBe(false);
    }
  });
});
