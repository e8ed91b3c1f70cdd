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

test("a sentence without diacritics finds the story", async ({ page }) => {
  await page.goto("/tim-kiem");
  await page.getByRole("searchbox", { name: "Từ khóa" }).fill("co giao va hoc tro vung bien gioi");
  const story = target();
  // The page first lists every story; wait for the answer to these words.
  await expect(page).toHaveURL(/\?q=co\+giao\+va\+hoc\+tro\+vung\+bien\+gioi$/);
  await expect(page.getByRole("status")).toHaveText(/^\d+ câu chuyện$/);
  const rank = () => page.locator("#main ol > li h2 a").evaluateAll((links, url) => links.findIndex((a) => a.getAttribute("href") === url), story.url);
  await expect.poll(rank).toBeGreaterThanOrEqual(0);
  expect(await rank()).toBeLessThan(3);
});

test("“ha giang” shows Hà Giang's stories first, and says so", async ({ page }) => {
  const haGiang = builtStories().filter((s) => s.locale === "vi" && s.province === "ha-giang");
  expect(haGiang.length).toBeGreaterThan(0);
  await page.goto("/tim-kiem");
  await page.getByRole("searchbox", { name: "Từ khóa" }).fill("ha giang");
  await expect(page.getByTestId("search-place")).toHaveText("Chỉ hiện câu chuyện ở Hà Giang, nơi có trong từ khóa.");
  const hrefs = await page.locator("#main ol > li h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.slice(0, haGiang.length).sort()).toEqual(haGiang.map((s) => s.url).sort());
  // Every hit is labelled with the place, as it was named then and the unit it now belongs to.
  await expect(page.locator("#main ol > li p").first()).toContainText("Hà Giang (nay thuộc Tuyên Quang)");

  await page.goto("/en/search");
  await page.getByRole("searchbox", { name: "Search terms" }).fill("Ha Giang");
  await expect(page.getByTestId("search-place")).toHaveText("Showing only stories in Ha Giang, the place named in your search.");
});

test("a query with no match shows the suggestions", async ({ page }) => {
  const kenhXang = builtStories().find((s) => s.locale === "vi" && s.title.includes("Kênh Xáng"))!;
  // Kênh Xáng is in Cà Mau: inside Lai Châu nothing matches.
  await page.goto("/tim-kiem?q=kenh+xang&province=lai-chau");
  await expect(page.getByRole("heading", { name: "Chưa tìm thấy câu chuyện phù hợp" })).toBeVisible();
  const suggestions = page.getByTestId("search-suggestions");
  await expect(suggestions.getByRole("heading", { name: "Có thể bạn muốn tìm" })).toBeVisible();
  await suggestions.getByRole("link", { name: kenhXang.title }).click();
  await expect(page).toHaveURL(kenhXang.url);
});

test("typing on cancels the superseded search; its late answer never replaces the newer one", async ({ page }) => {
  await page.goto("/tim-kiem");
  const aborted: string[] = [];
  page.on("requestfailed", (request) => {
    if (request.url().includes("/api/search")) aborted.push(new URL(request.url()).searchParams.get("q") ?? "");
  });
  // The first search's answer is held back until the second one is on screen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/search\?q=ha\+giang(&|$)/, async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response }).catch(() => undefined);
  });
  const box = page.getByRole("searchbox", { name: "Từ khóa" });
  const first = page.waitForRequest(/\/api\/search\?q=ha\+giang(&|$)/);
  await box.fill("ha giang");
  await first;
  await box.fill("kenh xang");
  const firstHit = page.locator("#main ol > li h2 a").first();
  await expect(firstHit).toContainText("Kênh Xáng");
  release();
  await expect.poll(() => aborted).toContain("ha giang");
  // Give the late answer every chance to land: the newer results stay.
  await page.waitForTimeout(500);
  await expect(firstHit).toContainText("Kênh Xáng");
  await expect(page.getByRole("status")).not.toHaveText("Đang tìm…");
  await expect(page).toHaveURL(/\?q=kenh\+xang$/);
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
