import { describe, expect, it } from "vitest";
import { analyzeQuery } from "@/lib/search/query-analysis";
import { expandSynonyms, FORMER_PROVINCE_SYNONYMS, SYNONYM_GROUPS } from "@/lib/search/settings";
import { planStorySearch } from "@/lib/search/story-query";
import { fewerWordQueries, suggestSearches } from "@/lib/search/suggestions";
import type { StoryDocument } from "@/lib/search/documents";

describe("query analysis: stop words", () => {
  it("drops stop words written with or without diacritics", () => {
    expect(analyzeQuery("qua va que").text).toBe("qua que");
    expect(analyzeQuery("thảo quả và quế").text).toBe("thảo quả quế");
    expect(analyzeQuery("Lớp học của những người CÁC").stopWords).toEqual(["của", "những", "các"]);
    expect(analyzeQuery("the story of a teacher").text).toBe("story a teacher");
  });

  it("keeps a query made only of stop words", () => {
    expect(analyzeQuery("và").text).toBe("và");
  });

  it("keeps words that only look like stop words", () => {
    expect(analyzeQuery("an giang vả").text).toBe("an giang vả");
  });
});

describe("query analysis: abbreviations", () => {
  it("writes dotted and spaced abbreviations as one token", () => {
    expect(analyzeQuery("TP.HCM").text).toBe("tphcm");
    expect(analyzeQuery("tp. hcm bếp cơm").text).toBe("tphcm bếp cơm");
    expect(analyzeQuery("U.B.N.D phường").text).toBe("ubnd phường");
    expect(analyzeQuery("H.T.X tôm lúa").abbreviations).toEqual(["htx"]);
  });

  it("lists the abbreviations it knows", () => {
    expect(analyzeQuery("giao vien THCS va NTM").abbreviations).toEqual(["thcs", "ntm"]);
  });

  it("has a synonym for each abbreviation, with and without diacritics, both ways", () => {
    const synonyms = expandSynonyms(SYNONYM_GROUPS);
    expect(synonyms.ubnd).toEqual(expect.arrayContaining(["ủy ban nhân dân", "uy ban nhan dan"]));
    expect(synonyms["uy ban nhan dan"]).toContain("ubnd");
    expect(synonyms.htx).toContain("hop tac xa");
    expect(synonyms.thcs).toContain("trung học cơ sở");
  });
});

describe("query analysis: places", () => {
  it("recognises a current unit or a former province, with or without diacritics", () => {
    expect(analyzeQuery("ha giang").place?.slug).toBe("ha-giang");
    expect(analyzeQuery("Hà Giang").place?.slug).toBe("ha-giang");
    expect(analyzeQuery("cô giáo Hà Giảng").place?.slug).toBe("ha-giang");
    expect(analyzeQuery("tuyen quang").place?.slug).toBe("tuyen-quang");
    expect(analyzeQuery("Ha Giang teacher").place?.slug).toBe("ha-giang");
  });

  it("takes the longest name and the words before it", () => {
    const hue = analyzeQuery("cuu ho thua thien hue");
    expect(hue.place).toEqual({ slug: "thua-thien-hue", words: ["thua", "thien", "hue"] });
    expect(hue.rest).toBe("cuu ho");
    const province = analyzeQuery("cô giáo tỉnh Hà Giang");
    expect(province.place).toEqual({ slug: "ha-giang", words: ["tỉnh", "hà", "giang"] });
    expect(province.rest).toBe("cô giáo");
  });

  it("knows other names: Sài Gòn, TP.HCM, Hanoi", () => {
    expect(analyzeQuery("Sài Gòn").place?.slug).toBe("ho-chi-minh");
    expect(analyzeQuery("TP.HCM bếp cơm").place?.slug).toBe("ho-chi-minh");
    expect(analyzeQuery("hanoi").place?.slug).toBe("ha-noi");
  });

  it("does not take a word with other diacritics, or a name, for a one-word place", () => {
    expect(analyzeQuery("cô Huệ").place).toBeUndefined();
    expect(analyzeQuery("cô Huế").place?.slug).toBe("hue");
    expect(analyzeQuery("tư tưởng Hồ Chí Minh").place).toBeUndefined();
    expect(analyzeQuery("co giao vung cao").place).toBeUndefined();
  });

  it("names former provinces under the unit they joined, one way", () => {
    expect(FORMER_PROVINCE_SYNONYMS["tuyên quang"]).toContain("hà giang");
    expect(FORMER_PROVINCE_SYNONYMS["tuyen quang"]).toContain("hà giang");
    expect(FORMER_PROVINCE_SYNONYMS["hà giang"]).toBeUndefined();
  });
});

describe("search plan", () => {
  it("narrows to a place named in the words, keeping a search everywhere in the same request", () => {
    const plan = planStorySearch({ q: "co giao ha giang", page: 1 }, "stories");
    expect(plan.inPlace?.place).toBe("ha-giang");
    expect(plan.queries[0]).toMatchObject({ q: "co giao", filter: ['provinces = "ha-giang"'] });
    expect(plan.queries[plan.everywhere.from]).toMatchObject({ q: "co giao ha giang", filter: [] });
  });

  it("leaves the place to the reader's own province choice", () => {
    const plan = planStorySearch({ q: "co giao ha giang", province: "lai-chau", page: 1 }, "stories");
    expect(plan.inPlace).toBeUndefined();
    expect(plan.queries).toHaveLength(2);
  });
});

describe("suggestions when nothing matched", () => {
  const stories = [
    { id: "vi-a", locale: "vi", title: "Hợp tác xã tôm – lúa Kênh Xáng: sạch đồng, dày túi", url: "/cau-chuyen/a" },
    { id: "vi-b", locale: "vi", title: "Khoa Khám bệnh Cái Răng rút ngắn thời gian chờ", url: "/cau-chuyen/b" },
    { id: "en-a", locale: "en", title: "Kenh Xang shrimp–rice cooperative", url: "/en/stories/a" },
  ] as unknown as StoryDocument[];

  it("offers the nearest titles, movements and provinces, typos and missing diacritics forgiven", async () => {
    const none = async (queries: string[]) => queries.map(() => 0);
    const kenh = await suggestSearches("kenh xang", "vi", stories, none);
    expect(kenh.stories.map((s) => s.url)).toEqual(["/cau-chuyen/a"]);
    expect((await suggestSearches("ha giag", "vi", stories, none)).provinces).toEqual(["ha-giang"]);
    expect((await suggestSearches("nong thn moi", "vi", stories, none)).movements).toEqual(["nong-thon-moi"]);
    expect((await suggestSearches("zzqx", "vi", stories, none))).toEqual({ movements: [], provinces: [], stories: [], queries: [] });
  });

  it("offers the query with a word fewer only when that finds stories", async () => {
    expect(fewerWordQueries("cô giáo và Mèo Vạc")).toEqual(["giáo mèo vạc", "cô mèo vạc", "cô giáo vạc", "cô giáo mèo"]);
    const counted: string[][] = [];
    const result = await suggestSearches("co giao meo", "vi", stories, async (queries) => {
      counted.push(queries);
      return queries.map((q) => (q === "co giao" ? 4 : 0));
    });
    expect(counted).toEqual([["giao meo", "co meo", "co giao"]]);
    expect(result.queries).toEqual(["co giao"]);
  });
});
