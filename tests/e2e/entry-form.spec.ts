import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { builtStories } from "./support";

// The entry form as a journalist meets it, on a phone (390 px) and a desktop (1366 px): plain
// labels, the exemplary model picked by its title, an address completed with https://, an error
// summary that names and links every field, a confirmation with the code and the receipt's
// address, explicit "save changes" on a submitted entry, a withdrawn entry that looks read-only,
// a visible focus on the file picker, and pages that say why they need JavaScript. Axe checks
// every state of the form. Screenshots go to data/screens/ to be looked at.

const PASSWORD = "mat-khau-e2e-bieu-mau";
const SCREENS = path.resolve("data", "screens");
mkdirSync(SCREENS, { recursive: true });

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 900 },
] as const;

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/** A new journalist of this test's own, signed in, on a page of the given size. */
async function journalist(browser: Browser, viewport: (typeof VIEWPORTS)[number], address: string): Promise<{ page: Page; email: string }> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: viewport.width, height: viewport.height }, extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  const email = `pv.bieumau.${viewport.name}.${Date.now()}@baomoi.vn`;
  const signUp = await page.request.post("/api/account", { data: { name: "Lê Thị Biểu Mẫu", email, password: PASSWORD, phone: "0912345678", outlet: "Báo Nhân Dân" } });
  expect(signUp.status()).toBe(201);
  await page.goto("/dang-nhap?next=%2Fbai-du-thi");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname === "/bai-du-thi", { timeout: 30_000 });
  return { page, email };
}

async function saved(page: Page) {
  await expect(page.getByTestId("save-state")).toContainText("Đã lưu", { timeout: 15_000 });
}

