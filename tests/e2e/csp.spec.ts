import { spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { inlineScriptHashes, publicPath } from "../../lib/static-pages";

// The prerendered public pages are HTML and CSS only: built without scripts (scripts/script-free.ts)
// and sent under `script-src 'none'`. Pages rendered per request keep their nonce and hydrate. An
// error page Next.js renders without a nonce allows the hashes of its own inline scripts
// (scripts/server.ts, lib/static-pages.ts). No page may report a violation.

function scriptSrc(response: APIResponse): string {
  const policies = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(policies, response.url()).toHaveLength(1);
  return policies[0]!.value.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
}

/** The script elements of an HTML page a browser would run (JSON-LD data blocks are not run). */
function runnableScripts(html: string): string[] {
  return (html.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => !/type="application\/ld\+json"/.test(tag));
}

/** One prerendered URL of each kind, in both locales, from the build's own manifest. */
function staticPages(): { kind: string; url: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../.next/prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  const internal = Object.keys(manifest.routes);
  const kinds: [string, RegExp][] = [
    ["home", /^\/(?:vi|en)$/],
    ["story", /^\/(?:vi|en)\/stories\/(?!page\/)[^/]+$/],
    ["listing", /^\/(?:vi|en)\/stories$/],
    ["listing page", /^\/(?:vi|en)\/stories\/page\/\d+$/],
    ["movement", /^\/(?:vi|en)\/movements\/[^/]+$/],
    ["province", /^\/(?:vi|en)\/provinces\/[^/]+$/],
    ["field", /^\/(?:vi|en)\/fields\/[^/]+$/],
    ["year", /^\/(?:vi|en)\/years\/[^/]+$/],
    ["kind", /^\/(?:vi|en)\/kinds\/[^/]+$/],
    ["about", /^\/(?:vi|en)\/about$/],
    ["feed", /^\/(?:vi|en)\/feed\.xml$/],
  ];
  return kinds.flatMap(([kind, pattern]) =>
    (["vi", "en"] as const).map((locale) => {
      const route = internal.find((r) => r.startsWith(`/${locale}`) && pattern.test(r));
      expect(route, `${kind} (${locale}) among the prerendered pages`).toBeDefined();
      return { kind: `${kind} (${locale})`, url: publicPath(route!)! };
    }),
  );
}

/** Collects every policy violation and script error the page reports. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Init scripts run outside the page's policy, so this listener is not itself blocked.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (message) => {
    if (/Content Security Policy|securitypolicyviolation|Refused to/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

/**
 * Hydrated: a header link navigates on the client (the document is not reloaded, so a mark left
 * on window survives). Without its inline scripts React never starts and the link loads a new document.
 */
async function expectHydrated(page: Page) {
  // React marks the elements it hydrated; without the inline scripts this never happens.
  await page.waitForFunction(() => Object.keys(document.querySelector("header nav a") ?? {}).some((key) => key.startsWith("__reactFiber")), undefined, { timeout: 20_000 });
  const current = new URL(page.url()).pathname;
  await page.evaluate(() => ((window as unknown as { lantoaMark?: number }).lantoaMark = 1));
  const hrefs = await page.locator("header nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const target = hrefs.find((href) => href && href !== current && !href.includes("bai-du-thi") && !href.includes("entries"));
  expect(target, `${current}: a header link elsewhere`).toBeTruthy();
  await page.locator(`header nav a[href="${target}"]`).click();
  await expect(page).toHaveURL((url) => url.pathname === target);
  expect(await page.evaluate(() => (window as unknown as { lantoaMark?: number }).lantoaMark), `${current} → ${target} on the client`).toBe(1);
}

test("every kind of prerendered page runs no script: script-src 'none', and only JSON-LD in its HTML", async ({ request }) => {
  for (const { kind, url } of staticPages()) {
    const response = await request.get(url);
    expect(response.status(), kind).toBe(200);
    const scripts = scriptSrc(response);
    if (!response.headers()["content-type"]?.startsWith("text/html")) {
      expect(scripts, kind).toBe("script-src 'self'"); // the feed: XML, the site-wide policy
      continue;
    }
    expect(scripts, kind).toBe("script-src 'none'");
    const html = await response.text();
    expect(runnableScripts(html), kind).toEqual([]);
    expect(html, kind).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
    // The same page behind a query string (a shared link's utm_…) is the same held page, under the same policy.
    const queried = await request.get(`${url}?utm_source=zalo`);
    expect(scriptSrc(queried), `${kind}?utm_source`).toBe(scripts);
    expect(runnableScripts(await queried.text()), `${kind}?utm_source`).toEqual([]);
  }
});

// One test per page (each has its own time budget on a busy machine), plus two behind a query
// string (the same held page).
for (const { kind, url } of [...staticPages().filter((p) => !p.kind.startsWith("feed")), { kind: "home with a query", url: "/?fbclid=e2e" }, { kind: "listing with a query (en)", url: "/en/stories?utm_source=zalo" }]) {
  test(`${kind} reads without a script, with no violation, and its links load the next page`, async ({ page }) => {
    const violations = await watchViolations(page);
    const loaded: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") loaded.push(request.url());
    });
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.locator('script:not([type="application/ld+json"])').count(), kind).toBe(0);
    await page.waitForLoadState("load");
    expect(loaded, `${kind}: scripts fetched`).toEqual([]);
    const current = new URL(page.url()).pathname;
    const target = (await page.locator("header nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).find((href) => href?.startsWith("/") && href !== current && !href.includes("bai-du-thi") && !href.includes("entries"));
    expect(target, `${kind}: a header link elsewhere`).toBeTruthy();
    await page.locator(`header nav a[href="${target}"]`).click();
    await expect(page).toHaveURL((address) => address.pathname === target);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations, kind).toEqual([]);
  });
}

