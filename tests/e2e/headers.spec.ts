import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { translatedStory } from "./support";

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";

function policies(response: APIResponse): string[] {
  return response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
}

function scriptSrc(policy: string): string {
  return policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
}

// The site-wide policy allows no inline script; a prerendered page adds its scripts' hashes (csp.spec.ts).
const STATIC_SCRIPTS = "script-src 'self'";
const NO_SCRIPTS = "script-src 'none'";
const NONCE_SCRIPTS = /^script-src 'self' 'nonce-([A-Za-z0-9+/=]{16,})' 'strict-dynamic'$/;

// Every kind of response carries the same security headers: static pages, dynamic pages,
// API answers, images and feeds, and exactly one policy each.
test("every kind of page sends the security headers", async ({ request }) => {
  const { vi } = translatedStory();
  const urls = ["/", vi.url, "/en/stories", "/tim-kiem?q=ha+tinh", "/dang-nhap", "/bai-du-thi", "/api/health", "/api/search?q=nong+thon", `/og/vi/story/${vi.slug}`, "/feed.xml", "/khong-co-trang-nay"];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(policies(response), url).toHaveLength(1);
    const csp = policies(response)[0]!;
    expect(csp, url).toContain("frame-ancestors 'none'");
    // API answers are data, never pages: their own policy loads nothing (lib/http/response.ts).
    if (url.startsWith("/api/")) expect(csp, url).toBe("default-src 'none'; frame-ancestors 'none'");
    else expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).not.toContain("unsafe-eval");
    expect(headers["strict-transport-security"], url).toMatch(/max-age=\d+/);
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], url).toContain("camera=()");
    expect(headers["x-powered-by"], url).toBeUndefined();
  }
});

test("prerendered pages run no script, images keep the site-wide policy; pages rendered per request get a fresh nonce", async ({ request }) => {
  const { vi } = translatedStory();

  // A static story page: no script at all; a preview image: the site-wide policy; an API answer: the API's own.
  const story = await request.get(vi.url);
  expect(story.status()).toBe(200);
  expect(story.headers()["cache-control"]).toContain("s-maxage");
  const api = await request.get("/api/contests/current", { headers: { "x-request-id": "e2e-headers-0001" } });
  expect(api.status()).toBe(200);
  expect(api.headers()["x-request-id"]).toBe("e2e-headers-0001");
  expect(api.headers()["cache-control"]).toContain("no-store");
  const image = await request.get(`/og/vi/story/${vi.slug}`);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(policies(api)).toEqual(["default-src 'none'; frame-ancestors 'none'"]);
  expect(scriptSrc(policies(story)[0] ?? ""), "story").toBe(NO_SCRIPTS);
  for (const [name, response] of [["image", image]] as const) {
    expect(scriptSrc(policies(response)[0] ?? ""), name).toBe(STATIC_SCRIPTS);
  }

  // Pages rendered per request, signed out (some answer with a redirect to sign-in).
  const pages = ["/dang-nhap", "/en/signin", "/dang-ky", "/bai-du-thi", "/en/entries/new", "/giam-khao", "/en/jury", "/thu-ky", "/cuoc-thi", "/ket-qua/2025", "/tim-kiem?q=co+giao"];
  for (const url of pages) {
    const [first, second] = [await request.get(url, { maxRedirects: 0 }), await request.get(url, { maxRedirects: 0 })];
    expect(policies(first), url).toHaveLength(1);
    const scripts = scriptSrc(policies(first)[0]!);
    expect(scripts, url).toMatch(NONCE_SCRIPTS);
    expect(scripts, url).not.toContain("unsafe-inline");
    const nonce = NONCE_SCRIPTS.exec(scripts)![1]!;
    expect(NONCE_SCRIPTS.exec(scriptSrc(policies(second)[0]!))?.[1], url).not.toBe(nonce);
    expect(first.headers()["cache-control"], url).toContain("no-store");
    if (first.status() === 200) {
      // Next.js put this request's nonce on every script it wrote.
      const tags = ((await first.text()).match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes("application/ld+json"));
      expect(tags.length, url).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, url).toContain(`nonce="${nonce}"`);
    }
  }
});

