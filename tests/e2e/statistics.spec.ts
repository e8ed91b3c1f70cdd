import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import provinces from "../../content/taxonomies/provinces.json" with { type: "json" };
import { DEMO_RESULTS_YEAR, DEMO_WINNERS } from "../../lib/db/demo";

// The movement's numbers, prerendered at /thong-ke (/en/statistics) from the content, and the
// contest's, per request at /thong-ke/cuoc-thi: every chart is SVG drawn by the server, with its
// table and a CSV file that says the same; the page works without JavaScript, on a phone and a desktop.

type Built = { translationKey: string; locale: string; province: string; subjectKind: string; draft: boolean };
// Drafts are built but not showcased: the numbers leave them out.
const built: Built[] = (JSON.parse(readFileSync(path.join(import.meta.dirname, "../../.contentlayer/generated/Story/_index.json"), "utf8")) as Built[]).filter((s) => !s.draft);
// One model per translation key: the Vietnamese story, or the English one when it stands alone.
const viKeys = new Set(built.filter((s) => s.locale === "vi").map((s) => s.translationKey));
const models = built.filter((s) => s.locale === "vi" || !viKeys.has(s.translationKey));
const unitOf = new Map(provinces.former.map((p) => [p.slug, p.current]));
const unitName = new Map(provinces.current.map((p) => [p.slug, p.name]));

const shots = path.resolve("data", "screenshots");
mkdirSync(shots, { recursive: true });

/** A table's rows as text cells, header row first. */
async function tableCells(section: Locator): Promise<string[][]> {
  const summary = section.locator("summary");
  if (!(await section.locator("details").getAttribute("open"))) await summary.click();
  return section.locator("table tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent ?? "")));
}

/** The CSV behind a section's download link, through a real download. */
async function downloadCsv(page: Page, section: Locator): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: /CSV/ }).click()]);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return { name: download.suggestedFilename(), rows: parseCsv(text.slice(1)) };
}

/** RFC 4180 rows: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split("\r\n")
    .map((line) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ""))));
}

/** The table's numbers, read back as the CSV writes them (1.234 / 71,4% → 1234 / 71.4). */
const plain = (cell: string, locale: "vi" | "en") => (locale === "vi" ? cell.replace(/\./g, "").replace(",", ".") : cell.replace(/,/g, "")).replace("%", "");

