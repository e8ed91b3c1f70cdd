import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { routes } from "../../lib/i18n/routes";
import { englishWordsIn, ISO_DATE, UNSEPARATED_QUANTITY } from "../support/vietnamese-text";

// Every page in both languages, as each kind of visitor sees it (the public, a journalist, a juror,
// the secretariat, signed in with the demo accounts): no ISO date, no message left as its key, no
// four-digit quantity without its separator, and no English word on a Vietnamese screen.
//
// The pages come from the one map of paths (lib/i18n/routes.ts), so a page added there is walked
// without touching this file. Who opens it is decided by WHO below (by path prefix); a page with a
// [param] is reached through a link on a page already walked, or through REACH when no page links
// to it. A page that can be reached neither way fails the test with its name: add it to REACH.

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";

type Role = "public" | "journalist" | "juror" | "secretariat";

/** Who opens the pages under each prefix (the longest prefix wins); everything else is public. */
const WHO: [prefix: string, role: Role][] = [
  ["/entries", "journalist"],
  ["/account", "journalist"],
  ["/jury", "juror"],
  ["/admin", "secretariat"],
];

/** Pages no walked page links to, or that need a value of their own: internal route → path to open (English form; Vietnamese is derived). */
const REACH: Record<string, string> = {
  "/stories/page/[page]": "/stories/page/2",
};

/** Not pages (feeds, files). */
const SKIP = new Set(["/feed.xml"]);

/** Pages that exist only when the content calls for them (a listing's second page): walked when a walked page links to one. */
// The demo data has no nomination, so no editor's page of one is linked.
const WHEN_LINKED = new Set(["/editor/[code]", "/movements/[slug]/page/[page]", "/provinces/[slug]/page/[page]", "/fields/[slug]/page/[page]", "/years/[year]/page/[page]", "/kinds/[kind]/page/[page]"]);

const ACCOUNTS: Record<Exclude<Role, "public">, string> = {
  journalist: "phongvien1@lantoa.test",
  juror: "giamkhao1@lantoa.test",
  secretariat: "thuky@lantoa.test",
};

// The namespaces of the message files (read as files: Playwright loads no JSON modules).
const MESSAGES_DIR = path.resolve("lib/i18n/messages/vi");
const NAMESPACES = readdirSync(MESSAGES_DIR).flatMap((file) => Object.keys(JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), "utf8"))));
// next-intl shows a message it cannot find as "Namespace.key".
const MISSING_MESSAGE = new RegExp(`\\b(${NAMESPACES.join("|")})\\.[A-Za-z][\\w.]*`);

function roleOf(route: string): Role {
  const match = WHO.filter(([prefix]) => route === prefix || route.startsWith(`${prefix}/`)).sort((a, b) => b[0].length - a[0].length)[0];
  return match?.[1] ?? "public";
}

/** The public path of an internal route in a locale, [params] kept. */
function publicPath(route: string, locale: "vi" | "en"): string {
  if (locale === "en") return route === "/" ? "/en" : `/en${route}`;
  return routes[route]!.vi;
}

/** A path in the locale for a concrete English one ("/stories/page/2" → "/cau-chuyen/trang/2"): the values are taken by parameter name. */
function localize(route: string, concrete: string, locale: "vi" | "en"): string {
  if (locale === "en") return `/en${concrete}`;
  const values = new Map<string, string>();
  const given = concrete.split("/");
  route.split("/").forEach((segment, i) => segment.startsWith("[") && values.set(segment, given[i]!));
  return routes[route]!.vi.replace(/\[\w+\]/g, (name) => values.get(name) ?? name);
}

function patternOf(path: string): RegExp {
  const source = path.split("/").map((s) => (s.startsWith("[") ? "[^/?#]+" : s.replace(/[.*+?^${}()|\\]/g, "\\$&"))).join("/");
  return new RegExp(`^${source}$`);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click(); // enabled once hydrated
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token")), { timeout: 30_000 }).toBe(true);
  // The form then leaves for the role's own page; arriving there keeps the next goto from racing it.
  await page.waitForURL((url) => url.pathname !== "/dang-nhap", { timeout: 30_000 });
  await page.waitForLoadState("load");
}

async function pageFor(browser: Browser, role: Role, index: number): Promise<Page> {
  // Each role signs in from an address of its own, so the walk neither spends nor depends on other specs' sign-in budget.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${150 + index}` } });
  const page = await context.newPage();
  if (role !== "public") await signIn(page, ACCOUNTS[role]);
  return page;
}

/** What a reader of the page's language reads: visible text and the labels of controls, leaving out anything marked as another language. */
async function readableText(page: Page, locale: "vi" | "en"): Promise<string> {
  return page.evaluate((lang) => {
    const inLanguage = (el: Element | null) => (el?.closest("[lang]")?.getAttribute("lang") ?? lang).startsWith(lang);
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template") || !inLanguage(parent)) continue;
      if (!parent.checkVisibility() && !parent.closest("option, datalist")) continue;
      // A template's placeholders ({code}, {deadline}) are names the e-mail fills in, not words to read.
      parts.push((node.textContent ?? "").replace(/\{\w+\}/g, " "));
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      if (!inLanguage(el)) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) if (el.getAttribute(name)) parts.push(el.getAttribute(name)!);
    }
    return parts.join("\n");
  }, locale);
}

