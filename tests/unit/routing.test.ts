import { describe, expect, it } from "vitest";
import { localizedPath, pagedPath } from "@/lib/i18n/paths";
import { localeRewrites, routes } from "@/lib/i18n/routes";
import { pageWindow, paginate, parsePageParam, extraPageNumbers } from "@/lib/content/paginate";
import { formatDate, compareText } from "@/lib/i18n/format";

describe("localizedPath", () => {
  it("serves Vietnamese without a prefix on translated paths and English under /en", () => {
    expect(localizedPath("vi", "/")).toBe("/");
    expect(localizedPath("en", "/")).toBe("/en");
    expect(localizedPath("vi", "/stories/[slug]", { slug: "cuu-chien-binh" })).toBe("/cau-chuyen/cuu-chien-binh");
    expect(localizedPath("en", "/stories/[slug]", { slug: "the-veteran" })).toBe("/en/stories/the-veteran");
    expect(localizedPath("vi", "/search")).toBe("/tim-kiem");
    expect(localizedPath("en", "/search")).toBe("/en/search");
  });

  it("builds paginated paths, page 1 being the listing itself", () => {
    expect(pagedPath("vi", "/movements/[slug]", { slug: "nong-thon-moi" }, 1)).toBe("/phong-trao/nong-thon-moi");
    expect(pagedPath("vi", "/movements/[slug]", { slug: "nong-thon-moi" }, 3)).toBe("/phong-trao/nong-thon-moi/trang/3");
    expect(pagedPath("en", "/stories", {}, 2)).toBe("/en/stories/page/2");
  });

  it("refuses to build a path with a missing parameter", () => {
    expect(() => localizedPath("vi", "/stories/[slug]")).toThrow(/slug/);
  });

  it("has a rewrite for every Vietnamese path onto its internal route", () => {
    const { exact, fallback } = localeRewrites();
    expect(exact).toHaveLength(Object.keys(routes).length);
    expect(exact).toContainEqual({ source: "/cau-chuyen/:slug", destination: "/vi/stories/:slug" });
    expect(exact).toContainEqual({ source: "/", destination: "/vi" });
    const pattern = new RegExp(`^/${fallback.source.slice("/:path(".length, -1)}$`);
    expect(pattern.test("/khong-co-trang-nay")).toBe(true);
    for (const reserved of ["/en", "/en/stories", "/api/health", "/_next/static/x.js", "/og/vi/story/x", "/vi/stories/x"]) {
      expect(pattern.test(reserved), reserved).toBe(false);
    }
  });
});

describe("pagination", () => {
  const items = Array.from({ length: 30 }, (_, i) => i);
  it("slices pages and rejects pages past the end", () => {
    expect(paginate(items, 1, 12)?.items).toEqual(items.slice(0, 12));
    expect(paginate(items, 3, 12)).toMatchObject({ items: items.slice(24), page: 3, pageCount: 3, total: 30 });
    expect(paginate(items, 4, 12)).toBeUndefined();
    expect(paginate([], 1, 12)).toMatchObject({ items: [], pageCount: 1 });
    expect(extraPageNumbers(30, 12)).toEqual(["2", "3"]);
    expect(extraPageNumbers(12, 12)).toEqual([]);
  });
  it("accepts only canonical page segments", () => {
    expect(parsePageParam("2")).toBe(2);
    for (const bad of ["1", "0", "02", "2x", "-1", ""]) expect(parsePageParam(bad)).toBeUndefined();
  });
  it("elides long runs of page links", () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 170)).toEqual([1, null, 8, 9, 10, 11, 12, null, 170]);
  });
});

describe("Vietnamese formats", () => {
  it("writes dates as dd/mm/yyyy in Vietnamese and in words in English", () => {
    expect(formatDate("2024-05-07T00:00:00.000Z", "vi")).toBe("07/05/2024");
    expect(formatDate("2024-05-07T00:00:00.000Z", "en")).toBe("7 May 2024");
  });
  it("sorts with Vietnamese collation", () => {
    expect(["Ơ", "Đ", "D", "Ô", "O", "E"].sort((a, b) => compareText(a, b, "vi"))).toEqual(["D", "Đ", "E", "O", "Ô", "Ơ"]);
  });
});
