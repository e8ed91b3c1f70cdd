import { expect, test } from "@playwright/test";
import { DEMO_WINNERS } from "../../lib/db/demo";

// The public results page over the demo seed (LANTOA_DEMO=1): the 2025 contest's published
// prize-winners, in both languages; a contest without published results has no page. Read-only.

test("the 2025 results list the prize-winners by category, with their authors", async ({ page }) => {
  const response = await page.goto("/ket-qua/2025");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cuộc thi năm 2025");
  await expect(page.getByTestId("prize")).toHaveCount(DEMO_WINNERS.length);
  const online = page.getByRole("region", { name: "Báo điện tử" });
  await expect(online.getByText("Giải A")).toBeVisible();
  await expect(online.getByRole("heading", { level: 3 })).toHaveText("Những người thắp sáng bản làng");
  await expect(online.getByText("Trịnh Quang Huy (Quang Huy)")).toBeVisible();
  await expect(page.getByText("Giải Khuyến khích")).toBeVisible();

  await page.goto("/en/results/2025");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2025 contest results");
  await expect(page.getByText("Encouragement prize")).toBeVisible();
});

test("a contest whose results are not published has no results page", async ({ page }) => {
  expect((await page.goto("/ket-qua/2026"))?.status()).toBe(404);
  expect((await page.goto("/en/results/1999"))?.status()).toBe(404);
});

test("the contest page links to every published year, and only those", async ({ page }) => {
  await page.goto("/cuoc-thi");
  await expect(page.getByRole("link", { name: "Kết quả cuộc thi năm 2026" })).toHaveCount(0);
  await page.getByRole("link", { name: "Kết quả cuộc thi năm 2025" }).click();
  await expect(page).toHaveURL("/ket-qua/2025");
  await page.goto("/en/contest");
  await page.getByRole("link", { name: "Results of the 2025 contest" }).click();
  await expect(page).toHaveURL("/en/results/2025");
});

test("each prize-winner has its own page and preview image; no other code has one", async ({ page, request }) => {
  const winner = DEMO_WINNERS.find((w) => w.tier === "A")!;
  await page.goto("/ket-qua/2025");
  await page.getByRole("link", { name: winner.title }).click();
  await expect(page).toHaveURL(`/ket-qua/2025/${winner.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(winner.title);
  await expect(page.getByTestId("winner-prize")).toHaveText("Giải A · Báo điện tử · Cuộc thi năm 2025");
  await expect(page.getByText("Trịnh Quang Huy (Quang Huy)")).toBeVisible();
  await expect(page.getByRole("link", { name: "Tất cả tác phẩm đoạt giải năm 2025" })).toHaveAttribute("href", "/ket-qua/2025");
  const og = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(og).toContain(`/og/vi/results/2025/${winner.code}`);
  const image = await request.get(`/og/vi/results/2025/${winner.code}`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");

  await page.goto(`/en/results/2025/${winner.code}`);
  await expect(page.getByTestId("winner-prize")).toHaveText("A prize · Online · 2025 contest");

  expect((await page.goto("/ket-qua/2025/BC2025-9999"))?.status()).toBe(404);
  expect((await page.goto("/ket-qua/2026/BC2026-0001"))?.status()).toBe(404);
  expect((await request.get("/og/vi/results/2025/BC2025-9999")).status()).toBe(404);
  expect((await request.get("/og/en/results/2026/BC2026-0001")).status()).toBe(404);
});

test("the public search finds the 2025 prize-winners and links to their pages", async ({ page, request }) => {
  const winner = DEMO_WINNERS.find((w) => w.tier === "A")!;
  // The drainer indexes the seeded winners when the server starts.
  await expect
    .poll(async () => ((await (await request.get("/api/search?q=thap+sang+ban+lang")).json()).winners as { code: string }[]).map((w) => w.code), { timeout: 60_000 })
    .toContain(winner.code);
  await page.goto("/tim-kiem?q=thap+sang+ban+lang");
  const found = page.getByTestId("search-winners");
  await expect(found.getByRole("link", { name: winner.title })).toHaveAttribute("href", `/ket-qua/2025/${winner.code}`);
  await expect(found.getByText("Giải A · Báo điện tử · 2025")).toBeVisible();
});

test("the sitemap lists each published year's results and winners, in both languages", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(locs).toContain("/ket-qua/2025");
  expect(locs).toContain("/en/results/2025");
  for (const winner of DEMO_WINNERS) {
    expect(locs).toContain(`/ket-qua/2025/${winner.code}`);
    expect(locs).toContain(`/en/results/2025/${winner.code}`);
  }
  expect(locs.some((path) => path.startsWith("/ket-qua/2026"))).toBe(false);
});
