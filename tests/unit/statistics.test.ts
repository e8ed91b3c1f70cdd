// The movement's numbers, checked against counts made here straight from the story files and the
// taxonomy JSON (their own small frontmatter reader, not contentlayer's output), then the CSV and
// the chart drawn from the same tables.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import provinces from "@/content/taxonomies/provinces.json";
import movements from "@/content/taxonomies/movements.json";
import fields from "@/content/taxonomies/fields.json";
import commendations from "@/content/taxonomies/commendations.json";
import { showcasedModels, directWorkerShares } from "@/lib/content/statistics";
import { SHOWCASE_TABLES, showcaseTables } from "@/lib/statistics/showcase";
import { tableCsv, type StatTable } from "@/lib/statistics/tables";
import { BarChart, wrapLabel } from "@/components/bar-chart";

const root = path.resolve(import.meta.dirname, "../..");

/** Top-level `key: value` lines of a story's frontmatter, with one level of nested `  key: value` lines. */
function frontmatter(file: string): Record<string, string | Record<string, string>> {
  const text = readFileSync(file, "utf8");
  const head = text.slice(4, text.indexOf("\n---", 4));
  const out: Record<string, string | Record<string, string>> = {};
  let parent: Record<string, string> | null = null;
  for (const line of head.split("\n")) {
    const nested = /^ {2}(\w+): (.*)$/.exec(line);
    if (nested && parent) {
      parent[nested[1]!] = nested[2]!.replace(/^"(.*)"$/, "$1");
      continue;
    }
    const top = /^(\w+):(?: (.*))?$/.exec(line);
    if (!top) continue;
    if (top[2] === undefined || top[2] === "") out[top[1]!] = parent = {};
    else {
      out[top[1]!] = top[2].replace(/^"(.*)"$/, "$1");
      parent = null;
    }
  }
  return out;
}

const files = ["vi", "en"].flatMap((locale) => readdirSync(path.join(root, "content/stories", locale)).map((f) => path.join(root, "content/stories", locale, f)));
// A draft (`draft: true`) is not showcased yet: the site, and so its numbers, leave it out.
const stories = files.map(frontmatter).filter((s) => s.draft !== "true");
const viKeys = new Set(stories.filter((s) => s.locale === "vi").map((s) => s.translationKey));
// One model per translation key: the Vietnamese file, or an English one with no Vietnamese original.
const models = stories.filter((s) => s.locale === "vi" || !viKeys.has(s.translationKey));
const unit = (slug: string) => provinces.former.find((p) => p.slug === slug)?.current ?? slug;
const count = <T,>(items: T[], key: (item: T) => string) => items.reduce((m, i) => m.set(key(i), (m.get(key(i)) ?? 0) + 1), new Map<string, number>());
const levelOf = (form: string) => commendations.commendations.find((c) => c.slug === form)?.level;

function column(table: StatTable, index = 1): Map<string, unknown> {
  return new Map(table.rows.map((r) => [String(r[0]), r[index]]));
}

