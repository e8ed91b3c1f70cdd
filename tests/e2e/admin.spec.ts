import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_JURORS, DEMO_ROUND_NAME } from "../../lib/db/demo";

// The secretariat's workspace over the demo seed (LANTOA_DEMO=1): every page in both languages
// without accessibility violations, an eligibility decision on an entry this spec submits itself,
// the open round's progress and ranking (read only), and other roles sent to their own workspace.
// Nothing the other specs rely on changes: the demo round, its sheets and the published 2025
// results are only read.

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";

// Sign-ins and sign-ups are limited per client address; this spec counts as its own client so it
// neither spends nor depends on the budget of the specs around it.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.23" } });

async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click(); // enabled once hydrated
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token")), { timeout: 30_000 }).toBe(true);
  // The form then goes on to `next` itself; arriving there first keeps the next goto from racing it.
  await page.waitForURL((url) => url.pathname === next, { timeout: 30_000 });
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The demo round's page, found from the rounds list as a person would. */
async function openDemoRound(page: Page, locale: "vi" | "en"): Promise<void> {
  await page.goto(locale === "vi" ? "/thu-ky/vong" : "/en/admin/rounds");
  await page.getByTestId("round-row").getByRole("link", { name: DEMO_ROUND_NAME[locale] }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_ROUND_NAME[locale]);
}

/** A journalist of this spec's own, with one submitted online entry (online works need no file). */
async function submittedEntry(browser: Browser, title: string): Promise<void> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.24" } });
  const page = await context.newPage();
  const email = `pv.thuky.${Date.now()}@baomoi.vn`;
  const signUp = await page.request.post("/api/account", { data: { name: "Ngô Thị Kiểm Thử", email, password: PASSWORD, phone: "0912345678", outlet: "Báo Thanh Niên" } });
  expect(signUp.status()).toBe(201);
  await signIn(page, email, "/bai-du-thi");
  const contest = await (await page.request.get("/api/contests/current")).json();
  const created = await page.request.post("/api/entries", {
    data: { category: "online", title, summary: "Một bài viết để Tổ Thư ký xét tính hợp lệ.", outlet: "Báo Thanh Niên", publishedAt: contest.publication.from, url: "https://example.vn/kiem-thu", length: 1200 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await page.request.post(`/api/entries/${id}/submit`)).status()).toBe(200);
  await context.close();
}

const PAGES = {
  vi: [
    ["/thu-ky", "Bàn làm việc của Tổ Thư ký"],
    ["/thu-ky/bai-du-thi", "Tác phẩm và tính hợp lệ"],
    ["/thu-ky/vong", "Vòng chấm"],
    ["/thu-ky/giai-thuong", "Giải thưởng và công bố"],
    ["/thu-ky/tai-khoan", "Tài khoản"],
    ["/thu-ky/nhat-ky", "Nhật ký thao tác"],
    ["/thu-ky/xuat-du-lieu", "Xuất dữ liệu"],
  ],
  en: [
    ["/en/admin", "Secretariat workspace"],
    ["/en/admin/entries", "Entries and eligibility"],
    ["/en/admin/rounds", "Judging rounds"],
    ["/en/admin/prizes", "Prizes and publication"],
    ["/en/admin/accounts", "Accounts"],
    ["/en/admin/audit", "Audit log"],
    ["/en/admin/exports", "Exports"],
  ],
} as const;

for (const locale of ["vi", "en"] as const) {
  test(`every page of the secretariat's workspace passes axe (${locale})`, async ({ page }) => {
    // Eight server-rendered pages, each checked by axe on a phone-sized screen.
    test.setTimeout(180_000);
    await signIn(page, "thuky@lantoa.test", PAGES[locale][0][0]);
    await expect(page).toHaveURL(new RegExp(`${PAGES[locale][0][0]}$`));
    for (const [url, title] of PAGES[locale]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoSeriousViolations(page);
    }
    await openDemoRound(page, locale);
    await expectNoSeriousViolations(page);
  });
}

