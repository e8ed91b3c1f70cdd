import { describe, expect, it } from "vitest";
import { currentProvinces, currentUnitOf, formerProvinces } from "@/lib/content/taxonomies";
import { currentUnitSlug } from "@/lib/search/documents";
import { foldText, foldWithOffsets, plainTextFromMdx } from "@/lib/search/text";
import { highlightToHtml, markRanges } from "@/lib/search/highlight";
import { parseStoryQuery, parseStoryQueryLeniently } from "@/lib/search/params";
import { expandSynonyms } from "@/lib/search/settings";
import { storyQueryParams } from "@/lib/search/url";

describe("folding", () => {
  it("drops diacritics, đ and case", () => {
    expect(foldText("Đắk Lắk")).toBe("dak lak");
    expect(foldText("NGƯỜI TỐT, VIỆC TỐT")).toBe("nguoi tot, viec tot");
    // Decomposed input (NFD, as some keyboards send it) folds the same.
    expect(foldText("Thanh Hoá".normalize("NFD"))).toBe(foldText("Thanh Hóa"));
  });

  it("maps folded offsets back to the original text", () => {
    const text = "Cô giáo Đắk Lắk";
    const { folded, origin } = foldWithOffsets(text);
    const start = folded.indexOf("dak");
    expect(text.slice(origin[start], origin[start + 3])).toBe("Đắk");
  });
});

describe("highlights", () => {
  it("escapes everything and only turns placeholders into <mark>", () => {
    const marked = markRanges(`<b>"Cô" & giáo</b>`, [[4, 6]]);
    expect(highlightToHtml(marked)).toBe("&lt;b&gt;&quot;<mark>Cô</mark>&quot; &amp; giáo&lt;/b&gt;");
  });

  it("balances stray placeholders", () => {
    expect(highlightToHtml("\uE001a\uE000b")).toBe("a<mark>b</mark>");
  });
});

describe("story documents", () => {
  it("resolve every province to the same current unit as the taxonomies", () => {
    for (const p of [...formerProvinces, ...currentProvinces]) expect(currentUnitSlug(p.slug)).toBe(currentUnitOf(p.slug)?.slug);
  });

  it("read MDX as plain text", () => {
    expect(plainTextFromMdx(`## Tiêu đề\n\n> “Trích dẫn” của **cô** [Hoài](https://x.vn)\n\n<Callout>Lời</Callout>`)).toBe("Tiêu đề “Trích dẫn” của cô Hoài Lời");
  });

  it("make synonyms mutual", () => {
    // Each spelling also without diacritics: Meilisearch looks synonyms up as typed.
    expect(expandSynonyms([["ntm", "nông thôn mới"]])).toEqual({ ntm: ["nông thôn mới", "nong thon moi"], "nông thôn mới": ["ntm"], "nong thon moi": ["ntm"] });
  });
});

describe("search parameters", () => {
  const parse = (qs: string, locale: "vi" | "en" | "all" = "all") => parseStoryQuery(new URLSearchParams(qs), locale);

  it("normalise the query to NFC and drop control and placeholder characters", () => {
    const parsed = parse(`q=${encodeURIComponent("  Thanh Hoá\u0000\uE000 ".normalize("NFD"))}`);
    expect(parsed).toEqual({ ok: true, query: { q: "Thanh Hoá", page: 1 } });
  });

  it("apply the page's locale unless told otherwise", () => {
    expect(parse("", "vi")).toMatchObject({ ok: true, query: { locale: "vi" } });
    expect(parse("locale=all", "vi")).toMatchObject({ ok: true, query: { locale: undefined } });
    expect(parse("locale=en", "vi")).toMatchObject({ ok: true, query: { locale: "en" } });
  });

  it("accept former province slugs as well as current units", () => {
    expect(parse("province=ha-giang")).toMatchObject({ ok: true, query: { province: "ha-giang" } });
    expect(parse("province=tuyen-quang")).toMatchObject({ ok: true, query: { province: "tuyen-quang" } });
  });

  it("on a page, drop the wrong fields and keep the rest", () => {
    expect(parseStoryQueryLeniently(new URLSearchParams("q=co+giao&movement=nope&year=2024&page=x"), "vi")).toEqual({ q: "co giao", locale: "vi", year: 2024, page: 1 });
  });

  it("round-trip through the URL", () => {
    const query = { q: "cô giáo", locale: "en" as const, province: "ha-giang", year: 2024, kind: "collective" as const, page: 2 };
    expect(parse(storyQueryParams(query, "vi").toString(), "vi")).toEqual({ ok: true, query });
    expect(storyQueryParams({ q: "", locale: "vi", page: 1 }, "vi").toString()).toBe("");
    expect(storyQueryParams({ q: "", page: 1 }, "vi").toString()).toBe("locale=all");
  });
});
