import { expect, test, type Page } from "@playwright/test";
import { pdf } from "../support/files";

// The journalist's whole journey in Vietnamese: sign up, draft (kept across a reload), upload
// with a visible progress bar, submit, receipt, edit after submitting (saved explicitly), withdraw.


async function saved(page: Page) {
  await expect(page.getByTestId("save-state")).toContainText("Đã lưu", { timeout: 15_000 });
}

test("a journalist signs up, drafts, uploads, submits, edits and withdraws an entry", async ({ page }) => {
  const email = `pv.${Date.now()}@baomoi.vn`;
  await page.goto("/dang-ky");
  await page.getByLabel("Họ và tên (tên thật)").fill("Nguyễn Thị Phóng Viên");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill("mat-khau-e2e-dai");
  await page.getByLabel("Số điện thoại").fill("0912345678");
  await page.getByLabel("Cơ quan báo chí").fill("Báo Tuổi Trẻ");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click(); // enabled once hydrated
  await expect(page).toHaveURL(/\/bai-du-thi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tác phẩm dự thi của tôi");

  await page.getByRole("link", { name: "Tạo tác phẩm mới" }).click();
  await expect(page).toHaveURL(/\/bai-du-thi\/moi$/);
  await page.getByLabel("Tên tác phẩm").fill("Người thầy giữa đại ngàn");
  await saved(page);
  await expect(page).toHaveURL(/\/bai-du-thi\/[0-9a-f-]{36}$/);

  // Typed and reloaded at once, before the autosave fires: the local copy brings it back.
  await page.getByLabel("Tóm tắt").fill("Mười năm bám bản, một thầy giáo dạy chữ cho trẻ em người Mông.");
  await page.reload();
  await expect(page.getByLabel("Tóm tắt")).toHaveValue("Mười năm bám bản, một thầy giáo dạy chữ cho trẻ em người Mông.");
  await expect(page.getByLabel("Tên tác phẩm")).toHaveValue("Người thầy giữa đại ngàn");
  await saved(page);

  await page.getByLabel("Ngày đăng, phát").first().fill("2026-05-01");
  await page.getByLabel(/Độ dài/).fill("1500");
  await saved(page);

  // Slow the upload down so the progress bar is there to be seen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
  await page.locator('input[type="file"]').setInputFiles({ name: "Bài báo.pdf", mimeType: "application/pdf", buffer: pdf(1536 * 1024) });
  await expect(page.getByRole("progressbar", { name: "Tiến độ tải lên" })).toBeVisible();
  await expect(page.getByText("Đã tải lên Bài báo.pdf.")).toBeVisible({ timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByText("Bài báo.pdf", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Gửi dự thi" }).click();
  await expect(page).toHaveURL(/\/bai-du-thi\/[0-9a-f-]{36}\/bien-nhan\?sent=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Biên nhận tác phẩm dự thi");
  const code = (await page.getByTestId("entry-code").textContent())!.trim();
  expect(code).toMatch(/^BC2026-\d{4}$/);
  await expect(page.getByRole("article").getByText("Người thầy giữa đại ngàn")).toBeVisible();

  // Still editable after submitting, until the deadline.
  await page.getByRole("link", { name: "Người thầy giữa đại ngàn" }).click();
  await expect(page.getByText(`Đã gửi với mã ${code}`)).toBeVisible();
  await page.getByLabel("Tên tác phẩm").fill("Người thầy giữa đại ngàn (bản sửa)");
  // A submitted entry is changed only by an explicit save.
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByTestId("save-state")).toContainText("Đã lưu thay đổi", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel("Tên tác phẩm")).toHaveValue("Người thầy giữa đại ngàn (bản sửa)");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Rút tác phẩm" }).click();
  await expect(page.getByText(/đã được rút/)).toBeVisible();
  await expect(page.getByLabel("Tên tác phẩm")).toBeDisabled();

  await page.goto("/bai-du-thi");
  await expect(page.getByText("Đã rút")).toBeVisible();
});

test("an incomplete entry is refused with its errors listed and focus on the first", async ({ page }) => {
  const email = `pv2.${Date.now()}@baomoi.vn`;
  await page.goto("/dang-ky");
  await page.getByLabel("Họ và tên (tên thật)").fill("Trần Văn Hai");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill("mat-khau-e2e-dai");
  await page.getByLabel("Số điện thoại").fill("0912345678");
  await page.getByLabel("Cơ quan báo chí").fill("Báo Dân trí");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click(); // enabled once hydrated
  await expect(page).toHaveURL(/\/bai-du-thi$/);
  await page.goto("/bai-du-thi/moi");
  await page.getByLabel("Tên tác phẩm").fill("Chưa xong");
  await saved(page);
  await page.getByRole("button", { name: "Gửi dự thi" }).click();
  await expect(page.locator("#entry-alert")).toContainText("Chưa gửi được tác phẩm");
  await expect(page.getByLabel("Tóm tắt")).toBeFocused();
  await expect(page.getByLabel("Tóm tắt")).toHaveAttribute("aria-invalid", "true");
});