/** The page's problems, one line each. */
function problems(text: string, locale: "vi" | "en"): string[] {
  const found: string[] = [];
  const iso = text.match(new RegExp(ISO_DATE.source, "g"));
  if (iso) found.push(`ISO date ${iso.join(", ")}`);
  const missing = text.match(new RegExp(MISSING_MESSAGE.source, "g"));
  if (missing) found.push(`missing message ${missing.join(", ")}`);
  const quantity = text.match(new RegExp(UNSEPARATED_QUANTITY.source, "gu"));
  if (quantity) found.push(`quantity without separator ${quantity.join(", ")}`);
  if (locale === "vi") {
    const english = englishWordsIn(text);
    if (english.length) found.push(`English words ${[...new Set(english)].join(", ")}`);
  }
  return found;
}

for (const locale of ["vi", "en"] as const) {
  test(`every page reads in one format, with every message written (${locale})`, async ({ browser }) => {
    test.setTimeout(600_000);
    const pages = new Map<Role, Page>();
    const roles: Role[] = ["public", "journalist", "juror", "secretariat"];
    for (const [i, role] of roles.entries()) pages.set(role, await pageFor(browser, role, i + (locale === "en" ? 10 : 0)));

    const all = Object.keys(routes).filter((r) => !SKIP.has(r));
    // Pages without parameters first (they hold the links to the others), then by depth.
    const order = all.sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")) || a.split("/").length - b.split("/").length);
    const seen = new Set<string>();
    const report: string[] = [];
    const unreachable: string[] = [];
    let walked = 0;

    for (const route of order) {
      const role = roleOf(route);
      const page = pages.get(role)!;
      let path: string | undefined;
      if (!route.includes("[")) path = publicPath(route, locale);
      else if (REACH[route]) path = localize(route, REACH[route]!, locale);
      else {
        const pattern = patternOf(publicPath(route, locale));
        path = [...seen].find((href) => pattern.test(href));
      }
      if (!path) {
        if (!WHEN_LINKED.has(route)) unreachable.push(route);
        continue;
      }
      // Data files (the statistics' CSV tables) download rather than render: not a page to read.
      if (path.endsWith(".csv")) continue;
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBeLessThan(400);
      await page.waitForLoadState("load");
      walked++;
      for (const href of await page.locator("a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split(/[?#]/)[0]!))) seen.add(href);
      for (const problem of problems(await readableText(page, locale), locale)) report.push(`${role} ${path}: ${problem}`);
    }

    expect.soft(unreachable, "pages no walked page links to: add them to REACH").toEqual([]);
    expect(report).toEqual([]);
    expect(walked).toBeGreaterThan(30);
    for (const page of pages.values()) await page.context().close();
  });
}

test("the checks catch what they are meant to catch", () => {
  // So the walk above cannot pass by checking nothing.
  expect(problems("Từ 2025-10-01 đến 2027-03-05", "vi")).toEqual(["ISO date 2025-10-01, 2027-03-05"]);
  expect(problems("EntryForm.storyRef", "en")).toEqual(["missing message EntryForm.storyRef"]);
  expect(problems("tối đa 5000 words mỗi kỳ", "vi")).toEqual(["quantity without separator 5000 words", "English words words"]);
  expect(problems("Tối đa 5.000 chữ, tệp tối đa 1.024 MB, năm 2026, mã BC2026-0042, 05/12/2026", "vi")).toEqual([]);
  expect(localize("/stories/page/[page]", "/stories/page/2", "vi")).toBe("/cau-chuyen/trang/2");
  expect(roleOf("/entries/[id]/receipt")).toBe("journalist");
  expect(roleOf("/results/[year]")).toBe("public");
});

test("the pages whose dates, numbers and sizes changed, at 390 and 1366 px in both languages (screenshots)", async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = path.resolve("data", "screens");
  mkdirSync(dir, { recursive: true });
  for (const width of [390, 1366]) {
    const page = await pageFor(browser, "journalist", 30 + (width === 390 ? 0 : 1));
    await page.setViewportSize({ width, height: 900 });
    for (const [name, url] of [["contest-vi", "/cuoc-thi"], ["contest-en", "/en/contest"], ["entries-vi", "/bai-du-thi"], ["entries-en", "/en/entries"]] as const) {
      await page.goto(url);
      await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
    }
    // The contest table gives each category's limit with the locale's separators and unit.
    await page.goto("/cuoc-thi");
    await expect(page.getByRole("cell", { name: "5.000 chữ" }).first()).toBeVisible();
    await page.goto("/en/contest");
    await expect(page.getByRole("cell", { name: "5,000 words" }).first()).toBeVisible();
    await page.context().close();
  }
});
