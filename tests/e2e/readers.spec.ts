import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { builtStories, translatedStory } from "./support";

// Issue 14 for readers, at a phone's width and a desktop's, in both languages: password reset by
// e-mail; stories with a byline, block quotes with one pair of quotation marks, RSS
// autodiscovery, filters before the results on a phone (without JavaScript), a menu that wraps;
// English place names without diacritics; links built from SITE_URL, and a production server
// that refuses to start without it.

// Requests are limited per client address; this spec counts as its own client.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.61" } });

const SITE_URL = (process.env.SITE_URL || "http://localhost:3000").replace(/\/+$/, "");
const VIEWPORTS = [
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: "desktop", viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
] as const;

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The last message written for `to` under DATA_DIR/mail, its body decoded. */
function lastMailTo(to: string): string | null {
  const dir = path.join(process.env.DATA_DIR || "data", "mail");
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(`-${to}.eml`)).sort();
  } catch {
    return null;
  }
  if (names.length === 0) return null;
  const raw = readFileSync(path.join(dir, names.at(-1)!), "utf8");
  const end = /\r?\n\r?\n/.exec(raw)!;
  const head = raw.slice(0, end.index);
  const body = raw.slice(end.index + end[0].length);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  return body;
}

const TEXT = {
  vi: {
    signIn: "/dang-nhap",
    forgotLink: "Quên mật khẩu?",
    forgotPath: "/quen-mat-khau",
    forgotTitle: "Quên mật khẩu",
    email: "Thư điện tử",
    send: "Gửi liên kết đặt lại mật khẩu",
    sent: "một liên kết đặt lại mật khẩu vừa được gửi đến đó",
    resetPath: "/dat-lai-mat-khau",
    resetTitle: "Đặt mật khẩu mới",
    newPassword: "Mật khẩu mới",
    confirm: "Nhập lại mật khẩu mới",
    submit: "Đặt mật khẩu mới",
    done: "Đã đặt mật khẩu mới.",
    used: "Liên kết này đã được dùng để đặt mật khẩu.",
    invalid: "Liên kết đặt lại mật khẩu không hợp lệ.",
    requestNew: "Yêu cầu liên kết mới",
    password: "Mật khẩu",
    signInButton: "Đăng nhập",
    entriesPath: "/bai-du-thi",
  },
  en: {
    signIn: "/en/signin",
    forgotLink: "Forgotten your password?",
    forgotPath: "/en/password/forgot",
    forgotTitle: "Forgotten password",
    email: "E-mail",
    send: "Send a reset link",
    sent: "a password reset link has just been sent to it",
    resetPath: "/en/password/reset",
    resetTitle: "Set a new password",
    newPassword: "New password",
    confirm: "New password again",
    submit: "Set the new password",
    done: "Your new password is set.",
    used: "This link has already been used to set a password.",
    invalid: "This password reset link is not valid.",
    requestNew: "Ask for a new link",
    password: "Password",
    signInButton: "Sign in",
    entriesPath: "/en/entries",
  },
} as const;