for (const [n, viewport] of VIEWPORTS.entries()) {
  test(`an entry from draft to withdrawal, with a form that helps (${viewport.width} px)`, async ({ browser }) => {
    test.setTimeout(240_000);
    const { page, email } = await journalist(browser, viewport, `198.51.100.${180 + n}`);
    const story = builtStories().find((s) => s.locale === "vi")!;
    const contest = await (await page.request.get("/api/contests/current")).json();

    await page.goto("/bai-du-thi/moi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tác phẩm mới");
    await page.getByLabel("Thể loại").selectOption({ label: "Báo điện tử" });
    await page.getByLabel("Tên tác phẩm").fill("Bản làng sáng đèn");
    await saved(page);
    await expectNoSeriousViolations(page);
    await shot(page, `entry-new-${viewport.width}`);

    // The exemplary model is picked by its title; the entry stores the story's slug.
    const storyField = page.getByLabel(/Câu chuyện trên Lan Tỏa/);
    await expect(page.locator(`datalist option[value="${story.title}"]`)).toHaveCount(1);
    await storyField.fill("không có câu chuyện này");
    await storyField.blur();
    await expect(page.getByText("Không có câu chuyện nào tên như vậy.", { exact: false })).toBeVisible();
    await storyField.fill(story.title);
    await saved(page);
    const id = page.url().split("/").pop()!;
    await expect.poll(async () => (await (await page.request.get(`/api/entries/${id}`)).json()).storyRef).toBe(story.slug);

    // An address that cannot be one is refused with a message, and the field keeps what was typed.
    const url = page.getByLabel("Đường dẫn tới tác phẩm");
    await url.fill("bài viết hôm qua");
    await url.press("Tab");
    await expect(page.getByText("Địa chỉ web này không dùng được.", { exact: false }).first()).toBeVisible();
    await expect(url).toHaveValue("bài viết hôm qua");
    await expect(url).toHaveAttribute("aria-invalid", "true");
    // An address without https:// is completed as the field is left, and that is what is stored.
    await url.fill("baodientu.vn/ban-lang-sang-den");
    await url.press("Tab");
    await expect(url).toHaveValue("https://baodientu.vn/ban-lang-sang-den");
    await saved(page);
    expect((await (await page.request.get(`/api/entries/${id}`)).json()).url).toBe("https://baodientu.vn/ban-lang-sang-den");

    // Refused: the summary names every field and its links lead to them.
    await page.getByRole("button", { name: "Gửi dự thi" }).click();
    const summary = page.locator("#entry-alert");
    await expect(summary).toContainText("Chưa gửi được tác phẩm");
    await expect(summary.getByRole("link", { name: "Tóm tắt: Trường này là bắt buộc." })).toBeVisible();
    await expect(summary.getByRole("link", { name: /^Ngày đăng, phát: / })).toBeVisible();
    await expect(summary.getByRole("link", { name: /^Độ dài \(chữ\): / })).toBeVisible();
    await expect(page.getByLabel("Tóm tắt")).toBeFocused();
    await expect(url).toHaveValue("https://baodientu.vn/ban-lang-sang-den"); // a refused submission loses nothing
    await summary.getByRole("link", { name: /^Độ dài/ }).click();
    await expect(page.getByLabel(/^Độ dài/)).toBeFocused();
    await expectNoSeriousViolations(page);
    await shot(page, `entry-errors-${viewport.width}`);

    // The hint gives the window as dates a reader reads, and the limit with its separator.
    await expect(page.getByText(/^Từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}\.$/)).toBeVisible();
    await expect(page.getByText("Tối đa 5.000 chữ mỗi kỳ.")).toBeVisible();

    await page.getByLabel("Tóm tắt").fill("Một bản vùng cao có điện lưới nhờ sức dân và cán bộ.");
    await page.getByLabel("Ngày đăng, phát").first().fill(contest.publication.from);
    await page.getByLabel(/^Độ dài/).fill("1200");
    await saved(page);

    // The file picker shows its focus when reached from the keyboard.
    await page.getByRole("button", { name: "Thêm một kỳ" }).focus();
    await page.keyboard.press("Tab");
    await expect(page.locator("#ef-attachments")).toBeFocused();
    expect(await page.locator("label[for='ef-attachments']").evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");

    await page.getByRole("button", { name: "Gửi dự thi" }).click();
    await expect(page).toHaveURL(/\/bien-nhan\?sent=1$/, { timeout: 30_000 }); // a loaded machine may take a while
    const confirmation = page.getByTestId("sent-confirmation");
    const code = (await page.getByTestId("entry-code").textContent())!.trim();
    await expect(confirmation).toContainText("Đã gửi tác phẩm dự thi.");
    await expect(confirmation).toContainText(`Mã tác phẩm của bạn là ${code}. Biên nhận đã được gửi tới ${email}.`);
    await expectNoSeriousViolations(page);
    await shot(page, `entry-sent-${viewport.width}`);

    // Editing a submitted entry: nothing is sent until "save changes", and it stays submitted.
    await page.goto(`/bai-du-thi/${id}`);
    await expect(page.getByTestId("submitted-note")).toContainText(`Đã gửi với mã ${code}.`);
    await expect(page.getByTestId("submitted-note")).toContainText("tác phẩm vẫn hợp lệ và giữ nguyên mã");
    const save = page.getByRole("button", { name: "Lưu thay đổi" });
    await expect(save).toBeDisabled();
    await page.getByLabel("Tên tác phẩm").fill("Bản làng sáng đèn (bản sửa)");
    await expect(page.getByTestId("save-state")).toHaveText("Có thay đổi chưa lưu. Bấm “Lưu thay đổi” để lưu.");
    await page.getByLabel("Tóm tắt").click(); // leaving a field sends nothing here
    await page.waitForTimeout(1500);
    expect((await (await page.request.get(`/api/entries/${id}`)).json()).title).toBe("Bản làng sáng đèn");
    await expectNoSeriousViolations(page);
    await shot(page, `entry-edit-${viewport.width}`);
    await save.click();
    await expect(page.getByTestId("save-state")).toContainText("Đã lưu thay đổi lúc");
    const after = await (await page.request.get(`/api/entries/${id}`)).json();
    expect([after.title, after.status, after.code]).toEqual(["Bản làng sáng đèn (bản sửa)", "submitted", code]);

    // A change that would make it incomplete is refused, named, and the stored version kept.
    await page.getByLabel("Tóm tắt").fill("");
    await save.click();
    await expect(page.locator("#entry-alert")).toContainText("Chưa lưu được thay đổi");
    await expect(page.locator("#entry-alert").getByRole("link", { name: "Tóm tắt: Trường này là bắt buộc." })).toBeVisible();
    expect((await (await page.request.get(`/api/entries/${id}`)).json()).summary).not.toBe("");

    // Withdrawn: read-only, and it looks it.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Rút tác phẩm" }).click();
    await expect(page.getByText(/đã được rút ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
    await expect(page.getByLabel("Tên tác phẩm")).toBeDisabled();
    expect(await page.getByLabel("Tên tác phẩm").evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgb(255, 255, 255)");
    await expect(page.getByRole("button", { name: "Thêm đồng tác giả" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Lưu thay đổi" })).toHaveCount(0);
    await expect(page.getByText("Thêm tệp")).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await shot(page, `entry-withdrawn-${viewport.width}`);
    await page.context().close();
  });
}

test("the English form: plain labels, the story list by title, and axe (1366 and 390 px)", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [n, viewport] of VIEWPORTS.entries()) {
    const { page } = await journalist(browser, viewport, `198.51.100.${190 + n}`);
    await page.goto("/en/entries/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New entry");
    // With the script running, the note on JavaScript is gone and the controls work.
    await expect(page.getByTestId("needs-script")).toHaveCount(0);
    await expect(page.getByLabel("Title of the work")).toBeEnabled();
    await expect(page.getByLabel("Story on Lan Tỏa about the exemplary model (optional)")).toBeVisible();
    const enStory = builtStories().find((s) => s.locale === "en")!;
    await expect(page.locator(`datalist option[value="${enStory.title}"]`)).toHaveCount(1);
    await expect(page.getByText("At most 5,000 words per part.").or(page.getByText(/^At most [\d,]+ (words|minutes|photos) per part\.$/))).toBeVisible();
    await expect(page.getByText(/^Between \d{1,2} [A-Z][a-z]+ \d{4} and \d{1,2} [A-Z][a-z]+ \d{4}\.$/)).toBeVisible();
    await expectNoSeriousViolations(page);
    await shot(page, `entry-new-en-${viewport.width}`);
    await page.context().close();
  }
});

test("without JavaScript, sign-in, sign-up and the entry form say why they need it", async ({ browser }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, javaScriptEnabled: false, viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    await page.goto("/dang-nhap");
    await expect(page.getByText("Nút đăng nhập dùng được khi trang đã tải xong JavaScript", { exact: false })).toBeVisible();
    await shot(page, `signin-nojs-${viewport.width}`);
    await page.goto("/dang-ky");
    await expect(page.getByText("Nút tạo tài khoản dùng được khi trang đã tải xong JavaScript", { exact: false })).toBeVisible();
    await shot(page, `signup-nojs-${viewport.width}`);
    await page.goto("/en/signin");
    await expect(page.getByText("The sign-in button works once the page has loaded its JavaScript", { exact: false })).toBeVisible();
    await page.goto("/en/signup");
    await expect(page.getByText("The sign-up button works once the page has loaded its JavaScript", { exact: false })).toBeVisible();
    await shot(page, `signup-nojs-en-${viewport.width}`);
    // Once the script runs, the note goes and the button works.
    await context.close();
  }
});

test("an entry of a contest whose submissions have closed is read-only, and looks it (390 and 1366 px, both languages)", async ({ browser }) => {
  test.setTimeout(120_000);
  // phongvien4 won a prize in the demo's 2025 contest, closed long ago.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.72" } });
  const page = await context.newPage();
  await page.goto("/dang-nhap?next=%2Fbai-du-thi");
  await page.getByLabel("Thư điện tử").fill("phongvien4@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(process.env.DEMO_PASSWORD ?? "lantoa-demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname === "/bai-du-thi", { timeout: 30_000 });
  await page.getByRole("link", { name: /Những người thắp sáng bản làng/ }).first().click();
  await page.waitForURL(/\/bai-du-thi\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  for (const [locale, at, notice, title] of [
    ["vi", `/bai-du-thi/${id}`, "Tác phẩm này không thể sửa được nữa.", "Tên tác phẩm"],
    ["en", `/en/entries/${id}`, "This entry can no longer be changed.", "Title of the work"],
  ] as const) {
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(at);
      await expect(page.getByText(notice)).toBeVisible();
      const field = page.getByLabel(title, { exact: true });
      await expect(field).toHaveValue("Những người thắp sáng bản làng");
      await expect(field).toBeDisabled();
      expect(await field.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgb(255, 255, 255)");
      await expect(page.locator("main form button[type=submit]")).toHaveCount(0);
      await expect(page.locator('input[type="file"]')).toHaveCount(0);
      await expectNoSeriousViolations(page);
      await shot(page, `entry-closed-${locale}-${width}`);
    }
  }
  // The API holds the same line.
  const patch = await page.request.patch(`/api/entries/${id}`, { data: { title: "Đổi tên sau khi đã đóng" } });
  expect(patch.status()).toBeGreaterThanOrEqual(400);
  expect(patch.status()).toBeLessThan(500);
  await context.close();
});
