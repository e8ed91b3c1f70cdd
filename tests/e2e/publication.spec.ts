import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { publishToken } from "../../lib/content/publication";
import { builtStories } from "./support";

// One story published into the running site, then withdrawn, with `npm run story:publish`: no
// build in between. Its own project, run after every other spec (playwright.config.ts), since it
// changes the collection the others count.
const root = path.resolve(import.meta.dirname, "../..");
const slug = "ba-nguyen-thi-xuan-mo-lop-hoc-tinh-thuong-ben-cang-ca";
const file = path.join(root, "content/stories/vi", `${slug}.mdx`);
const shots = path.resolve("data", "screenshots", "publication");
const dataDir = path.resolve(process.env.DATA_DIR || "data");

function publish(): string {
  const run = spawnSync(process.execPath, ["--import", "tsx/esm", "scripts/story-publish.ts", "--server", baseURL], { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, encoding: "utf8" });
  expect(run.status, run.stderr + run.stdout).toBe(0);
  return run.stdout;
}

function writeStory(): void {
  const folder = path.join(root, "content/stories/vi");
  const source = readdirSync(folder)
    .map((name) => readFileSync(path.join(folder, name), "utf8"))
    .find((text) => !/^draft: true$/m.test(text))!;
  writeFileSync(
    file,
    source
      .replace(/^slug: .*$/m, `slug: "${slug}"`)
      .replace(/^title: .*$/m, `title: "Bà Nguyễn Thị Xuân mở lớp học tình thương bên cảng cá"`)
      .replace(/^translationKey: .*$/m, `translationKey: "lop-hoc-tinh-thuong-ben-cang-ca"`)
      .replace(/^publishedAt: .*$/m, "publishedAt: 2026-12-04")
      .replace(/^featured: .*$/m, "featured: false"),
  );
}

test.describe("publishing one story into the running site", () => {
  test.afterAll(() => {
    // Leave the collection as the build had it, whatever happened above.
    if (existsSync(file)) {
      rmSync(file);
      spawnSync(process.execPath, ["--import", "tsx/esm", "scripts/story-publish.ts", "--server", baseURL], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } });
    }
  });

  test("a new story goes live with its listings, feed, sitemap and search, then is withdrawn", async ({ page, request }) => {
    test.setTimeout(120_000);
    expect((await request.get(`/cau-chuyen/${slug}`)).status()).toBe(404);

    writeStory();
    const started = Date.now();
    expect(publish()).toContain(`published vi/${slug}`);
    expect(Date.now() - started).toBeLessThan(60_000);

    // Its page, rendered on its first request and sent as the prerendered ones are: no script.
    const response = await request.get(`/cau-chuyen/${slug}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-security-policy"]).toContain("script-src 'none'");
    expect(await response.text()).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    mkdirSync(shots, { recursive: true });
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/cau-chuyen/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bà Nguyễn Thị Xuân mở lớp học tình thương bên cảng cá");
      await page.screenshot({ path: path.join(shots, `story-${width}.png`) });
    }
    // The newest story: first on the home page and the list, in the feed, the sitemap, the year and the search.
    await page.goto("/cau-chuyen");
    await expect(page.locator(`a[href="/cau-chuyen/${slug}"]`).first()).toBeVisible();
    for (const url of ["/", "/nam/2026", "/feed.xml", "/sitemap.xml"]) expect(await (await request.get(url)).text(), url).toContain(`/cau-chuyen/${slug}`);
    const search = await (await request.get(`/api/search?q=${encodeURIComponent("lop hoc tinh thuong ben cang ca")}&locale=vi`)).json();
    expect(search.hits[0].url).toBe(`/cau-chuyen/${slug}`);
    expect((await request.get(`/og/vi/story/${slug}`)).headers()["content-type"]).toBe("image/png");

    // Withdrawn: gone from everywhere at once.
    rmSync(file);
    expect(publish()).toContain(`withdrawn vi/${slug}`);
    expect((await request.get(`/cau-chuyen/${slug}`)).status()).toBe(404);
    for (const url of ["/", "/cau-chuyen", "/nam/2026", "/feed.xml", "/sitemap.xml"]) expect(await (await request.get(url)).text(), url).not.toContain(`/cau-chuyen/${slug}`);
    const after = await (await request.get(`/api/search?q=${encodeURIComponent("lop hoc tinh thuong ben cang ca")}&locale=vi`)).json();
    expect(after.hits.map((h: { url: string }) => h.url)).not.toContain(`/cau-chuyen/${slug}`);
  });

  test("the publication route refuses a caller without the server's token, and bad input", async ({ request }) => {
    const refused = await request.post("/api/content/published", { data: { published: [], withdrawn: [], translations: [] }, headers: { Authorization: "Bearer wrong" } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toContain("DATA_DIR");
    const token = publishToken(dataDir);
    const bad = await request.post("/api/content/published", { data: { published: [{ locale: "vi", slug: "Không Hợp Lệ" }] }, headers: { Authorization: `Bearer ${token}` } });
    expect(bad.status()).toBe(422);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(["published.0.slug", "withdrawn", "translations"]));
    const unknown = await request.post("/api/content/published", { data: { published: [{ locale: "vi", slug: "khong-co-cau-chuyen-nay" }], withdrawn: [], translations: [] }, headers: { Authorization: `Bearer ${token}` } });
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error.code).toBe("storyNotBuilt");
    const present = builtStories().find((s) => s.locale === "vi")!;
    const kept = await request.post("/api/content/published", { data: { published: [], withdrawn: [{ locale: "vi", slug: present.slug }], translations: [] }, headers: { Authorization: `Bearer ${token}` } });
    expect(kept.status()).toBe(422);
    expect((await kept.json()).error.message).toContain(present.slug);
  });
});
