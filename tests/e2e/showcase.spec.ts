import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { builtDocuments, builtStories, translatedStory } from "./support";

test("home → movement → story → English → back", async ({ page }) => {
  const { vi, en } = translatedStory();
  await page.goto("/");
  await expect(page).toHaveTitle(/Lan Tỏa/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");

  // Open the story's movement from the home page's movement list.
  const movementLink = page.locator(`a[href="/phong-trao/${vi.movement}"]`).first();
  await movementLink.click();
  await expect(page).toHaveURL(`/phong-trao/${vi.movement}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.locator(`a[href="${vi.url}"]`).first().click();
  await expect(page).toHaveURL(vi.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.title);

  await page.getByRole("link", { name: "Read this page in English" }).click();
  await expect(page).toHaveURL(en.url);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);

  await page.getByRole("link", { name: "Đọc trang này bằng tiếng Việt" }).click();
  await expect(page).toHaveURL(vi.url);
  await page.goBack();
  await expect(page).toHaveURL(en.url);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters are links and forms that work", async ({ page }) => {
    const stories = builtStories().filter((s) => s.locale === "vi");
    await page.goto("/cau-chuyen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Câu chuyện");
    // Year filter: a link to a static listing with exactly that year's stories.
    const year = "2024";
    const expected = stories.filter((s) => (s as unknown as { publishedAt: string }).publishedAt.startsWith(year)).length;
    // On a phone the filters are one folded panel above the results.
    const filters = page.getByTestId("filters-collapsible");
    await filters.locator("summary", { hasText: "Lọc câu chuyện" }).click();
    await filters.locator("summary", { hasText: "Năm" }).click();
    await filters.locator(`a[href="/nam/${year}"]`).click();
    await expect(page).toHaveURL(`/nam/${year}`);
    await expect(page.locator("main ul li article")).toHaveCount(Math.min(expected, 12));
    await expect(page.locator("main")).toContainText(`${expected} câu chuyện`);

    // Kind filter.
    await filters.locator("summary", { hasText: "Lọc câu chuyện" }).click();
    await filters.locator("summary", { hasText: "Đối tượng" }).click();
    await filters.locator('a[href="/doi-tuong/tap-the"]').click();
    await expect(page).toHaveURL("/doi-tuong/tap-the");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gương tập thể");
  });

  test("a merged province lists its former provinces' stories", async ({ page }) => {
    const fromHaGiang = builtStories().filter((s) => s.locale === "vi" && s.province === "ha-giang");
    test.skip(fromHaGiang.length === 0, "no Hà Giang story in the content");
    await page.goto("/tinh-thanh/tuyen-quang");
    for (const story of fromHaGiang) await expect(page.locator(`a[href="${story.url}"]`).first()).toBeVisible();
    await page.goto("/tinh-thanh/ha-giang");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hà Giang (nay thuộc Tuyên Quang)");
  });
});

test("a missing story is a 404 in both locales", async ({ page }) => {
  for (const [url, text] of [["/cau-chuyen/khong-co-cau-chuyen-nay", "Không tìm thấy trang"], ["/en/stories/no-such-story", "Page not found"], ["/khong-co-trang-nay", "Không tìm thấy trang"]] as const) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
  }
});

test("a draft in the content is nowhere on the site: no page, image, listing, feed, sitemap or search hit", async ({ request }) => {
  const drafts = builtDocuments().filter((s) => s.draft);
  expect(drafts.length).toBeGreaterThan(0);
  for (const draft of drafts) {
    for (const url of [draft.url, `/og/${draft.locale}/story/${draft.slug}`]) expect((await request.get(url)).status(), url).toBe(404);
    for (const url of ["/sitemap.xml", "/feed.xml", "/cau-chuyen", `/phong-trao/${draft.movement}`]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const text = await response.text();
      expect(text, url).not.toContain(draft.slug);
      expect(text, url).not.toContain(draft.subjectName);
    }
    const found = await (await request.get(`/api/search?q=${encodeURIComponent(draft.subjectName)}`)).json();
    expect(found.hits.map((h: { slug: string }) => h.slug)).not.toContain(draft.slug);
  }
});

test("sitemap and RSS are XML listing every story", async ({ page, request }) => {
  const stories = builtStories();
  const parse = async (url: string) => {
    const response = await request.get(url);
    expect(response.ok(), url).toBe(true);
    const xml = await response.text();
    // The browser's own XML parser: a malformed document yields a <parsererror>.
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("not well-formed XML");
      return Array.from(doc.getElementsByTagName("loc")).concat(Array.from(doc.getElementsByTagName("link"))).map((n) => n.textContent ?? "");
    }, xml);
  };
  await page.goto("/");
  const sitemap = await parse("/sitemap.xml");
  for (const story of stories) expect(sitemap.some((loc) => loc.endsWith(story.url)), story.url).toBe(true);
  const sitemapXml = await (await request.get("/sitemap.xml")).text();
  expect(sitemapXml).toContain('hreflang="en"');

  for (const [feed, locale] of [["/feed.xml", "vi"], ["/en/feed.xml", "en"]] as const) {
    const links = await parse(feed);
    for (const story of stories.filter((s) => s.locale === locale)) expect(links.some((l) => l.endsWith(story.url)), `${feed} ${story.url}`).toBe(true);
  }
});

test("Open Graph images are 1200×630 PNGs", async ({ page, request }) => {
  const { vi } = translatedStory();
  await page.goto(vi.url);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toBeTruthy();
  for (const url of [new URL(ogImage!).pathname, `/og/vi/movement/${vi.movement}`]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }
});

test("story page has structured data, canonical and alternates", async ({ page }) => {
  const { vi, en } = translatedStory();
  await page.goto(vi.url);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld["@type"]).toBe("Article");
  expect(new URL(ld.image).pathname).toBe(`/og/vi/story/${vi.slug}`);
  expect(["Person", "Organization"]).toContain(ld.about["@type"]);
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(new RegExp(`${vi.url}$`));
  expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute("href")).toMatch(new RegExp(`${en.url}$`));
});

test("home and story pages have no serious accessibility violations", async ({ page }) => {
  const { vi, en } = translatedStory();
  for (const url of ["/", vi.url, "/en", en.url, "/cau-chuyen"]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test("a story prints without navigation, search or share links", async ({ page }) => {
  const { vi } = translatedStory();
  await page.goto(vi.url);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("header").first()).toBeHidden();
  await expect(page.getByRole("search")).toBeHidden();
  await expect(page.locator("#share-title")).toBeHidden();
  await expect(page.locator("#subject-title")).toBeVisible();
});

test("a movement page has its own preview image", async ({ page, request }) => {
  await page.goto("/phong-trao/xa-hoi-hoc-tap");
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(new URL(ogImage!).pathname).toBe("/og/vi/movement/xa-hoi-hoc-tap");
  expect((await request.get(new URL(ogImage!).pathname)).headers()["content-type"]).toBe("image/png");
});