// The route group decides: (per-request)/(private) pages are never indexed nor followed, public
// pages (prerendered or not) say nothing, and search keeps its own noindex, follow.
test("robots metadata follows the page's route group", async ({ request }) => {
  const { vi } = translatedStory();
  const robots = async (url: string) => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const tags = (await response.text()).match(/<meta name="robots" content="[^"]*"/g) ?? [];
    expect(tags.length, url).toBeLessThanOrEqual(1);
    return tags[0]?.slice('<meta name="robots" content="'.length, -1) ?? null;
  };
  for (const url of ["/dang-nhap", "/en/signin", "/dang-ky", "/en/signup"]) expect(await robots(url), url).toBe("noindex, nofollow");
  for (const url of ["/", vi.url, "/en/stories", "/gioi-thieu", "/cuoc-thi", "/ket-qua/2025", "/en/results/2025"]) expect(await robots(url), url).toBeNull();
  expect(await robots("/tim-kiem?q=co+giao")).toBe("noindex, follow");
});

// next-auth's cookies, read straight off the sign-in answer (fetch keeps no cookie jar).
test("session cookies are HttpOnly and SameSite=Lax, and Secure behind HTTPS", async ({ baseURL }) => {
  for (const https of [false, true]) {
    const headers: Record<string, string> = { "x-forwarded-for": "198.51.100.91", ...(https ? { "x-forwarded-proto": "https" } : {}) };
    const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().find((c) => c.includes("next-auth.csrf-token="))!;
    expect(csrfCookie.startsWith(https ? "__Host-next-auth.csrf-token=" : "next-auth.csrf-token="), csrfCookie).toBe(true);

    const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.split(";")[0]! },
      body: new URLSearchParams({ csrfToken, email: "phongvien1@lantoa.test", password: PASSWORD, locale: "vi", json: "true" }),
    });
    expect(signIn.status).toBeLessThan(400);
    const session = signIn.headers.getSetCookie().find((c) => c.includes("next-auth.session-token="));
    expect(session, `https: ${https}`).toBeDefined();
    const [pair, ...attributes] = session!.split(";").map((part) => part.trim());
    expect(pair!.startsWith(https ? "__Secure-next-auth.session-token=" : "next-auth.session-token=")).toBe(true);
    const flags = attributes.map((a) => a.toLowerCase());
    expect(flags).toContain("httponly");
    expect(flags).toContain("samesite=lax");
    expect(flags).toContain("path=/");
    expect(flags.includes("secure"), `https: ${https}`).toBe(https);
    for (const cookie of [csrfCookie, session!]) expect(cookie.toLowerCase().includes("; secure"), cookie).toBe(https);
  }
});

test("error answers carry no stack trace and no SQL", async ({ request }) => {
  const answers = [
    await request.get("/api/entries"),
    await request.get("/api/entries/not-a-uuid"),
    await request.post("/api/account", { data: "{not json", headers: { "content-type": "application/json" } }),
    await request.post("/api/account", { data: { email: "x' or 1=1 --", password: "a" } }),
    await request.get("/api/jury/entries/00000000-0000-4000-8000-000000000000"),
    await request.get("/api/khong-co/duong-nay"),
  ];
  for (const answer of answers) {
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    // Every error is the API's JSON under the API's policy, a path no route has included.
    expect(answer.headers()["content-type"], answer.url()).toContain("application/json");
    expect(answer.headers()["content-security-policy"], answer.url()).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const text = await answer.text();
    for (const leak of [/\n\s+at\s/, /\.(?:ts|js|mjs):\d+/, /node_modules/, /\bselect\b.*\bfrom\b/i, /\binsert into\b/i, /Failed query/i, /postgres|pglite|drizzle/i]) expect(text, `${answer.url()} ${leak}`).not.toMatch(leak);
  }
});

