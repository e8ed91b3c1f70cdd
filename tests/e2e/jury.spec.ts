import { expect, test, type Page } from "@playwright/test";
import { demoAuthorIdentity } from "../../lib/db/demo";

// The juror's journey over the demo seed (LANTOA_DEMO=1): sign in, see their progress, open an
// unscored entry that names none of its authors, score it (the draft survives a reload), submit,
// and see the count go up. Only giamkhao1's own sheets change, so other specs are unaffected.

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";

async function progress(page: Page): Promise<{ submitted: number; total: number }> {
  const text = (await page.getByTestId("jury-progress").first().textContent()) ?? "";
  const match = /(\d+)\s*\/\s*(\d+)/.exec(text);
  expect(match, text).not.toBeNull();
  return { submitted: Number(match![1]), total: Number(match![2]) };
}

/**
 * Holds the page's scripts back until the returned function is called: the sheet as a juror sees it
 * at first paint, before React is there. The function lets them through and stops holding (every
 * route of the page goes: the tests that use it set no other).
 */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  return async () => {
    release();
    // The held requests finish going through first.
    await page.unrouteAll({ behavior: "wait" });
  };
}

test("a juror scores a blind entry: autosaved draft, submit, progress", async ({ page }) => {
  await page.goto("/giam-khao");
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fgiam-khao$/);
  await page.getByLabel("Thư điện tử").fill("giamkhao1@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/giam-khao$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phòng chấm của giám khảo");
  await expect(page.getByRole("heading", { level: 2, name: "Vòng sơ khảo" })).toBeVisible();
  await expect(page.getByTestId("jury-progress").first()).toContainText("Đã chấm");
  const before = await progress(page);
  expect(before.total).toBeGreaterThan(before.submitted);

  // An unscored entry whose work is not a PDF when there is one: the seed's assignment is random,
  // and the next test needs a PDF still to score.
  const unscored = page.getByTestId("jury-item").filter({ has: page.getByTestId("jury-status").filter({ hasText: "Chưa chấm" }) });
  const links = await unscored.getByRole("link").evaluateAll((all) => all.map((a) => a.getAttribute("href")!));
  expect(links.length).toBeGreaterThanOrEqual(2);
  let chosen = links[0]!;
  for (const link of links) {
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 2, name: "Phiếu chấm điểm" })).toBeVisible();
    if ((await page.getByTestId("work-pdf").count()) === 0) {
      chosen = link;
      break;
    }
  }
  if (page.url() !== new URL(chosen, page.url()).href) await page.goto(chosen);
  await expect(page).toHaveURL(/\/giam-khao\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Phiếu chấm điểm" })).toBeVisible();

  // Blind: neither the rendered page nor the HTML (with its serialized props) names an author.
  const html = await (await page.request.get(page.url())).text();
  expect(html).toContain("Phiếu chấm điểm");
  const shown = (await page.content()) + html;
  for (const identity of demoAuthorIdentity()) expect(shown, identity).not.toContain(identity);

  await page.getByLabel(/Tính chân thực, phát hiện và điển hình/).fill("25");
  await page.getByLabel(/Giá trị tư tưởng và xã hội/).fill("20.5");
  await page.getByLabel(/Nghệ thuật báo chí/).fill("21");
  await page.getByLabel(/Sức lan tỏa và tác động/).fill("16");
  // The draft that holds every value and the comment reaches the server before the reload.
  const lastSave = page.waitForResponse((r) => r.url().includes("/api/jury/scores/") && r.request().method() === "PUT" && (r.request().postData() ?? "").includes("tư liệu chắc chắn") && (r.request().postData() ?? "").includes('"impact":16'));
  await page.getByLabel("Nhận xét (không bắt buộc)").fill("Nhân vật sống động, tư liệu chắc chắn.");
  await expect(page.getByTestId("score-total")).toContainText("82,5 / 100");
  expect((await lastSave).status()).toBe(200);
  await expect(page.getByTestId("save-state")).toContainText("Đã lưu", { timeout: 15_000 });

  await page.reload();
  // Typed with a point, shown back the Vietnamese way.
  await expect(page.getByLabel(/Giá trị tư tưởng và xã hội/)).toHaveValue("20,5");
  await expect(page.getByLabel(/Sức lan tỏa và tác động/)).toHaveValue("16");
  await expect(page.getByLabel("Nhận xét (không bắt buộc)")).toHaveValue("Nhân vật sống động, tư liệu chắc chắn.");

  // Submitting asks once more, on the page; going back leaves the sheet open.
  await page.getByRole("button", { name: "Nộp phiếu điểm" }).click();
  await expect(page.getByRole("button", { name: "Xác nhận nộp" })).toBeFocused();
  await page.getByRole("button", { name: "Quay lại sửa" }).click();
  await expect(page.getByLabel(/Nghệ thuật báo chí/)).toBeEnabled();
  await page.getByRole("button", { name: "Nộp phiếu điểm" }).click();
  await page.getByRole("button", { name: "Xác nhận nộp" }).click();
  await expect(page.getByText("Đã nộp phiếu điểm. Phiếu đã bị khóa.")).toBeVisible();
  await expect(page.getByLabel(/Nghệ thuật báo chí/)).toBeDisabled();

  await page.getByRole("link", { name: "Về danh sách tác phẩm được phân công" }).click();
  await expect(page).toHaveURL(/\/giam-khao$/);
  expect(await progress(page)).toEqual({ submitted: before.submitted + 1, total: before.total });

  // The same workspace in English.
  await page.goto("/en/jury");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Juror workspace");
  await expect(page.getByTestId("jury-progress").first()).toContainText(`Scored ${before.submitted + 1} / ${before.total}`);
});

