import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { storyProblems } from "@/lib/content/checks";

const root = path.resolve(import.meta.dirname, "../..");

const valid = {
  title: "Cựu chiến binh hiến đất mở đường",
  slug: "cuu-chien-binh-hien-dat",
  locale: "vi",
  subjectName: "Ông Nông Văn Lượng",
  role: "Nông dân",
  summary: "Ông hiến 1.200 m² đất vườn để mở đường thôn.",
  coverAlt: "Con đường bê tông giữa đồi",
  cover: "/covers/a.svg",
  tags: ["nông thôn mới"],
};
const context = { folderLocale: "vi", coverExists: () => true };

describe("storyProblems", () => {
  it("accepts a well-formed story", () => {
    expect(storyProblems(valid, context)).toEqual([]);
  });

  it("names the field of each problem", () => {
    expect(storyProblems({ ...valid, locale: "en" }, context)[0]).toMatch(/^locale:/);
    expect(storyProblems({ ...valid, slug: "Cựu Chiến Binh" }, context)[0]).toMatch(/^slug:/);
    expect(storyProblems({ ...valid, title: valid.title.normalize("NFD") }, context)[0]).toMatch(/^title: .*NFC/);
    expect(storyProblems({ ...valid, cover: "https://example.com/x.jpg" }, context)[0]).toMatch(/^cover:/);
    expect(storyProblems(valid, { ...context, coverExists: () => false })[0]).toMatch(/^cover: public\/covers\/a.svg does not exist/);
    expect(storyProblems({ ...valid, tags: [] }, context)[0]).toMatch(/^tags:/);
    const known = { movement: new Set(["nong-thon-moi"]), field: new Set(["giao-duc"]), province: new Set(["ha-giang"]) };
    const withRefs = { ...valid, movement: "nong-thon-moi", field: "giao-duc", province: "ha-giang" };
    expect(storyProblems(withRefs, { ...context, known })).toEqual([]);
    expect(storyProblems({ ...withRefs, province: "hanoi" }, { ...context, known })).toEqual(['province: "hanoi" is not in content/taxonomies']);
    expect(storyProblems({ ...valid, summary: "x".repeat(301) }, context)[0]).toMatch(/^summary:/);
  });

  it("takes an optional byline and source, the source's address only as https and with its name", () => {
    expect(storyProblems({ ...valid, byline: "Thu Hà", source: "Báo Lao Động", sourceUrl: "https://laodong.vn/bai-viet" }, context)).toEqual([]);
    expect(storyProblems({ ...valid, byline: "Thu Hà" }, context)).toEqual([]);
    expect(storyProblems({ ...valid, source: "Báo Lao Động", sourceUrl: "http://laodong.vn" }, context)).toEqual(['sourceUrl: "http://laodong.vn" must be an https:// address']);
    expect(storyProblems({ ...valid, sourceUrl: "https://laodong.vn/x" }, context)).toEqual(["sourceUrl: give the source's name in source too"]);
    expect(storyProblems({ ...valid, byline: "Thu Hà".normalize("NFD") }, context)[0]).toMatch(/^byline: .*NFC/);
  });

  it("writes place names without diacritics in English, people's names with theirs", () => {
    const placeNames = [
      { name: "Lai Châu", nameEn: "Lai Chau" },
      { name: "Hà Giang", nameEn: "Ha Giang" },
      { name: "Hà Nam", nameEn: "Ha Nam" },
    ];
    const en = { ...valid, locale: "en", title: "A teacher in Lai Chau", subjectName: "Đặng Thị Hoài", role: "Teacher", summary: "Ms Hoài teaches in Lai Chau.", coverAlt: "A school", tags: ["education"] };
    const enContext = { folderLocale: "en", coverExists: () => true, placeNames };
    expect(storyProblems({ ...en, body: { raw: "Ms Hoài came to Lai Chau from Nam Dinh." } }, enContext)).toEqual([]);
    expect(storyProblems({ ...en, summary: "She teaches in Lai Châu.", body: { raw: "Born in Hà Giang." } }, enContext)).toEqual([
      'summary: writes "Lai Châu"; in English, place names are written without diacritics: "Lai Chau"',
      'body: writes "Hà Giang"; in English, place names are written without diacritics: "Ha Giang"',
    ]);
    // Whole names only, and decomposed text is caught too.
    expect(storyProblems({ ...en, body: { raw: "Hà Namkhan is not a province." } }, enContext)).toEqual([]);
    expect(storyProblems({ ...en, body: { raw: "In Lai Châu.".normalize("NFD") } }, enContext)).toHaveLength(1);
    // Vietnamese stories keep the Vietnamese names.
    expect(storyProblems({ ...valid, summary: "Cô giáo ở Lai Châu.", body: { raw: "Lai Châu" } }, { ...context, placeNames })).toEqual([]);
  });
});