describe("the movement's numbers", () => {
  const tables = new Map(showcaseTables("vi").map((t) => [t.slug, t]));

  it("count each model once, over both locales", () => {
    expect(models.length).toBeGreaterThanOrEqual(24);
    expect(showcasedModels()).toHaveLength(models.length);
    expect(new Set(showcasedModels().map((m) => m.key))).toEqual(new Set(models.map((m) => m.translationKey)));
    expect([...tables.keys()]).toEqual([...SHOWCASE_TABLES]);
  });

  it("by province: the 34 current units, former names folded into their unit", () => {
    const expected = count(models, (m) => unit(String(m.province)));
    const table = tables.get("tinh-thanh")!;
    expect(table.rows).toHaveLength(34);
    const shown = column(table);
    for (const p of provinces.current) expect(shown.get(p.name), p.name).toBe(expected.get(p.slug) ?? 0);
    // A story named under a former province is in its unit: Hà Giang is counted in Tuyên Quang.
    expect(models.some((m) => m.province === "ha-giang")).toBe(true);
    expect(shown.get("Tuyên Quang")).toBe(models.filter((m) => m.province === "ha-giang" || m.province === "tuyen-quang").length);
    // Most first.
    const counts = table.rows.map((r) => Number(r[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("by movement, field, year and kind", () => {
    const byMovement = count(models, (m) => String(m.movement));
    for (const m of movements) expect(column(tables.get("phong-trao")!).get(m.shortName.vi), m.slug).toBe(byMovement.get(m.slug) ?? 0);
    const byField = count(models, (m) => String(m.field));
    for (const f of fields) expect(column(tables.get("linh-vuc")!).get(f.name.vi), f.slug).toBe(byField.get(f.slug) ?? 0);
    const byYear = count(models, (m) => String(m.publishedAt).slice(0, 4));
    const years = column(tables.get("nam")!);
    for (const [year, n] of byYear) expect(years.get(year), year).toBe(n);
    expect([...years.values()].reduce((a: number, b) => a + Number(b), 0)).toBe(models.length);
    const byKind = count(models, (m) => String(m.subjectKind));
    expect(tables.get("doi-tuong")!.rows).toEqual([["Cá nhân", byKind.get("individual")], ["Tập thể", byKind.get("collective")]]);
  });

  it("direct workers among models honoured at State level (President, Prime Minister) and provincial level, beside 35% and 65%", () => {
    const honoured = (levels: string[]) => models.filter((m) => typeof m.recognition === "object" && levels.includes(levelOf(m.recognition.form ?? "") ?? ""));
    const state = honoured(["state", "government"]);
    const province = honoured(["ministry-province"]);
    expect(state.length).toBeGreaterThan(0);
    expect(province.length).toBeGreaterThan(0);
    const direct = (list: typeof models) => list.filter((m) => m.directWorker === "true").length;
    const table = tables.get("nguoi-lao-dong-truc-tiep")!;
    expect(table.rows).toEqual([
      ["Cấp Nhà nước", state.length, direct(state), Math.round((direct(state) / state.length) * 1000) / 10, 35],
      ["Cấp bộ, ngành, tỉnh", province.length, direct(province), Math.round((direct(province) / province.length) * 1000) / 10, 65],
    ]);
    // A tier with nobody honoured has no share (not 0%).
    expect(directWorkerShares([])).toEqual([
      { tier: "state", honoured: 0, directWorkers: 0, share: null, target: 0.35 },
      { tier: "province", honoured: 0, directWorkers: 0, share: null, target: 0.65 },
    ]);
  });

  it("read the same in English, with English labels", () => {
    const en = showcaseTables("en");
    const vi = showcaseTables("vi");
    expect(en.map((t) => t.slug)).toEqual(vi.map((t) => t.slug));
    for (const [i, table] of en.entries()) {
      // Same numbers in the same order of keys (labels sort differently across languages only among equal counts).
      const numbers = (t: StatTable) => t.rows.map((r) => r.slice(1)).sort().join("|");
      expect(numbers(table), table.slug).toBe(numbers(vi[i]!));
    }
    expect(en.find((t) => t.slug === "doi-tuong")!.rows.map((r) => r[0])).toEqual(["Individual", "Collective"]);
  });
});

describe("CSV and chart", () => {
  const table = showcaseTables("vi").find((t) => t.slug === "nguoi-lao-dong-truc-tiep")!;

  it("CSV: byte-order mark, header, one line per row, CRLF, numbers as numbers", () => {
    const csv = tableCsv(table);
    expect(csv.startsWith("\uFEFFCấp khen thưởng,")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(table.rows.length + 2);
    expect(lines.at(-1)).toBe("");
    expect(lines[1]).toBe(table.rows[0]!.map((c) => (c === null ? "" : String(c))).join(","));
    // Text a spreadsheet would run as a formula is disarmed; commas are quoted.
    expect(tableCsv({ ...table, rows: [["=1+1", 1], ["a, b", 2]] })).toContain("'=1+1,1\r\n\"a, b\",2\r\n");
  });

  it("the chart is SVG with a bar and a figure per value, a target marker, and no script", () => {
    const html = renderToStaticMarkup(
      BarChart({ spec: table.chart, title: table.title, format: (n) => `${Math.round(n * 100)}%`, noData: "chưa có", targetLabel: "Mục tiêu" }),
    );
    expect(html).not.toMatch(/<script|\son\w+=/i);
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(1);
    expect(html.match(/stroke-dasharray="4 3"/g)!.length).toBe(table.rows.length + 1); // one per row, one in the legend
    for (const row of table.chart.rows) expect(html).toContain(`${Math.round(row.values[0]! * 100)}%`);
    const empty = renderToStaticMarkup(BarChart({ spec: { series: ["x"], percent: true, rows: [{ label: "Cấp Nhà nước", values: [null], target: 0.35 }] }, title: "t", format: String, noData: "chưa có" }));
    expect(empty).toContain("chưa có");
    expect(empty).not.toContain(`<rect x="134"`); // no bar; the legend keeps its swatch
  });

  it("wraps long labels at spaces", () => {
    expect(wrapLabel("Quốc phòng, an ninh")).toEqual(["Quốc phòng,", "an ninh"]);
    expect(wrapLabel("Giao thông, hạ tầng")).toEqual(["Giao thông,", "hạ tầng"]);
    expect(wrapLabel("Thành phố Hồ Chí Minh")).toEqual(["Thành phố", "Hồ Chí Minh"]);
    expect(wrapLabel("Nông thôn mới")).toEqual(["Nông thôn mới"]);
    expect(wrapLabel("Transport and infrastructure")).toEqual(["Transport and", "infrastructure"]);
  });
});
