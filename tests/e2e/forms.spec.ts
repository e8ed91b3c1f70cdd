import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

// Every form a reader, a journalist, a juror or the secretariat fills in: no serious accessibility
// violation in either language at 390 and 1366 px, and without JavaScript each form that needs it says so
// while the nomination form, which needs none, just works. Read-only over the demo seed.

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";
const PHONE = { width: 390, height: 844 };
// Sign-ins are limited per client address; this spec counts as its own client.
const ADDRESS = "198.51.100.71";
const shots = path.resolve("data", "screenshots", "forms");
mkdirSync(shots, { recursive: true });

type Role = "public" | "journalist" | "juror" | "secretariat";
const ACCOUNTS: Record<Exclude<Role, "public">, string> = { journalist: "phongvien1@lantoa.test", juror: "giamkhao3@lantoa.test", secretariat: "thuky@lantoa.test" };
/** A form page, in each locale (a function when its address is only known once signed in), and whether it needs scripts. */
type FormPage = { name: string; role: Role; vi: string | ((page: Page) => Promise<string>); en: string | ((page: Page) => Promise<string>); needsScript: boolean };

/** The juror's first sheet still to score (a submitted one is locked, and needs nothing), in either locale. */
const jurySheet = (locale: "vi" | "en") => async (page: Page) => {
  await page.goto("/giam-khao");
  const unscored = page.getByTestId("jury-item").filter({ has: page.getByTestId("jury-status").filter({ hasText: "Chưa chấm" }) }).first();
  const href = await unscored.getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/giam-khao\/[0-9a-f-]{36}$/);
  return locale === "vi" ? href! : href!.replace("/giam-khao/", "/en/jury/");
};

const FORMS: FormPage[] = [
  { name: "sign-in", role: "public", vi: "/dang-nhap", en: "/en/signin", needsScript: true },
  { name: "sign-up", role: "public", vi: "/dang-ky", en: "/en/signup", needsScript: true },
  { name: "forgot-password", role: "public", vi: "/quen-mat-khau", en: "/en/password/forgot", needsScript: true },
  { name: "nominate", role: "public", vi: "/de-cu", en: "/en/nominate", needsScript: false },
  { name: "new-entry", role: "journalist", vi: "/bai-du-thi/moi", en: "/en/entries/new", needsScript: true },
  { name: "account", role: "journalist", vi: "/tai-khoan/mat-khau", en: "/en/account/password", needsScript: true },
  { name: "two-factor", role: "juror", vi: "/tai-khoan/xac-thuc-hai-buoc", en: "/en/account/two-factor", needsScript: true },
  { name: "jury-sheet", role: "juror", vi: jurySheet("vi"), en: jurySheet("en"), needsScript: true },
  { name: "secretariat-accounts", role: "secretariat", vi: "/thu-ky/tai-khoan", en: "/en/admin/accounts", needsScript: true },
];

async function contextFor(browser: Browser, role: Role): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: PHONE, extraHTTPHeaders: { "x-forwarded-for": ADDRESS } });
  if (role === "public") return context;
  const page = await context.newPage();
  await page.goto("/dang-nhap?next=%2F");
  await page.getByLabel("Thư điện tử").fill(ACCOUNTS[role]);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click(); // enabled once hydrated
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
  await page.close();
  return context;
}

async function address(page: Page, form: FormPage, locale: "vi" | "en"): Promise<string> {
  const where = form[locale];
  return typeof where === "string" ? where : where(page);
}

for (const locale of ["vi", "en"] as const) {
  test(`every form has no serious accessibility violation, on a phone and a desktop (${locale})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const contexts = new Map<Role, BrowserContext>();
    for (const form of FORMS) {
      const context = contexts.get(form.role) ?? (await contextFor(browser, form.role));
      contexts.set(form.role, context);
      const page = await context.newPage();
      const url = await address(page, form, locale);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator("form").first(), url).toBeVisible();
      // With scripts running, no form says it needs them.
      await expect(page.getByTestId("needs-script"), url).toHaveCount(0);
      for (const width of [PHONE.width, 1366]) {
        await page.setViewportSize({ width, height: PHONE.height });
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${url} at ${width} px: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      }
      await page.close();
    }
    for (const context of contexts.values()) await context.close();
  });
}

test("without JavaScript, each form that needs it says why; the nomination form works as it is", async ({ browser }) => {
  test.setTimeout(180_000);
  const signedIn = new Map<Role, BrowserContext>();
  const noScript = new Map<Role, BrowserContext>();
  for (const form of FORMS) {
    const withScripts = signedIn.get(form.role) ?? (await contextFor(browser, form.role));
    signedIn.set(form.role, withScripts);
    const helper = await withScripts.newPage();
    const url = await address(helper, form, "vi");
    await helper.close();
    // The same session, with scripting off.
    const context = noScript.get(form.role) ?? (await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: PHONE, javaScriptEnabled: false, storageState: await withScripts.storageState(), extraHTTPHeaders: { "x-forwarded-for": ADDRESS } }));
    noScript.set(form.role, context);
    const page = await context.newPage();
    expect((await page.goto(url))?.status(), url).toBe(200);
    if (form.needsScript) {
      await expect(page.getByTestId("needs-script").first(), url).toBeVisible();
      await expect(page.getByTestId("needs-script").first(), url).toContainText("JavaScript");
    } else {
      await expect(page.getByTestId("needs-script"), url).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Gửi đề cử" }), url).toBeEnabled();
    }
    await page.screenshot({ path: path.join(shots, `no-script-${form.name}-390.png`), fullPage: false });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: path.join(shots, `no-script-${form.name}-1366.png`), fullPage: false });
    await page.close();
  }
  for (const context of [...signedIn.values(), ...noScript.values()]) await context.close();
});
