import { describe, expect, it } from "vitest";
import provinces from "@/content/taxonomies/provinces.json";
import movements from "@/content/taxonomies/movements.json";
import { currentUnitOf, provinceLabel, provincePageSlugs, provincePages, sortedCurrentProvinces } from "@/lib/content/taxonomies";

describe("provinces", () => {
  it("has the 34 current units: 28 provinces and 6 cities", () => {
    expect(provinces.current).toHaveLength(34);
    expect(provinces.current.filter((p) => p.kind === "city").map((p) => p.slug).sort()).toEqual(
      ["can-tho", "da-nang", "ha-noi", "hai-phong", "ho-chi-minh", "hue"],
    );
    expect(new Set(provinces.current.map((p) => p.slug)).size).toBe(34);
  });

  it("maps each of the former 63 to exactly one current unit", () => {
    expect(provinces.former).toHaveLength(63);
    expect(new Set(provinces.former.map((p) => p.slug)).size).toBe(63);
    const currentSlugs = new Set(provinces.current.map((p) => p.slug));
    for (const former of provinces.former) expect(currentSlugs.has(former.current)).toBe(true);
    // formedFrom is the inverse of the mapping: every former unit appears once, under its unit.
    const listed = provinces.current.flatMap((c) => c.formedFrom.map((f) => [f, c.slug] as const));
    expect(listed).toHaveLength(63);
    for (const [former, current] of listed) expect(provinces.former.find((p) => p.slug === former)?.current).toBe(current);
  });

  it("follows the 2025 resolution for merged units", () => {
    expect(currentUnitOf("ha-giang")?.slug).toBe("tuyen-quang");
    expect(currentUnitOf("binh-duong")?.slug).toBe("ho-chi-minh");
    expect(currentUnitOf("ba-ria-vung-tau")?.slug).toBe("ho-chi-minh");
    expect(currentUnitOf("quang-nam")?.slug).toBe("da-nang");
    expect(currentUnitOf("kon-tum")?.slug).toBe("quang-ngai");
    expect(currentUnitOf("thua-thien-hue")?.slug).toBe("hue");
    expect(currentUnitOf("ha-tinh")?.slug).toBe("ha-tinh");
    expect(provinces.current.find((p) => p.slug === "ninh-binh")?.formedFrom.sort()).toEqual(["ha-nam", "nam-dinh", "ninh-binh"]);
  });

  it("labels a merged province with the unit it now belongs to, in both locales", () => {
    expect(provinceLabel("ha-giang", "vi")).toBe("Hà Giang (nay thuộc Tuyên Quang)");
    expect(provinceLabel("ha-giang", "en")).toBe("Ha Giang (now part of Tuyen Quang)");
    expect(provinceLabel("tuyen-quang", "vi")).toBe("Tuyên Quang");
    expect(provinceLabel("thua-thien-hue", "vi")).toBe("Thừa Thiên Huế (nay thuộc Huế)");
  });

  it("lists a story from a former province under both pages", () => {
    expect(provincePageSlugs("ha-giang")).toEqual(["ha-giang", "tuyen-quang"]);
    expect(provincePageSlugs("tuyen-quang")).toEqual(["tuyen-quang"]);
    const pages = provincePages();
    expect(pages.filter((p) => p.isCurrent)).toHaveLength(34);
    expect(pages.map((p) => p.slug)).toContain("ha-giang");
  });

  it("sorts units in Vietnamese collation (Đ after D, not after Z)", () => {
    const names = sortedCurrentProvinces("vi").map((p) => p.name);
    expect(names.indexOf("Đà Nẵng")).toBeGreaterThan(names.indexOf("Cà Mau"));
    expect(names.indexOf("Đà Nẵng")).toBeLessThan(names.indexOf("Gia Lai"));
  });

  it("stores every name in NFC", () => {
    for (const text of JSON.stringify([provinces, movements]).match(/"[^"]*"/g) ?? []) expect(text).toBe(text.normalize("NFC"));
  });
});

describe("movements", () => {
  it("has the six national movements with both languages", () => {
    expect(movements).toHaveLength(6);
    for (const m of movements) {
      expect(m.name.vi.length).toBeGreaterThan(5);
      expect(m.name.en.length).toBeGreaterThan(5);
    }
  });
});
