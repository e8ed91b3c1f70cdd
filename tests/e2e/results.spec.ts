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