// The real content build, run in a scratch folder so it cannot touch .contentlayer here.
function buildContent(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "lantoa-content-"));
  try {
    for (const link of ["node_modules", "lib", "public"]) symlinkSync(path.join(root, link), path.join(dir, link));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "content-check", type: "module" }));
    mkdirSync(path.join(dir, "content"), { recursive: true });
    symlinkSync(path.join(root, "content/taxonomies"), path.join(dir, "content/taxonomies"));
    cpSync(path.join(root, "contentlayer.config.ts"), path.join(dir, "contentlayer.config.ts"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, "content/stories", name)), { recursive: true });
      writeFileSync(path.join(dir, "content/stories", name), text);
    }
    // Through the scratch folder's symlinked node_modules, with symlinks preserved: contentlayer
    // writes next to the CLI's resolved path, which would otherwise be this checkout.
    // And through sh: contentlayer's CLI can stall when a Node process spawns it directly.
    const result = spawnSync("sh", ["-c", `"${process.execPath}" --preserve-symlinks --preserve-symlinks-main node_modules/contentlayer2/bin/cli.cjs build`], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LANTOA_CONTENT_DIR: path.join(dir, "content/stories") },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const frontmatter = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    title: '"Cô giáo nơi biên giới"', slug: '"co-giao-noi-bien-gioi"', locale: "vi", translationKey: '"t1"', subjectName: '"Cô Lò Thị Mai"',
    subjectKind: "individual", role: '"Giáo viên"', directWorker: "true", province: '"lai-chau"', movement: '"xa-hoi-hoc-tap"', field: '"giao-duc"',
    publishedAt: "2024-03-01", summary: '"Cô giữ học trò ở lại trường."', cover: '"/covers/a01-cuu-chien-binh-hien-dat.svg"', coverAlt: '"Mái trường"', tags: '["giáo dục"]',
    ...overrides,
  };
  return `---\n${Object.entries(fields).filter(([, v]) => v !== "").map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n\nNội dung.\n`;
};

describe("content build", () => {
  it("builds a valid story", () => {
    const { status, output } = buildContent({ "vi/ok.mdx": frontmatter() });
    expect(output).toMatch(/Generated 1 documents/);
    expect(status).toBe(0);
  }, 60_000);

  it("fails on a broken story, naming the file and the field", () => {
    const { status, output } = buildContent({ "vi/ok.mdx": frontmatter(), "vi/broken.mdx": frontmatter({ movement: '"phong-trao-khong-co"', slug: '"khac"' }) });
    expect(status).not.toBe(0);
    expect(output).toContain("vi/broken.mdx");
    expect(output).toContain("movement");
  }, 60_000);

  it("builds a structured recognition, and fails on one that names no form of the law", () => {
    const recognition = (form: string) => ({ award: '"Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo (2023)"', recognition: `\n  form: "${form}"\n  year: 2023\n  decision: "2035/QĐ-BGDĐT"` });
    const good = buildContent({ "vi/ok.mdx": frontmatter(recognition("bang-khen-bo-ban-nganh-tinh")) });
    expect(good.output).toMatch(/Generated 1 documents/);
    expect(good.status).toBe(0);
    const bad = buildContent({ "vi/ok.mdx": frontmatter(), "vi/bad-form.mdx": frontmatter({ ...recognition("bang-khen-tu-dat"), slug: '"bad-form"', translationKey: '"t2"' }) });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain("vi/bad-form.mdx");
    expect(bad.output).toContain('recognition.form: "bang-khen-tu-dat" is not in content/taxonomies/commendations.json');
  }, 120_000);

  it("fails when a required field is missing", () => {
    const { status, output } = buildContent({ "vi/no-summary.mdx": frontmatter({ summary: "" }) });
    expect(status).not.toBe(0);
    expect(output).toContain("vi/no-summary.mdx");
    expect(output).toContain("summary");
  }, 60_000);
});
