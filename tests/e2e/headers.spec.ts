import { expect, test } from "@playwright/test";
import { translatedStory } from "./support";

// Every kind of response carries the same security headers: static pages, dynamic pages,
// API answers, images and feeds.
test("every kind of page sends the security headers", async ({ request }) => {
  const { vi } = translatedStory();
  const urls = ["/", vi.url, "/en/stories", "/tim-kiem?q=ha+tinh", "/dang-nhap", "/api/health", "/api/search?q=nong+thon", `/og/vi/story/${vi.slug}`, "/feed.xml", "/khong-co-trang-nay"];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).not.toContain("unsafe-eval");
    expect(headers["strict-transport-security"], url).toMatch(/max-age=\d+/);
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], url).toContain("camera=()");
    expect(headers["x-powered-by"], url).toBeUndefined();
  }
});

test("pages work under the policy: no violation is reported", async ({ page }) => {
  const { vi } = translatedStory();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const url of ["/", vi.url, "/tim-kiem?q=co+giao", "/dang-nhap"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});
