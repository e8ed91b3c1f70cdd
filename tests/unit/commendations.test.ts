// The titles and forms of the Law on Emulation and Commendation (06/2022/QH15) as data, and the
// checks on a story's structured recognition that refer to them.
import { describe, expect, it } from "vitest";
import { allStories } from "contentlayer/generated";
import data from "@/content/taxonomies/commendations.json";
import { recognitionProblems, type KnownCommendation } from "@/lib/content/checks";
import { getCommendation, targetTierOf } from "@/lib/content/commendations";

const names = new Map(data.commendations.map((c) => [c.name.vi, c]));

describe("commendations taxonomy", () => {
  it("has every emulation title of Article 8, with its level", () => {
    const titles = data.commendations.filter((c) => c.kind === "title");
    expect(titles.map((c) => c.name.vi)).toEqual([
      "Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Chiến sĩ tiên tiến",
      "Cờ thi đua của Chính phủ", "Cờ thi đua của bộ, ban, ngành, tỉnh", "Tập thể lao động xuất sắc", "Đơn vị quyết thắng", "Tập thể lao động tiên tiến", "Đơn vị tiên tiến",
      "Xã, phường, thị trấn tiêu biểu", "Thôn, tổ dân phố văn hóa", "Gia đình văn hóa",
    ]);
    expect(names.get("Chiến sĩ thi đua toàn quốc")?.level).toBe("government");
    expect(names.get("Cờ thi đua của Chính phủ")?.level).toBe("government");
    expect(names.get("Chiến sĩ thi đua cơ sở")?.level).toBe("grassroots");
    expect(names.get("Gia đình văn hóa")?.subjects).toEqual(["household"]);
  });

  it("has the seven forms of Article 9: orders, medals, State honorary titles, the two prizes, commemorative medals, certificates of merit and of commendation", () => {
    expect(data.groups.filter((g) => g.article === 9).map((g) => g.name.vi)).toEqual([
      "Huân chương", "Huy chương", "Danh hiệu vinh dự nhà nước", "Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước", "Kỷ niệm chương", "Bằng khen", "Giấy khen",
    ]);
    const orders = data.commendations.filter((c) => c.group === "huan-chuong").map((c) => c.name.vi);
    expect(orders).toEqual([
      "Huân chương Sao vàng", "Huân chương Hồ Chí Minh", "Huân chương Độc lập", "Huân chương Quân công", "Huân chương Lao động",
      "Huân chương Bảo vệ Tổ quốc", "Huân chương Chiến công", "Huân chương Đại đoàn kết dân tộc", "Huân chương Dũng cảm", "Huân chương Hữu nghị",
    ]);
    // Names and order as the gazette prints the law (Công báo 571 + 572, 15/7/2022): Articles 33, 54 and 59.
    expect(data.commendations.filter((c) => c.group === "huy-chuong").map((c) => c.name.vi)).toEqual(["Huy chương Quân kỳ quyết thắng", "Huy chương Vì an ninh Tổ quốc", "Huy chương Chiến sĩ vẻ vang", "Huy chương Hữu nghị"]);
    expect(data.commendations.filter((c) => c.group === "danh-hieu-vinh-du-nha-nuoc").map((c) => c.name.vi)).toEqual([
      "Tỉnh Anh hùng", "Thành phố Anh hùng", "Bà mẹ Việt Nam anh hùng", "Anh hùng Lực lượng vũ trang nhân dân", "Anh hùng Lao động",
      "Nhà giáo nhân dân", "Nhà giáo ưu tú", "Thầy thuốc nhân dân", "Thầy thuốc ưu tú", "Nghệ sĩ nhân dân", "Nghệ sĩ ưu tú", "Nghệ nhân nhân dân", "Nghệ nhân ưu tú",
    ]);
    for (const ranked of ["Huân chương Độc lập", "Huân chương Quân công", "Huân chương Lao động", "Huân chương Bảo vệ Tổ quốc", "Huân chương Chiến công", "Huy chương Chiến sĩ vẻ vang"]) {
      expect(names.get(ranked)?.classes, ranked).toEqual(["hang-nhat", "hang-nhi", "hang-ba"]);
    }
    for (const name of ["Anh hùng Lao động", "Anh hùng Lực lượng vũ trang nhân dân", "Bà mẹ Việt Nam anh hùng", "Nhà giáo nhân dân", "Thầy thuốc ưu tú", "Nghệ nhân nhân dân"]) {
      expect(names.get(name)?.group, name).toBe("danh-hieu-vinh-du-nha-nuoc");
    }
    expect(names.get("Giải thưởng Hồ Chí Minh")?.level).toBe("state");
    expect(names.get("Bằng khen của Thủ tướng Chính phủ")?.level).toBe("government");
    expect(names.get("Bằng khen của bộ, ban, ngành, tỉnh")?.level).toBe("ministry-province");
    expect(names.get("Giấy khen")?.level).toBe("grassroots");
    // Everything the President confers is State level.
    for (const group of ["huan-chuong", "huy-chuong", "danh-hieu-vinh-du-nha-nuoc", "giai-thuong"]) {
      for (const c of data.commendations.filter((x) => x.group === group)) expect(c.level, c.slug).toBe("state");
    }
  });

  it("is well formed: unique slugs, known levels, groups and classes, both languages, NFC", () => {
    const slugs = data.commendations.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const levels = new Set(data.levels.map((l) => l.slug));
    const groups = new Set(data.groups.map((g) => g.slug));
    const classes = new Set(data.classes.map((c) => c.slug));
    for (const c of data.commendations) {
      expect(c.slug, c.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(levels.has(c.level), c.slug).toBe(true);
      expect(groups.has(c.group), c.slug).toBe(true);
      expect(c.name.vi.length && c.name.en.length, c.slug).toBeGreaterThan(3);
      expect(c.subjects.length, c.slug).toBeGreaterThan(0);
      for (const k of ("classes" in c ? c.classes : []) ?? []) expect(classes.has(k), c.slug).toBe(true);
    }
    // Orders with three classes, as the law grades them.
    expect(getCommendation("huan-chuong-lao-dong")?.classes).toEqual(["hang-nhat", "hang-nhi", "hang-ba"]);
    expect(getCommendation("huan-chuong-sao-vang")?.classes).toBeUndefined();
    for (const text of JSON.stringify(data).match(/"[^"]*"/g) ?? []) expect(text).toBe(text.normalize("NFC"));
  });

  it("groups levels into the two tiers the targets speak of", () => {
    expect(["state", "government", "ministry-province", "grassroots"].map((l) => targetTierOf(l as never))).toEqual(["state", "state", "province", null]);
  });
});

describe("a story's recognition", () => {
  const known = new Map<string, KnownCommendation>(data.commendations.map((c) => [c.slug, c]));
  const story = { subjectKind: "individual", publishedAt: "2024-05-01", award: "Bằng khen của Chủ tịch UBND tỉnh (2023)" };
  const ok = { form: "bang-khen-bo-ban-nganh-tinh", year: 2023, decision: "1186/QĐ-UBND" };

  it("accepts a known form, its class, a year up to the story's and a decision number", () => {
    expect(recognitionProblems({ ...story, recognition: ok }, known)).toEqual([]);
    expect(recognitionProblems({ ...story, recognition: { form: "huan-chuong-lao-dong", class: "hang-ba", year: 2024, decision: "1520/QĐ-CTN" } }, known)).toEqual([]);
    expect(recognitionProblems({ ...story, recognition: { form: "bang-khen-thu-tuong-chinh-phu", year: 2024, decision: "35/QĐ-TTg" } }, known)).toEqual([]);
    expect(recognitionProblems(story, known)).toEqual([]);
    // An award outside the law's forms (a trade union's own) may stay text only.
    expect(recognitionProblems({ ...story, award: "Bằng Lao động sáng tạo" }, known)).toEqual([]);
  });

  it("names the field of each problem", () => {
    const problems = (recognition: Record<string, unknown>, extra: Record<string, unknown> = {}) => recognitionProblems({ ...story, ...extra, recognition }, known);
    expect(problems({ ...ok, form: "bang-khen-cua-ai-do" })).toEqual(['recognition.form: "bang-khen-cua-ai-do" is not in content/taxonomies/commendations.json']);
    expect(problems(ok, { award: undefined })[0]).toMatch(/^award:/);
    expect(problems({ ...ok, form: "co-thi-dua-cua-chinh-phu" })[0]).toMatch(/^recognition.form: .* not given to a subject of kind "individual"/);
    expect(problems({ form: "huan-chuong-lao-dong", year: 2023 })[0]).toMatch(/^recognition.class:/);
    expect(problems({ ...ok, class: "hang-nhat" })[0]).toMatch(/^recognition.class:/);
    expect(problems({ ...ok, year: 2025 })[0]).toMatch(/^recognition.year:/);
    expect(problems({ ...ok, year: 1900 })[0]).toMatch(/^recognition.year:/);
    expect(problems({ ...ok, decision: "số 1186" })[0]).toMatch(/^recognition.decision:/);
  });
});

describe("recognitions in the content", () => {
  it("refer to the taxonomy, and a translation records the same recognition as its original", () => {
    const vi = new Map(allStories.filter((s) => s.locale === "vi").map((s) => [s.translationKey, s]));
    const withRecognition = allStories.filter((s) => s.recognition);
    expect(withRecognition.length).toBeGreaterThanOrEqual(15);
    for (const s of withRecognition) expect(getCommendation(s.recognition!.form), s._raw.sourceFilePath).toBeDefined();
    const levels = new Set(withRecognition.map((s) => getCommendation(s.recognition!.form)!.level));
    expect(levels).toEqual(new Set(["state", "government", "ministry-province", "grassroots"]));
    for (const en of allStories.filter((s) => s.locale === "en")) {
      const original = vi.get(en.translationKey)!;
      const strip = (r: typeof en.recognition) => r && { form: r.form, class: r.class, year: r.year, decision: r.decision };
      expect(strip(en.recognition), en._raw.sourceFilePath).toEqual(strip(original.recognition));
      expect(en.directWorker, en._raw.sourceFilePath).toBe(original.directWorker);
      expect(Boolean(en.award), en._raw.sourceFilePath).toBe(Boolean(original.award));
    }
  });
});