test("the secretariat decides an entry's eligibility, with a reason when it is ineligible", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const marker = String(Date.now());
  const title = `Người gác đèn biển ${marker}`;
  await submittedEntry(browser, title);

  await signIn(page, "thuky@lantoa.test", "/thu-ky");
  await page.goto("/thu-ky/bai-du-thi");
  // Searched without diacritics, among the entries nobody has decided on yet.
  await page.getByLabel("Từ khóa").fill(`nguoi gac den ${marker}`);
  await page.getByLabel("Tính hợp lệ").selectOption("pending");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/eligibility=pending/);
  const row = page.getByTestId("entry-row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("eligibility")).toHaveText("Chưa xét");

  await row.getByText("Quyết định", { exact: true }).click();
  await row.getByLabel("Kết luận").selectOption("ineligible");
  await row.getByRole("button", { name: "Lưu quyết định" }).click();
  // The API asks for a reason; its message is shown by the control.
  await expect(row.getByRole("alert")).toBeVisible();
  await expect(row.getByLabel("Lý do")).toHaveAttribute("aria-invalid", "true");
  await row.getByLabel("Lý do").fill("Tác phẩm đăng trên trang cá nhân, không phải cơ quan báo chí.");
  await row.getByRole("button", { name: "Lưu quyết định" }).click();
  await expect(row.getByRole("status")).toHaveText("Đã lưu quyết định.");
  await expect(row.getByTestId("eligibility")).toHaveText("Không hợp lệ");
  await expect(row).toContainText("không phải cơ quan báo chí");

  // No longer among the undecided; among the ineligible, in English too.
  await page.reload();
  await expect(page.getByTestId("entry-row").filter({ hasText: title })).toHaveCount(0);
  await page.goto(`/en/admin/entries?q=${marker}&eligibility=ineligible`);
  await expect(page.getByTestId("entry-row").filter({ hasText: title }).getByTestId("eligibility")).toHaveText("Ineligible");

  // The decision is in the audit log under its readable name.
  await page.goto("/thu-ky/nhat-ky?entity=entry");
  await expect(page.getByTestId("audit-row").first()).toContainText("Xét tính hợp lệ");
  await expect(page.getByTestId("audit-row").first()).toContainText("Nguyễn Thị Thư");
});

test("the open round shows its progress per juror and its ranking, and warns that scans may name authors", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "thuky@lantoa.test", "/thu-ky");
  await openDemoRound(page, "vi");
  await expect(page.getByTestId("blind-note")).toContainText("vẫn có thể còn ghi tên tác giả");

  const summary = (await page.getByTestId("round-progress").textContent()) ?? "";
  const match = /Đã nộp (\d+) \/ (\d+) phiếu chấm/.exec(summary);
  expect(match, summary).not.toBeNull();
  const [submitted, assigned] = [Number(match![1]), Number(match![2])];
  expect(assigned).toBeGreaterThan(0);
  expect(submitted).toBeGreaterThan(0);
  await expect(page.getByTestId("juror-progress")).toHaveCount(DEMO_JURORS.length);
  await expect(page.getByRole("progressbar", { name: "Tiến độ chấm" })).toHaveAttribute("aria-valuenow", String(submitted));

  // Entries with all their sheets in are ranked; the others are listed apart, unranked, each row
  // with its sheets done out of required.
  const waiting = page.getByTestId("not-ready");
  await expect(waiting.getByRole("columnheader", { name: "Điểm trung bình" })).toBeVisible();
  await expect(waiting.getByRole("columnheader", { name: "Phiếu đã nộp / cần có" })).toBeVisible();
  const incomplete = waiting.getByTestId("ranking-row").first();
  await expect(incomplete.getByRole("cell").first()).toHaveText("—");
  await expect(incomplete.getByTestId("sheets-done")).toHaveText(/^[01]\/2$/);
  await expect(incomplete).toContainText("Chưa đủ phiếu");
  if ((await page.getByTestId("ranking").count()) > 0) {
    const first = page.getByTestId("ranking").first().getByTestId("ranking-row").first();
    await expect(first.getByRole("cell").first()).toHaveText("1");
    await expect(first.getByTestId("sheets-done")).toHaveText("2/2");
  }

  // A submitted sheet can be reopened with a reason (the control is there; the sheet stays locked here).
  await expect(page.getByText(/Thao tác với phiếu của/).first()).toBeVisible();

  await openDemoRound(page, "en");
  await expect(page.getByTestId("round-progress")).toHaveText(`${submitted} of ${assigned} score sheets submitted.`);
  await expect(page.getByTestId("not-ready").getByRole("columnheader", { name: "Normalised" })).toBeVisible();
});

test("jurors and journalists who open the secretariat's workspace go to their own", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/thu-ky");
  await expect(page).toHaveURL("/dang-nhap?next=%2Fthu-ky");

  await signIn(page, DEMO_JURORS[0], "/giam-khao");
  await page.goto("/thu-ky/vong");
  await expect(page).toHaveURL("/giam-khao");
  await page.goto("/en/admin");
  await expect(page).toHaveURL("/en/jury");
  await page.context().clearCookies();

  await signIn(page, "phongvien1@lantoa.test", "/bai-du-thi");
  await page.goto("/thu-ky");
  await expect(page).toHaveURL("/bai-du-thi");
  await expect(page.getByTestId("round-progress")).toHaveCount(0);
});
