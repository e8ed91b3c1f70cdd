import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countBy, publishedStories, publishedStorySources, storiesIn } from "@/lib/content/stories";
import { currentUnitOf, provincePageSlugs } from "@/lib/content/taxonomies";
import { openClients, type SearchBackend } from "@/lib/search/connection";
import { syncStoriesIndex } from "@/lib/search/story-index";
import { searchStories } from "@/lib/search/stories";
import type { StorySource } from "@/lib/search/documents";
import type { StoryQuery } from "@/lib/search/types";
import { closedPort, dropTestIndexes, testBackend } from "../support/search";

// Real Meilisearch, real built stories: an index of the content, and a small index of stories
// written for what the content does not hold (the good-deeds phrase, markup in a title).
const content = testBackend();
const fixtures = testBackend();

function fixture(slug: string, fields: Partial<StorySource>): StorySource {
  return {
    title: "Một câu chuyện",
    slug,
    locale: "vi",
    subjectName: "Nguyễn Thị Mẫu",
    subjectKind: "individual",
    role: "Giáo viên",
    province: "ha-giang",
    movement: "xa-hoi-hoc-tap",
    field: "giao-duc",
    publishedAt: "2025-03-01T00:00:00.000Z",
    summary: "Tóm tắt.",
    cover: "/covers/fixture.svg",
    tags: ["mẫu"],
    url: `/cau-chuyen/${slug}`,
    year: 2025,
    body: { raw: "Nội dung." },
    ...fields,
  };
}

const fixtureStories = [
  fixture("phong-trao-nguoi-tot", { title: "Lan tỏa gương người tốt, việc tốt ở bản Mông", summary: "Cả bản cùng làm việc tốt." }),
  fixture("tieu-de-co-the", { title: `Cô giáo <script>alert("x")</script> & <b>học trò</b>`, summary: `Lớp học <img src=x onerror=alert(1)> vùng cao.` }),
];

const q = (query: Partial<StoryQuery>): StoryQuery => ({ q: "", page: 1, ...query });
const byId = new Map(publishedStories().map((s) => [`${s.locale}-${s.slug}`, s]));

beforeAll(async () => {
  const [a, b] = await Promise.all([openClients(content), openClients(fixtures)]);
  await Promise.all([
    syncStoriesIndex(a.admin, { prefix: content.indexPrefix, stories: publishedStorySources() }),
    syncStoriesIndex(b.admin, { prefix: fixtures.indexPrefix, stories: fixtureStories }),
  ]);
});

afterAll(async () => {
  await Promise.all([dropTestIndexes(content), dropTestIndexes(fixtures)]);
});