/** Collects every policy violation and script error the page reports. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Init scripts run outside the page's policy, so this listener is not itself blocked.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (message) => {
    if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

test("an injected inline handler runs neither on a static page nor on a page rendered per request", async ({ page }) => {
  const violations = await watchViolations(page);
  const inject = () =>
    page.evaluate(async () => {
      const flag = window as unknown as { injectedRan?: boolean };
      flag.injectedRan = false;
      document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:," onerror="window.injectedRan = true">');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return flag.injectedRan;
    });
  // A prerendered page's policy allows only its own inline scripts, by hash...
  await page.goto("/");
  expect(await inject()).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  violations.length = 0;
  // ...the nonce policy only its own, and the browser reports the attempt.
  await page.goto("/dang-nhap");
  expect(await inject()).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join("\n")).toMatch(/script-src/);
});

test("pages work under their policy: no violation is reported", async ({ page }) => {
  const { vi } = translatedStory();
  const violations = await watchViolations(page);
  for (const url of ["/", vi.url, "/tim-kiem?q=co+giao", "/dang-nhap", "/en/signin", "/cuoc-thi", "/ket-qua/2025"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("sign-up and the entry form work under the nonce policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/dang-ky");
  await page.getByLabel("Họ và tên (tên thật)").fill("Đỗ Thị Chính Sách");
  await page.getByLabel("Thư điện tử").fill(`csp.${Date.now()}@baomoi.vn`);
  await page.getByLabel("Mật khẩu").fill("mat-khau-csp-dai");
  await page.getByLabel("Số điện thoại").fill("0912345679");
  await page.getByLabel("Cơ quan báo chí").fill("Báo Tuổi Trẻ");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click(); // enabled once hydrated
  await expect(page).toHaveURL(/\/bai-du-thi$/);
  await page.getByRole("link", { name: "Tạo tác phẩm mới" }).click();
  await expect(page).toHaveURL(/\/bai-du-thi\/moi$/);
  await page.getByLabel("Tên tác phẩm").fill("Chính sách bảo mật nội dung");
  await expect(page.getByTestId("save-state")).toContainText("Đã lưu", { timeout: 15_000 });
  await expect(page).toHaveURL(/\/bai-du-thi\/[0-9a-f-]{36}$/);
  expect(violations).toEqual([]);
});

test("sign-in and the juror score form work under the nonce policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/dang-nhap?next=%2Fgiam-khao");
  await page.getByLabel("Thư điện tử").fill("giamkhao2@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/giam-khao$/);

  // giamkhao2's seeded draft sheet: change a score (the total follows at once), then put it back.
  const draft = page.getByTestId("jury-item").filter({ has: page.getByTestId("jury-status").filter({ hasText: "Đang chấm" }) }).first();
  await draft.getByRole("link").click();
  await expect(page).toHaveURL(/\/giam-khao\/[0-9a-f-]{36}$/);
  const total = page.getByTestId("score-total");
  const before = (await total.textContent()) ?? "";
  const field = page.getByLabel(/Nghệ thuật báo chí/);
  const kept = await field.inputValue();
  const changedTo = kept === "18" ? "17" : "18";
  const saved = (match: (body: string) => boolean) =>
    page.waitForResponse((r) => r.url().includes("/api/jury/scores/") && r.request().method() === "PUT" && match(r.request().postData() ?? ""));
  const changed = saved((body) => body.includes(`"craft":${changedTo}`));
  await field.fill(changedTo);
  await expect(total).not.toHaveText(before);
  expect((await changed).status()).toBe(200);
  const restored = saved((body) => !body.includes(`"craft":${changedTo}`));
  await field.fill(kept);
  await expect(total).toHaveText(before);
  expect((await restored).status()).toBe(200);

  // A client-side navigation from a nonce page to a static one loads its chunks under 'strict-dynamic'.
  await page.goto("/giam-khao");
  await page.locator('a[href="/cau-chuyen"]').first().click();
  await expect(page).toHaveURL(/\/cau-chuyen$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

// The server answers prerendered pages from memory (lib/static-pages.ts); a query string sends
// the same request to Next.js itself. Both must give the same bytes and the same headers (the
// page's own policy, with its script hashes, included: scripts/server.ts puts it on both).
test("a prerendered page from memory is what Next.js sends: bytes, headers, 304, compression, client navigation", async ({ request }) => {
  const { vi, en } = translatedStory();
  for (const url of ["/", vi.url, en.url, "/en/stories"]) {
    const plain = { "accept-encoding": "identity" };
    const [fromMemory, fromNext] = [await request.get(url, { headers: plain }), await request.get(`${url}?via=next`, { headers: plain })];
    expect(fromMemory.status(), url).toBe(200);
    expect(await fromMemory.body(), url).toEqual(await fromNext.body());
    const comparable = (r: APIResponse) => r.headersArray().filter((h) => !["date", "connection", "keep-alive", "transfer-encoding"].includes(h.name.toLowerCase())).map((h) => `${h.name.toLowerCase()}: ${h.value}`);
    expect(comparable(fromMemory), url).toEqual(comparable(fromNext));

    const etag = fromMemory.headers()["etag"]!;
    const again = await request.get(url, { headers: { ...plain, "if-none-match": etag } });
    expect(again.status(), url).toBe(304);
    // Compressed for clients that ask (Playwright decodes it), the same page underneath.
    const br = await request.get(url, { headers: { "accept-encoding": "br" } });
    expect(br.headers()["content-encoding"], url).toBe("br");
    expect(await br.body(), url).toEqual(await fromMemory.body());
  }
  // A client-side navigation asks for the React payload, which only Next.js makes.
  const rsc = await request.get(vi.url, { headers: { rsc: "1" }, maxRedirects: 5 });
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
});