test("a juror reads a PDF entry inline, types \"2,5\" and sees 2,5, submits, and moves on to the next entry", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/dang-nhap?next=%2Fgiam-khao");
  await page.getByLabel("Thư điện tử").fill("giamkhao1@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/giam-khao$/, { timeout: 15_000 });
  // The header leads a juror back to the jury room from anywhere in it.
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Phòng chấm" })).toHaveAttribute("href", "/giam-khao");

  // An entry still to score whose work is a PDF.
  const unscored = page.getByTestId("jury-item").filter({ has: page.getByTestId("jury-status").filter({ hasText: "Chưa chấm" }) });
  const links = await unscored.getByRole("link").evaluateAll((all) => all.map((a) => a.getAttribute("href")!));
  expect(links.length).toBeGreaterThanOrEqual(2);
  let src: string | null = null;
  for (const link of links) {
    await page.goto(link);
    if ((await page.getByTestId("work-pdf").count()) > 0) {
      const frame = page.getByTestId("work-pdf").first().locator("iframe");
      await expect(frame).toHaveAttribute("src", /^\/api\//);
      src = await frame.getAttribute("src");
      break;
    }
  }
  expect(src, "an unscored entry with a PDF").toMatch(/^\/api\/jury\/entries\/[0-9a-f-]{36}\/attachments\/[0-9a-f-]{36}$/);
  const here = page.url();

  // Beside the sheet: the round's deadline, the time left and the juror's progress.
  await expect(page.getByTestId("jury-deadline")).toContainText(/Hạn chấm: 23:59 ngày \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\) · Còn \d+ ngày/);
  const bar = page.getByRole("progressbar", { name: "Tiến độ chấm của bạn" });
  const before = Number(await bar.getAttribute("aria-valuenow"));

  // The PDF is read in place: the frame opens the juror's own copy (same origin, sandboxed), nothing is downloaded.
  let downloaded = false;
  page.on("download", () => (downloaded = true));
  await expect.poll(() => page.frames().some((f) => f.url() === new URL(src!, here).href)).toBe(true);
  const file = await page.request.get(src!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["content-disposition"]).toMatch(/^inline; /);
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  expect(file.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect((await file.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The sheet takes input from the first paint, before React is here: opened again with the
  // page's scripts held back, "2,5" is typed while the submit button still waits for them.
  const release = await holdScripts(page);
  await page.goto(here, { waitUntil: "commit" });
  const truthfulness = page.getByLabel(/Tính chân thực, phát hiện và điển hình/);
  await expect(truthfulness).toBeEnabled();
  await expect(page.getByTestId("submit-sheet")).toBeDisabled();
  await truthfulness.fill("2,5");
  await release();
  await expect(page.getByTestId("submit-sheet")).toBeEnabled();

  // Once hydrated, what was typed is in the sheet: "2,5" is two and a half, shown as typed, with the level it falls in.
  await expect(truthfulness).toHaveValue("2,5");
  await expect(page.getByTestId("criterion").first().locator("[data-current]")).toContainText("Thiếu kiểm chứng");
  await expect(page.getByTestId("score-total")).toContainText("2,5 / 100");
  const saved = page.waitForResponse((r) => r.url().includes("/api/jury/scores/") && r.request().method() === "PUT" && (r.request().postData() ?? "").includes('"impact":16.5'));
  await page.getByLabel(/Giá trị tư tưởng và xã hội/).fill("20");
  await page.getByLabel(/Nghệ thuật báo chí/).fill("21,5");
  await page.getByLabel(/Sức lan tỏa và tác động/).fill("16,5");
  await expect(page.getByTestId("score-total")).toContainText("60,5 / 100");
  const draft = await saved;
  expect(draft.status()).toBe(200);
  expect(JSON.parse(draft.request().postData()!).values).toEqual({ truthfulness: 2.5, value: 20, craft: 21.5, impact: 16.5 });

  await page.getByRole("button", { name: "Nộp phiếu điểm" }).click();
  await page.getByRole("button", { name: "Xác nhận nộp" }).click();
  await expect(page.getByText("Đã nộp phiếu điểm. Phiếu đã bị khóa.")).toBeVisible();
  // Locked: read-only, the scores as the locale writes them.
  await expect(page.getByTestId("sheet-locked")).toHaveText("Đã khóa");
  await expect(truthfulness).toHaveValue("2,5");
  await expect(truthfulness).toBeDisabled();
  await expect(page.getByRole("button", { name: "Nộp phiếu điểm" })).toHaveCount(0);
  expect(downloaded).toBe(false);

  // On to the next entry still to score.
  await page.getByTestId("next-unscored").click();
  await expect(page).not.toHaveURL(here);
  await expect(page).toHaveURL(/\/giam-khao\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: "Nộp phiếu điểm" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Tiến độ chấm của bạn" })).toHaveAttribute("aria-valuenow", String(before + 1));

  // The list writes the total the same way, in each language.
  await page.goto("/giam-khao");
  await expect(page.getByTestId("jury-total").filter({ hasText: "60,5" })).toHaveCount(1);
  await page.goto("/en/jury");
  await expect(page.getByTestId("jury-total").filter({ hasText: "Total: 60.5" })).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jury room" })).toHaveAttribute("href", "/en/jury");
});

test("keyboard shortcuts move between entries when no field has the focus", async ({ page }) => {
  await page.goto("/dang-nhap?next=%2Fgiam-khao");
  await page.getByLabel("Thư điện tử").fill("giamkhao1@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/giam-khao$/, { timeout: 15_000 });
  const links = await page.getByTestId("jury-item").getByRole("link").evaluateAll((all) => all.map((a) => a.getAttribute("href")!));
  await page.goto(links[0]!);
  await expect(page.getByText(`Tác phẩm 1 / ${links.length}`).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`${links[1]}$`));
  // Typed into a field, the same key is only a letter.
  const comment = page.getByLabel("Nhận xét (không bắt buộc)");
  if (await comment.isVisible()) {
    await expect(comment).toBeEnabled(); // the comment opens with React, whose shortcuts listen from then on
    await comment.focus();
    await page.keyboard.press("k");
    await expect(page).toHaveURL(new RegExp(`${links[1]}$`));
    await comment.blur();
  }
  await page.locator("h1").click();
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`${links[0]}$`));
  // The new page's shortcuts listen once it has hydrated.
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("u");
  await expect(page).toHaveURL(/\/giam-khao$/);
});

test("a journalist cannot open the juror workspace", async ({ page }) => {
  await page.goto("/dang-nhap?next=%2Fgiam-khao");
  await page.getByLabel("Thư điện tử").fill("phongvien1@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Signed in, but not a juror: the workspace they asked for sends them to their own entries.
  await expect(page).toHaveURL("/bai-du-thi", { timeout: 15_000 });
  // Asked for again directly, the same, showing nothing of it.
  await page.goto("/giam-khao");
  await expect(page).toHaveURL("/bai-du-thi");
  await expect(page.getByTestId("jury-progress")).toHaveCount(0);
});

test("a juror who signs in without a destination lands in the juror workspace", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Thư điện tử").fill("giamkhao2@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL("/giam-khao");
  await expect(page.getByTestId("jury-progress").first()).toBeVisible();
});

test("a juror declares a conflict of interest and the entry leaves their list", async ({ page }) => {
  await page.goto("/dang-nhap?next=%2Fgiam-khao");
  await page.getByLabel("Thư điện tử").fill("giamkhao3@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/giam-khao$/);
  const before = await progress(page);

  const unscored = page.getByTestId("jury-item").filter({ has: page.getByTestId("jury-status").filter({ hasText: "Chưa chấm" }) }).first();
  await unscored.getByRole("link").click();
  await expect(page).toHaveURL(/\/giam-khao\/[0-9a-f-]{36}$/);
  await page.locator("summary", { hasText: "Khai báo xung đột lợi ích" }).click();
  const declare = page.locator("details button");
  await declare.click();
  await expect(page.getByText("Vui lòng ghi lý do.")).toBeVisible();
  await page.getByLabel("Lý do").fill("Tôi từng làm việc cùng cơ quan với tác giả.");
  page.once("dialog", (dialog) => void dialog.accept());
  await declare.click();

  await expect(page).toHaveURL(/\/giam-khao\?declared=1$/);
  await expect(page.getByRole("status")).toContainText("Đã ghi nhận khai báo xung đột lợi ích");
  expect(await progress(page)).toEqual({ submitted: before.submitted, total: before.total - 1 });
});

test("a juror's scores survive a lost connection and a closed browser, and are sent once back online", async ({ page, context, browser }) => {
  await page.goto("/dang-nhap?next=%2Fgiam-khao");
  await page.getByLabel("Thư điện tử").fill("giamkhao2@lantoa.test");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/giam-khao$/, { timeout: 15_000 }); // the first sign-in when this test runs alone
  // The demo seed leaves giamkhao2 one sheet as a draft on the server.
  const drafted = page.getByTestId("jury-item").filter({ has: page.getByTestId("jury-status").filter({ hasText: "Đang chấm (bản nháp)" }) }).first();
  await drafted.getByRole("link").click();
  await expect(page).toHaveURL(/\/giam-khao\/[0-9a-f-]{36}$/);
  const sheet = page.url();
  const craft = /Nghệ thuật báo chí/;
  const impact = /Sức lan tỏa và tác động/;
  await expect(page.getByTestId("submit-sheet")).toBeEnabled(); // hydrated

  await context.setOffline(true);
  await page.getByLabel(craft).fill("19.5");
  await page.getByLabel(impact).fill("15");
  await page.getByLabel("Nhận xét (không bắt buộc)").fill("Chấm khi mất mạng, gửi sau.");
  await expect(page.getByTestId("save-state")).toContainText("Chưa gửi được lên máy chủ", { timeout: 15_000 });
  // The browser is closed while still offline (its page can send nothing after): only the copy
  // on this device holds the scores. It is opened again later with what it kept on disk.
  await page.close();
  const kept = await context.storageState();
  await context.close();
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = test.info().project.use;
  const reopened = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL, storageState: kept });
  const again = await reopened.newPage();
  // A score typed at first paint, before React has restored that copy, goes over it: both are kept.
  const truthfulness = again.getByLabel(/Tính chân thực, phát hiện và điển hình/);
  const sent = again.waitForResponse((r) => r.url().includes("/api/jury/scores/") && r.request().method() === "PUT" && (r.request().postData() ?? "").includes("gửi sau") && (r.request().postData() ?? "").includes('"truthfulness":24.5'));
  const release = await holdScripts(again);
  await again.goto(sheet, { waitUntil: "commit" });
  await expect(truthfulness).toBeEnabled();
  await expect(again.getByTestId("submit-sheet")).toBeDisabled();
  await truthfulness.fill("24,5");
  await release();
  await expect(again.getByTestId("submit-sheet")).toBeEnabled();
  await expect(again.getByTestId("restored")).toContainText("Đã khôi phục bản nháp phiếu điểm");
  await expect(again.getByRole("button", { name: "Bỏ các thay đổi này" })).toBeVisible();
  await expect(truthfulness).toHaveValue("24,5");
  await expect(again.getByLabel(craft)).toHaveValue("19.5");
  await expect(again.getByLabel(impact)).toHaveValue("15");
  expect((await sent).status()).toBe(200);
  await expect(again.getByTestId("save-state")).toContainText("Đã lưu", { timeout: 15_000 });
  // Confirmed by the server, so the copy on the device is gone.
  await expect.poll(() => again.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(":score:")))).toEqual([]);

  // Offline again without leaving the page: the change is sent as soon as the connection returns.
  await reopened.setOffline(true);
  await again.getByLabel("Nhận xét (không bắt buộc)").fill("Đã gửi lại khi có mạng.");
  await expect(again.getByTestId("save-state")).toContainText("Chưa gửi được lên máy chủ", { timeout: 15_000 });
  await reopened.setOffline(false);
  await expect(again.getByTestId("save-state")).toContainText("Đã lưu", { timeout: 15_000 });

  // What the server now holds, with nothing left to restore.
  await again.reload();
  await expect(again.getByTestId("submit-sheet")).toBeEnabled();
  await expect(truthfulness).toHaveValue("24,5");
  await expect(again.getByLabel(craft)).toHaveValue("19,5");
  await expect(again.getByLabel(impact)).toHaveValue("15");
  await expect(again.getByLabel("Nhận xét (không bắt buộc)")).toHaveValue("Đã gửi lại khi có mạng.");
  await expect(again.getByTestId("restored")).toHaveCount(0);
  await reopened.close();
});