describe("story search on Meilisearch", () => {
  it("finds stories written with diacritics from queries typed without them", async () => {
    const dakLak = await searchStories(q({ q: "Dak Lak" }), content);
    expect(dakLak.degraded).toBe(false);
    expect(dakLak.total).toBeGreaterThan(0);
    expect(dakLak.hits.slice(0, 2).map((h) => h.province)).toEqual(["dak-lak", "dak-lak"]);

    const goodDeeds = await searchStories(q({ q: "nguoi tot viec tot" }), fixtures);
    expect(goodDeeds.hits[0]?.id).toBe("vi-phong-trao-nguoi-tot");
    expect(goodDeeds.hits[0]?.title).toContain("<mark>người</mark> <mark>tốt</mark>");

    const place = await searchStories(q({ q: "ha tinh nong thon moi" }), content);
    const top = byId.get(place.hits[0]!.id)!;
    expect([top.province, top.movement]).toEqual(["ha-tinh", "nong-thon-moi"]);
  });

  it("still finds a long word with a one-letter typo", async () => {
    const result = await searchStories(q({ q: "nong dan Khnmer", locale: "vi" }), content);
    expect(result.hits[0]?.title).toContain("<mark>Khmer</mark>");
  });

  it("expands synonyms such as NTM for nông thôn mới", async () => {
    const result = await searchStories(q({ q: "NTM", locale: "vi" }), content);
    expect(result.hits.map((h) => byId.get(h.id)!.title).some((title) => title.includes("nông thôn mới"))).toBe(true);
  });

  it("counts facets as the content does, each narrowed facet still counting its other choices", async () => {
    const all = await searchStories(q({ locale: "vi" }), content);
    const stories = storiesIn("vi");
    const expected = (key: Parameters<typeof countBy>[1]) => Object.fromEntries(countBy("vi", key));
    expect(all.total).toBe(stories.length);
    expect(all.facets.movement).toEqual(expected((s) => s.movement));
    expect(all.facets.field).toEqual(expected((s) => s.field));
    expect(all.facets.year).toEqual(expected((s) => String(s.year)));
    expect(all.facets.kind).toEqual(expected((s) => s.subjectKind));
    expect(all.facets.province).toEqual(expected((s) => provincePageSlugs(s.province)));

    const narrowed = await searchStories(q({ locale: "vi", movement: "nong-thon-moi" }), content);
    const inMovement = stories.filter((s) => s.movement === "nong-thon-moi");
    expect(narrowed.total).toBe(inMovement.length);
    expect(narrowed.facets.movement).toEqual(all.facets.movement);
    expect(narrowed.facets.kind).toEqual(Object.fromEntries(countBy("vi", (s) => (s.movement === "nong-thon-moi" ? s.subjectKind : [])).entries()));
  });

  it("finds a story named under a former province by that province and by its current unit", async () => {
    const story = publishedStories().find((s) => currentUnitOf(s.province)?.slug !== s.province)!;
    const unit = currentUnitOf(story.province)!.slug;
    const byFormer = await searchStories(q({ province: story.province }), content);
    expect(byFormer.hits.map((h) => h.id)).toContain(`${story.locale}-${story.slug}`);
    expect(byFormer.hits.every((h) => h.province === story.province)).toBe(true);
    const byUnit = await searchStories(q({ province: unit }), content);
    expect(byUnit.hits.map((h) => h.id)).toContain(`${story.locale}-${story.slug}`);
    expect(byUnit.total).toBe(publishedStories().filter((s) => provincePageSlugs(s.province).includes(unit)).length);
  });

  it("narrows to a place named in the words, and counts provinces for the words everywhere", async () => {
    const result = await searchStories(q({ q: "ha giang", locale: "vi" }), content);
    const inHaGiang = publishedStories().filter((s) => s.locale === "vi" && s.province === "ha-giang");
    expect(result.place).toBe("ha-giang");
    expect(result.hits.map((h) => h.id).sort()).toEqual(inHaGiang.map((s) => `vi-${s.slug}`).sort());
    const everywhere = await searchStories(q({ q: "ha giang", locale: "vi", province: "ha-noi" }), content);
    expect(everywhere.place).toBeUndefined();
    expect(result.facets.province["ha-noi"]).toBe(everywhere.total);
  });

  it("filters by locale", async () => {
    const en = await searchStories(q({ locale: "en" }), content);
    expect(en.total).toBe(storiesIn("en").length);
    expect(en.hits.every((h) => h.locale === "en")).toBe(true);
    expect(en.facets.locale).toEqual({ vi: storiesIn("vi").length, en: storiesIn("en").length });
  });

  it("escapes markup in titles and snippets, leaving only <mark>", async () => {
    const result = await searchStories(q({ q: "co giao script lop hoc" }), fixtures);
    const hit = result.hits.find((h) => h.id === "vi-tieu-de-co-the");
    expect(hit).toBeDefined();
    for (const html of [hit!.title, hit!.snippet]) {
      expect(html).toContain("<mark>");
      expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    }
    expect(hit!.title.replace(/<\/?mark>/g, "")).toBe("Cô giáo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;học trò&lt;/b&gt;");
  });

  it("keeps answering from a complete index while it is rebuilt and swapped", async () => {
    const { admin } = await openClients(content);
    let rebuilding = true;
    const answers: { degraded: boolean; total: number }[] = [];
    const reader = async () => {
      while (rebuilding) answers.push(await searchStories(q({ q: "co giao" }), content));
    };
    const readers = Array.from({ length: 4 }, reader);
    for (let i = 0; i < 3; i++) await syncStoriesIndex(admin, { prefix: content.indexPrefix, stories: publishedStorySources() });
    rebuilding = false;
    await Promise.all(readers);
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.degraded || a.total === 0)).toEqual([]);
    // No build copies are left behind.
    const { results } = await admin.getRawIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(content.indexPrefix))).toEqual([`${content.indexPrefix}stories`]);
  });
});

describe("story search when Meilisearch is down", () => {
  let down: SearchBackend;
  beforeAll(async () => {
    down = { ...content, host: `http://127.0.0.1:${await closedPort()}` };
  });

  it("answers from the built stories, says so, and keeps the result shape", async () => {
    for (const query of [q({ q: "Dak Lak" }), q({ q: "co giao", locale: "vi" }), q({ locale: "vi", movement: "nong-thon-moi" })]) {
      const [live, fallback] = await Promise.all([searchStories(query, content), searchStories(query, down)]);
      expect(live.degraded).toBe(false);
      expect(fallback.degraded).toBe(true);
      expect(Object.keys(fallback).sort()).toEqual(Object.keys(live).sort());
      expect(Object.keys(fallback.facets).sort()).toEqual(Object.keys(live.facets).sort());
      expect(Object.keys(fallback.hits[0]!).sort()).toEqual(Object.keys(live.hits[0]!).sort());
    }
  });

  it("finds the same stories for a folded query and counts facets the same way", async () => {
    const [live, fallback] = await Promise.all([searchStories(q({ q: "dak lak" }), content), searchStories(q({ q: "dak lak" }), down)]);
    expect(fallback.hits.map((h) => h.id).sort()).toEqual(live.hits.map((h) => h.id).sort());
    const teacher = await searchStories(q({ q: "co giao", locale: "vi" }), down);
    expect(teacher.hits.some((h) => h.title.includes("<mark>Cô</mark> <mark>giáo</mark>"))).toBe(true);

    const filters = q({ locale: "vi", movement: "nong-thon-moi" });
    const [liveFacets, fallbackFacets] = await Promise.all([searchStories(filters, content), searchStories(filters, down)]);
    expect(fallbackFacets.facets).toEqual(liveFacets.facets);
    expect(fallbackFacets.total).toBe(liveFacets.total);
  });
});
