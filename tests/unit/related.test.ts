import { describe, expect, it } from "vitest";
import { relatedStories, type RelatableStory } from "@/lib/content/related";

const story = (translationKey: string, movement: string, province: string, publishedAt: string): RelatableStory => ({ translationKey, movement, province, publishedAt });

describe("relatedStories", () => {
  const self = story("self", "nong-thon-moi", "ha-giang", "2024-06-01");

  it("puts same movement and province first, then either, nearest date first", () => {
    const candidates = [
      story("other", "van-hoa-cong-so", "ca-mau", "2024-06-01"),
      story("movement-far", "nong-thon-moi", "ca-mau", "2020-01-01"),
      story("movement-near", "nong-thon-moi", "ca-mau", "2024-05-01"),
      story("both-far", "nong-thon-moi", "ha-giang", "2019-01-01"),
      story("province-near", "vi-nguoi-ngheo", "ha-giang", "2024-06-10"),
    ];
    expect(relatedStories(self, candidates, 10).map((s) => s.translationKey)).toEqual(["both-far", "province-near", "movement-near", "movement-far"]);
  });

  it("treats a former province and its current unit as the same place", () => {
    const merged = story("merged", "xa-hoi-hoc-tap", "tuyen-quang", "2026-01-01");
    expect(relatedStories(self, [merged]).map((s) => s.translationKey)).toEqual(["merged"]);
  });

  it("never returns the story itself nor unrelated ones, and respects the limit", () => {
    const candidates = [self, story("x", "van-hoa-cong-so", "ca-mau", "2024-06-01"), ...["a", "b", "c", "d"].map((k) => story(k, "nong-thon-moi", "ha-noi", "2024-01-01"))];
    const result = relatedStories(self, candidates, 3);
    expect(result).toHaveLength(3);
    expect(result.map((s) => s.translationKey)).not.toContain("self");
    expect(result.map((s) => s.translationKey)).not.toContain("x");
  });

  it("does not depend on the order candidates come in", () => {
    const candidates = ["a", "b", "c", "d", "e"].map((k, i) => story(k, "nong-thon-moi", i % 2 ? "ha-giang" : "ha-noi", "2024-03-01"));
    const forward = relatedStories(self, candidates, 5).map((s) => s.translationKey);
    const backward = relatedStories(self, [...candidates].reverse(), 5).map((s) => s.translationKey);
    expect(backward).toEqual(forward);
    expect(forward).toEqual(["b", "d", "a", "c", "e"]);
  });
});
