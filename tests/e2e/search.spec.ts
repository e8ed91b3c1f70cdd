import { expect, test, type Page } from "@playwright/test";
import { builtStories } from "./support";

// The story every step aims at: the highland teacher, written "Cô giáo … Mù Sang".
const target = () => builtStories().find((s) => s.locale === "vi" && s.title.startsWith("Cô giáo giữ chân"))!;

// The server builds its index at start; wait until Meilisearch answers rather than test the fallback.
test.beforeAll(async ({ request }) => {
  await expect
    .poll(async () => (await (await request.get("/api/health/ready")).json()).search, { timeout: 60_000 })
    .toBe("ok");
});

async function expectHighlightedResult(page: Page) {
  const story = target();
  const link = page.locator(`#main ol a[href="${story.url}"]`);
  await expect(link).toBeVisible();
  await expect(link.locator("mark").first()).toHaveText(/^(Cô|giáo)$/);
  return { story, link };
}

test("search as you type without diacritics, narrow by a facet, open a story", async ({ page }) => {
  await page.goto("/tim-kiem");
  const box = page.getByRole("searchbox", { name: "Từ khóa" });
  await box.pressSequentially("co giao vung cao", { delay: 30 });
  // The URL follows the query (shareable) without a page load.
  await expect(page).toHaveURL(/\/tim-kiem\?q=co\+giao\+vung\+cao$/);
  await expectHighlightedResult(page);

  const story = target();
  const facet = page.locator("aside").getByRole("link", { name: new RegExp(`^Lai Châu\\s*\\d+$`) });
  await facet.click();
  await expect(page).toHaveURL(new RegExp(`province=${story.province}`));
  await expect(facet).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("status")).toHaveText(/^\d+ câu chuyện$/);

  const { link } = await expectHighlightedResult(page);
  await link.click();
  await expect(page).toHaveURL(story.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.title);
});

test("an empty result suggests other searches", async ({ page }) => {
  await page.goto("/en/search");
  await page.getByRole("searchbox", { name: "Search terms" }).fill("zzzxqv");
  await expect(page.getByRole("heading", { name: "No stories match yet" })).toBeVisible();
  await page.getByRole("link", { name: "teacher" }).click();
  await expect(page).toHaveURL(/\/en\/search\?q=teacher$/);
  await expect(page.locator("#main ol li").first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same search works as a GET form and links", async ({ page }) => {
    await page.goto("/tim-kiem");
    await page.getByRole("searchbox", { name: "Từ khóa" }).fill("co giao vung cao");
    await page.locator("#main form[role=search]").getByRole("button").click();
    await expect(page).toHaveURL(/\/tim-kiem\?q=co\+giao\+vung\+cao$/);
    await expectHighlightedResult(page);

    const story = target();
    await page.locator("aside").getByRole("link", { name: /^Lai Châu\s*\d+$/ }).click();
    await expect(page).toHaveURL(new RegExp(`province=${story.province}`));
    const { link } = await expectHighlightedResult(page);
    await link.click();
    await expect(page).toHaveURL(story.url);
  });

  test("the header's search box lands on the results", async ({ page }) => {
    await page.goto("/cau-chuyen");
    await page.locator("#site-search").fill("dak lak");
    await page.locator("header form").getByRole("button").click();
    await expect(page.locator("#main ol li").first()).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/^\d+ câu chuyện$/);
  });
});
