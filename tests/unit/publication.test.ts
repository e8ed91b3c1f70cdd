import { describe, expect, it } from "vitest";
import { localeRoutes, STATIC_GROUP } from "@/lib/page-groups";
import { LISTING_PAGES, LISTING_ROUTES, PAGES_WITHOUT_STORY_LISTS, mergeChanges, storyChanges, storyPaths } from "@/lib/content/publication";
import { onDemandPatterns } from "@/lib/static-pages";
import { storyCollectionRefusal } from "@/lib/content/limits";
import { prerenderedCount } from "@/lib/content/stories";

const story = (locale: "vi" | "en", slug: string, hash: string, translationKey = slug, draft = false) => ({ locale, slug, hash, translationKey, draft });

describe("storyChanges", () => {
  it("publishes new and changed stories, withdraws removed ones and drafts, and names their translations", () => {
    const before = [story("vi", "a", "1", "ka"), story("en", "a-en", "1", "ka"), story("vi", "b", "1"), story("vi", "c", "1"), story("vi", "d", "1")];
    const after = [story("vi", "a", "2", "ka"), story("en", "a-en", "1", "ka"), story("vi", "b", "1"), story("vi", "d", "1", "d", true), story("vi", "e", "1")];
    expect(storyChanges(before, after)).toEqual({
      published: [{ locale: "vi", slug: "a" }, { locale: "vi", slug: "e" }],
      withdrawn: [{ locale: "vi", slug: "c" }, { locale: "vi", slug: "d" }],
      translations: [{ locale: "en", slug: "a-en" }],
    });
  });

  it("finds nothing when nothing changed, and a draft that stays a draft is no change", () => {
    const list = [story("vi", "a", "1"), story("vi", "d", "1", "d", true)];
    expect(storyChanges(list, [...list, story("vi", "x", "9", "x", true)])).toEqual({ published: [], withdrawn: [], translations: [] });
  });
});

describe("mergeChanges", () => {
  it("lets the newer word on a story win, and never lets a translation undo a publication", () => {
    const older = { published: [{ locale: "vi" as const, slug: "a" }, { locale: "vi" as const, slug: "b" }], withdrawn: [], translations: [] };
    const newer = { published: [], withdrawn: [{ locale: "vi" as const, slug: "b" }], translations: [{ locale: "vi" as const, slug: "a" }] };
    expect(mergeChanges(older, newer)).toEqual({ published: [{ locale: "vi", slug: "a" }], withdrawn: [{ locale: "vi", slug: "b" }], translations: [] });
  });
});

describe("the pages a publication refreshes", () => {
  it("cover every static page that lists or counts stories: each is listed, or said to show none", () => {
    const known = new Set<string>([...LISTING_PAGES, ...PAGES_WITHOUT_STORY_LISTS, "/[locale]/(static)/stories/[slug]"]);
    const pages = localeRoutes()
      .filter((r) => r.groups[0] === STATIC_GROUP && r.kind === "page")
      .map((r) => `/[locale]/(static)${r.route === "/" ? "" : r.route}`);
    expect(pages.filter((p) => !known.has(p))).toEqual([]);
    expect([...LISTING_PAGES].filter((p) => !pages.includes(p))).toEqual([]);
    const handlers = localeRoutes()
      .filter((r) => r.groups[0] === STATIC_GROUP && r.kind === "route")
      .map((r) => `/[locale]/(static)${r.route}`);
    expect(handlers.sort()).toEqual([...LISTING_ROUTES].sort());
  });

  it("include a story's page and its preview image", () => {
    expect(storyPaths({ locale: "vi", slug: "x" })).toEqual(["/vi/stories/x", "/og/vi/story/x"]);
  });
});

describe("onDemandPatterns", () => {
  it("match the public URLs of both locales, and nothing deeper", () => {
    const patterns = onDemandPatterns(["/[locale]/stories/[slug]", "/og/[locale]/story/[slug]", "/[locale]/stories/page/[page]"]);
    const routeOf = (url: string) => patterns.find((p) => p.pattern.test(url))?.route;
    expect(routeOf("/cau-chuyen/chi-a")).toBe("/[locale]/stories/[slug]");
    expect(routeOf("/en/stories/ms-a")).toBe("/[locale]/stories/[slug]");
    expect(routeOf("/og/vi/story/chi-a")).toBe("/og/[locale]/story/[slug]");
    expect(routeOf("/cau-chuyen/trang/7")).toBe("/[locale]/stories/page/[page]");
    expect(routeOf("/cau-chuyen/chi-a/khac")).toBeUndefined();
    expect(routeOf("/tim-kiem")).toBeUndefined();
  });
});

describe("storyCollectionRefusal", () => {
  it("takes a collection up to the limit and refuses a larger one, naming both figures", () => {
    expect(storyCollectionRefusal(25_000)).toBeNull();
    const refusal = storyCollectionRefusal(66_667);
    expect(refusal).toContain("66,667");
    expect(refusal).toContain("25,000");
  });
});

describe("prerenderedCount", () => {
  it("counts the listing's leading stories that were prerendered, so only their pages are", () => {
    const [a, b, c, d] = ["a", "b", "c", "d"];
    expect(prerenderedCount([a, c, d], [a, b, c])).toBe(2);
    expect(prerenderedCount([d], [a, b])).toBe(0);
    expect(prerenderedCount([a, b], [a, b, c])).toBe(2);
  });
});