for (const device of VIEWPORTS) {
  test.describe(`at ${device.viewport.width} px`, () => {
    test.use({ viewport: device.viewport, isMobile: device.isMobile, hasTouch: device.hasTouch });

    for (const locale of ["vi", "en"] as const) {
      test(`password reset by e-mail (${locale})`, async ({ page }) => {
        const t = TEXT[locale];
        const email = `pv.quen.${locale}.${device.name}.${Date.now()}@baomoi.vn`;
        const oldPassword = "mat-khau-cu-da-quen";
        const newPassword = "mat-khau-moi-sau-khi-quen";
        const signUp = await page.request.post("/api/account", { data: { name: "Trần Thị Quên", email, password: oldPassword, phone: "0912345678", outlet: "Báo Nhân Dân" } });
        expect(signUp.status()).toBe(201);

        await page.goto(t.signIn);
        await page.getByRole("link", { name: t.forgotLink }).click();
        await expect(page).toHaveURL(t.forgotPath);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.forgotTitle);
        await expectNoSeriousViolations(page);
        await page.screenshot({ path: test.info().outputPath(`forgot-${locale}-${device.name}.png`), fullPage: true });
        await page.getByLabel(t.email).fill(email);
        await page.getByRole("button", { name: t.send }).click(); // enabled once hydrated
        await expect(page.getByRole("status")).toContainText(t.sent);
        await expect(page.getByRole("status")).toContainText(email);
        await expectNoSeriousViolations(page);

        await expect.poll(() => lastMailTo(email), { timeout: 10_000 }).not.toBeNull();
        const link = /(https?:\/\/\S+\?token=[A-Za-z0-9_-]{43})/.exec(lastMailTo(email)!)?.[1];
        expect(link).toBeDefined();
        // The link is built from SITE_URL, in the language the request was made in.
        expect(link!.startsWith(`${SITE_URL}${t.resetPath}?token=`)).toBe(true);
        const target = new URL(link!);
        await page.goto(target.pathname + target.search);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.resetTitle);
        await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
        await expectNoSeriousViolations(page);
        await page.getByLabel(t.newPassword, { exact: true }).fill(newPassword);
        await page.getByLabel(t.confirm, { exact: true }).fill(newPassword);
        await page.screenshot({ path: test.info().outputPath(`reset-${locale}-${device.name}.png`), fullPage: true });
        await page.getByRole("button", { name: t.submit }).click();
        await expect(page.getByRole("status")).toContainText(t.done);

        // Once only: the same link now says it was used, and offers a new one.
        await page.goto(target.pathname + target.search);
        await expect(page.getByRole("status")).toContainText(t.used);
        await expect(page.getByRole("link", { name: t.requestNew })).toHaveAttribute("href", t.forgotPath);
        await page.goto(`${t.resetPath}?token=${"A".repeat(43)}`);
        await expect(page.getByRole("status")).toContainText(t.invalid);

        // The link is spent for the API too; the new password signs in.
        expect((await page.request.post("/api/account/password-reset/confirm", { data: { token: target.searchParams.get("token"), newPassword: "mot-mat-khau-nua-dai" } })).status()).toBe(410);
        await page.goto(t.signIn);
        await page.getByLabel(t.email).fill(email);
        await page.getByLabel(t.password, { exact: true }).fill(newPassword);
        await page.getByRole("button", { name: t.signInButton, exact: true }).click();
        await expect.poll(async () => (await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token")), { timeout: 30_000 }).toBe(true);
        // The form goes on to the journalist's entries; closing the page mid-navigation can hang.
        await page.waitForURL((url) => url.pathname === t.entriesPath, { timeout: 30_000 });
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      });
    }

    test("a story: byline, one pair of quotation marks, RSS autodiscovery, links from SITE_URL", async ({ page }) => {
      const withByline = builtStories().filter((s) => s.translationKey === "a02-co-giao-bien-gioi-mu-sang");
      expect(withByline).toHaveLength(2);
      for (const story of withByline) {
        await page.goto(story.url);
        await expect(page.getByTestId("byline")).toHaveText(story.locale === "vi" ? "Bài: Thu Hà · Nguồn: Lan Tỏa tổng hợp" : "By Thu Hà · Source: Compiled by Lan Tỏa");
        // The text's own marks, and no second pair from the stylesheet.
        const quotes = await page.locator("article blockquote p").evaluateAll((ps) =>
          ps.map((p) => ({ text: p.textContent ?? "", before: getComputedStyle(p, "::before").content, after: getComputedStyle(p, "::after").content })),
        );
        expect(quotes.length).toBeGreaterThan(0);
        for (const q of quotes) {
          expect(q.text.startsWith("“") && !q.text.startsWith("““"), q.text).toBe(true);
          expect([q.before, q.after]).toEqual(["none", "none"]);
        }
        // Canonical, og:url and every share link name SITE_URL, not the address this browser used.
        const canonical = `${SITE_URL}${story.url}`;
        expect(new URL(page.url()).origin).not.toBe(SITE_URL);
        await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", canonical);
        await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", canonical);
        const shares = await page.locator('section[aria-labelledby="share-title"] a').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        expect(shares).toHaveLength(4);
        for (const href of shares) expect(decodeURIComponent(href), href).toContain(canonical);
        await page.screenshot({ path: test.info().outputPath(`story-${story.locale}-${device.name}.png`), fullPage: false });
      }
      // A story without byline or source shows neither.
      const other = builtStories().find((s) => s.locale === "vi" && s.translationKey !== "a02-co-giao-bien-gioi-mu-sang")!;
      await page.goto(other.url);
      await expect(page.getByTestId("byline")).toHaveCount(0);
    });

    test("every public page links its language's RSS feed", async ({ page }) => {
      const { vi, en } = translatedStory();
      const pages: [string, string][] = [
        ["/", "/feed.xml"],
        [vi.url, "/feed.xml"],
        ["/cau-chuyen", "/feed.xml"],
        [`/phong-trao/${vi.movement}`, "/feed.xml"],
        ["/tinh-thanh", "/feed.xml"],
        ["/gioi-thieu", "/feed.xml"],
        ["/cuoc-thi", "/feed.xml"],
        ["/tim-kiem", "/feed.xml"],
        ["/en", "/en/feed.xml"],
        [en.url, "/en/feed.xml"],
        ["/en/stories", "/en/feed.xml"],
        ["/en/about", "/en/feed.xml"],
      ];
      for (const [url, feed] of pages) {
        await page.goto(url);
        const links = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
        await expect(links, url).toHaveCount(1);
        await expect(links, url).toHaveAttribute("href", `${SITE_URL}${feed}`);
        const title = await links.getAttribute("title");
        expect(title, url).toMatch(feed.startsWith("/en") ? /^Lan Tỏa – Latest stories/ : /^Lan Tỏa – Tin mới/);
      }
    });

    test("English pages write place names without diacritics", async ({ page }) => {
      const { en } = translatedStory();
      const provinces = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../content/taxonomies/provinces.json"), "utf8")) as { current: { name: string; nameEn: string }[]; former: { name: string; nameEn: string }[] };
      const accented = [...provinces.current, ...provinces.former].filter((p) => p.name !== p.nameEn).map((p) => p.name);
      for (const url of [en.url, "/en/stories", "/en/provinces", "/en/stories/the-border-teacher-who-keeps-hmong-children-in-school"]) {
        await page.goto(url);
        const text = (await page.locator("main").innerText()).normalize("NFC");
        expect(accented.filter((name) => new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, "u").test(text)), url).toEqual([]);
      }
      await expect(page.locator("main")).toContainText("Lai Chau");
    });
  });
}