for (const width of [390, 1366]) {
  test.describe(`at ${width} px, without JavaScript`, () => {
    test.use({ viewport: { width, height: 900 }, javaScriptEnabled: false, acceptDownloads: true });

    for (const locale of ["vi", "en"] as const) {
      test(`the movement's numbers (${locale}) match the content, and each CSV its table`, async ({ page }) => {
        const response = await page.goto(locale === "vi" ? "/thong-ke" : "/en/statistics");
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "vi" ? "Con số của phong trào" : "The movement in numbers");
        await expect(page.getByTestId("stat-total")).toHaveAttribute("data-value", String(models.length));
        const sections = page.getByTestId("stat-section");
        await expect(sections).toHaveCount(6);
        // Charts are SVG with no script of their own, and there is no script in the page's content.
        await expect(page.locator("main svg[role=img]")).toHaveCount(6);
        await expect(page.locator("main script, svg script, [onclick], [onload]")).toHaveCount(0);

        // Provinces: the 34 units, former names folded in, counted here from the built content.
        const byUnit = new Map<string, number>();
        for (const m of models) {
          const unit = unitOf.get(m.province) ?? m.province;
          byUnit.set(unit, (byUnit.get(unit) ?? 0) + 1);
        }
        const provinceSection = page.locator("section#tinh-thanh");
        const provinceRows = (await tableCells(provinceSection)).slice(1);
        expect(provinceRows).toHaveLength(34);
        if (locale === "vi") {
          const shown = new Map(provinceRows.map(([name, count]) => [name, Number(plain(count!, locale))]));
          for (const [slug, name] of unitName) expect(shown.get(name), name).toBe(byUnit.get(slug) ?? 0);
        }
        // Kinds.
        const kindRows = (await tableCells(page.locator("section#doi-tuong"))).slice(1);
        expect(kindRows.map((r) => Number(r[1]))).toEqual(["individual", "collective"].map((k) => models.filter((m) => m.subjectKind === k).length));

        await page.screenshot({ path: path.join(shots, `statistics-${locale}-${width}.png`), fullPage: true });

        // Every table and its CSV file agree, cell by cell.
        for (const section of await sections.all()) {
          const cells = await tableCells(section);
          const csv = await downloadCsv(page, section);
          expect(csv.name).toMatch(/^lan-toa-[a-z-]+(-en)?\.csv$/);
          expect(csv.rows[0]).toEqual(cells[0]);
          expect(csv.rows.slice(1).map((r) => [r[0], ...r.slice(1).map((v) => (v === "" ? "" : String(Number(v))))])).toEqual(
            cells.slice(1).map((r) => [r[0], ...r.slice(1).map((v) => (/\d/.test(v) ? String(Number(plain(v, locale))) : ""))]),
          );
          // Each bar of the chart is a row of the table, with its figure (the provinces' chart leaves out units without a model).
          const bars = await section.locator("svg[role=img] g[data-label]").evaluateAll((groups) =>
            groups.map((g) => [g.getAttribute("data-label"), g.querySelector("text[data-value]")?.getAttribute("data-value")]),
          );
          expect(bars.length).toBeGreaterThan(0);
          // The direct-worker chart draws the share (0–1), which the table gives as a percentage in its fourth column.
          const shares = (await section.getAttribute("id")) === "nguoi-lao-dong-truc-tiep";
          const csvValue = new Map(csv.rows.slice(1).map((r) => [r[0], shares ? r[3] : r[1]]));
          for (const [label, value] of bars) {
            const drawn = value === "" ? "" : String(shares ? Math.round(Number(value) * 1000) / 10 : Number(value));
            expect(drawn, label!).toBe(csvValue.get(label!) === "" ? "" : String(Number(csvValue.get(label!))));
          }
        }
      });
    }

    test("the contest's numbers: only published years, each table beside its CSV", async ({ page }) => {
      const response = await page.goto("/thong-ke/cuoc-thi");
      expect(response?.status()).toBe(200);
      const sections = page.getByTestId("stat-section");
      await expect(sections).toHaveCount(1);
      const section = sections.first();
      await expect(section.getByRole("heading", { level: 2 })).toHaveText(`Năm ${DEMO_RESULTS_YEAR}`);
      const cells = await tableCells(section);
      expect(cells[0]!.slice(0, 3)).toEqual(["Thể loại", "Tác phẩm dự thi", "Giải thưởng"]);
      const prizes = cells.slice(1).reduce((sum, row) => sum + Number(row[2]), 0);
      expect(prizes).toBe(DEMO_WINNERS.length);
      await page.screenshot({ path: path.join(shots, `statistics-contest-vi-${width}.png`), fullPage: true });
      const csv = await downloadCsv(page, section);
      expect(csv.name).toBe(`lan-toa-cuoc-thi-${DEMO_RESULTS_YEAR}.csv`);
      expect(csv.rows).toEqual(cells);

      await page.goto("/en/statistics/contest");
      await expect(page.getByTestId("stat-section").getByRole("heading", { level: 2 })).toHaveText(String(DEMO_RESULTS_YEAR));
      await page.screenshot({ path: path.join(shots, `statistics-contest-en-${width}.png`), fullPage: true });
    });
  });
}

test("the statistics are linked from the menu, the footer and the sitemap", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Thống kê" })).toHaveAttribute("href", "/thong-ke");
  await expect(page.locator("footer").getByRole("link", { name: "Thống kê" })).toHaveAttribute("href", "/thong-ke");
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const p of ["/thong-ke", "/en/statistics", "/thong-ke/cuoc-thi", "/en/statistics/contest"]) expect(sitemap).toContain(`${p}</loc>`);
});