test("an injected inline script runs nowhere: prerendered page or page rendered per request", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const url of ["/", "/en/about", "/dang-nhap"]) {
    await page.goto(url);
    const ran = await page.evaluate(async () => {
      const flag = window as unknown as { injectedRan?: boolean };
      flag.injectedRan = false;
      document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:," onerror="window.injectedRan = true">');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return flag.injectedRan;
    });
    expect(ran, url).toBe(false);
  }
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join("\n")).toMatch(/script-src/);
});

test("pages rendered per request keep their nonce and hydrate, in both locales", async ({ page, request }) => {
  for (const url of ["/dang-nhap", "/en/signin"]) {
    const response = await request.get(url);
    const scripts = scriptSrc(response);
    const nonce = /^script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'$/.exec(scripts)?.[1];
    expect(nonce, url).toBeTruthy();
    const tags = ((await response.text()).match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes("application/ld+json"));
    expect(tags.length, url).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, url).toContain(`nonce="${nonce}"`);
  }
  const violations = await watchViolations(page);
  for (const url of ["/dang-nhap", "/en/signin"]) {
    await page.goto(url);
    await expectHydrated(page);
  }
  // From a script-free page to the contest page (rendered per request): a document load, after
  // which that page hydrates.
  await page.goto("/en/about");
  await page.locator('header nav a[href="/en/contest"]').click();
  await expect(page).toHaveURL(/\/en\/contest$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectHydrated(page);
  expect(violations).toEqual([]);
});

// What is not held (an unknown path's 404 page) is rendered by Next.js without a nonce: the server
// sends it under the site-wide policy plus the hashes of its own inline scripts, and nothing else,
// so its text (which those scripts put on the page) shows and no other inline script may run.
test("a page the server does not hold allows its own inline scripts and no other", async ({ page, request }) => {
  const response = await request.get("/khong-co-trang-nay");
  expect(response.status()).toBe(404);
  expect(scriptSrc(response)).toBe(["script-src 'self'", ...inlineScriptHashes(await response.text())].join(" "));
  expect(scriptSrc(response)).not.toContain("unsafe-inline");
  const violations: string[] = [];
  page.on("console", (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
  await page.goto("/khong-co-trang-nay");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  expect(violations).toEqual([]);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// The server above has held every page for a while. A page asked for before the warm-up reaches it,
// or on a server that holds none (STATIC_PAGE_CACHE=0), must carry its policy from the first answer.
test("a page's first answer runs no script, also when the server holds no page", async () => {
  test.setTimeout(180_000);
  const root = path.join(import.meta.dirname, "../..");
  const dataDir = path.resolve(process.env.DATA_DIR || "data", "e2e-csp-nocache");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const out = openSync(path.join(dataDir, "server.log"), "a");
  const child = spawn(process.execPath, ["--import", "tsx/esm", "scripts/server.ts", "--port", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, LANTOA_DEMO: "0", STATIC_PAGE_CACHE: "0", SEARCH_INDEX_ON_START: "0" },
  });
  try {
    const origin = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${origin}/api/health`).then((r) => r.status, () => 0), { timeout: 150_000, intervals: [500] }).toBe(200);
    for (const { kind, url } of staticPages().filter((p) => p.kind.startsWith("story") || p.kind.startsWith("year"))) {
      for (const asked of [url, `${url}?utm_source=zalo`, url]) {
        const response = await fetch(origin + asked);
        expect(response.status, asked).toBe(200);
        const scripts = response.headers.get("content-security-policy")!.split("; ").find((d) => d.startsWith("script-src "))!;
        expect(scripts, `${kind} ${asked}`).toBe("script-src 'none'");
        expect(runnableScripts(await response.text()), `${kind} ${asked}`).toEqual([]);
      }
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  }
});