test.describe("on a phone, without JavaScript", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });

  test("the filters come before the results, folded, and open and work; the menu wraps in sight", async ({ page }) => {
    await page.goto("/cau-chuyen");
    const panel = page.getByTestId("filters-collapsible");
    await expect(panel).toBeVisible();
    await expect(panel).not.toHaveAttribute("open");
    const firstStory = page.locator("main article").first();
    expect((await panel.boundingBox())!.y).toBeLessThan((await firstStory.boundingBox())!.y);
    // Only the folded copy is shown at this width; the sidebar's is not.
    await expect(page.getByRole("complementary", { name: "Lọc câu chuyện" })).toBeHidden();
    await page.screenshot({ path: test.info().outputPath("filters-closed-vi-phone.png"), fullPage: false });
    await panel.locator("summary").first().click();
    await expect(panel).toHaveAttribute("open", "");
    await expect(panel.locator("summary", { hasText: "Phong trào" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("filters-open-vi-phone.png"), fullPage: false });
    const movement = panel.locator('a[href^="/phong-trao/"]').first();
    const href = await movement.getAttribute("href");
    await movement.click();
    await expect(page).toHaveURL(href!);

    // Every menu item is on the screen: the strip wraps, nothing is cut off or scrolled away.
    for (const url of ["/", "/en"]) {
      await page.goto(url);
      const nav = page.getByRole("navigation", { name: url === "/" ? "Điều hướng chính" : "Main navigation", exact: true });
      const list = nav.locator("ul");
      expect(await list.evaluate((ul) => ul.scrollWidth <= ul.clientWidth)).toBe(true);
      const items = await nav.getByRole("link").all();
      expect(items.length).toBe(8); // stories, movements, provinces, fields, statistics, contest, submit, about
      for (const item of items) {
        await expect(item).toBeInViewport({ ratio: 1 });
      }
      await page.screenshot({ path: test.info().outputPath(`menu-${url === "/" ? "vi" : "en"}-phone.png`), fullPage: false });
    }
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false });

  test("the filters are the sidebar, open, and the folded copy is not shown", async ({ page }) => {
    await page.goto("/en/stories");
    await expect(page.getByTestId("filters-collapsible")).toBeHidden();
    const sidebar = page.getByRole("complementary", { name: "Filter stories" });
    await expect(sidebar).toBeVisible();
    await expect(sidebar.locator("summary").first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("filters-en-desktop.png"), fullPage: false });
  });
});

test("a production server refuses to start without SITE_URL, or with another origin than the build's", async () => {
  test.setTimeout(120_000);
  const root = path.join(import.meta.dirname, "../..");
  // npm start's server, or Next.js's own `next start` (which the standalone server.js resembles).
  const SERVER = ["--import", "tsx/esm", "scripts/server.ts", "--port", "1", "-H", "127.0.0.1"];
  const NEXT_START = ["node_modules/next/dist/bin/next", "start", "--port", "0", "--hostname", "127.0.0.1"];
  const start = (env: Record<string, string | undefined>, args = SERVER) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const base = { ...process.env, NODE_ENV: "production", LANTOA_DEMO: "0", LANTOA_LOCAL: "0", SITE_URL: "" };
      const child = spawn(process.execPath, args, { cwd: root, env: { ...base, ...env } as NodeJS.ProcessEnv });
      let output = "";
      // Next.js runs instrumentation.ts as it starts, before any request.
      const read = (chunk: Buffer) => (output += chunk.toString());
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });

  const unset = await start({});
  expect(unset.code).toBe(1);
  expect(unset.output).toContain("SITE_URL is not set");
  const loopback = await start({ SITE_URL: "http://127.0.0.1:3000" });
  expect(loopback.code).toBe(1);
  expect(loopback.output).toContain("SITE_URL is http://127.0.0.1:3000, which only this machine can reach");
  const other = await start({ SITE_URL: "https://lantoa.example" });
  expect(other.code).toBe(1);
  expect(other.output).toContain(`The build's pages were prerendered for ${new URL(SITE_URL).origin}, but SITE_URL is https://lantoa.example`);
  // Started by Next.js itself, the same refusals.
  const nextUnset = await start({}, NEXT_START);
  expect(nextUnset.code).toBe(1);
  expect(nextUnset.output).toContain("SITE_URL is not set");
  const nextOther = await start({ SITE_URL: "https://lantoa.example" }, NEXT_START);
  expect(nextOther.code).toBe(1);
  expect(nextOther.output).toContain("but SITE_URL is https://lantoa.example");
});
