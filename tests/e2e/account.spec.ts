import { expect, test } from "@playwright/test";

// A journalist of this spec's own changes their password from the portal, stays signed in on this
// device, signs out, and can then sign in with the new password only. The demo accounts' shared
// passwords are left alone: other specs sign in with them.

// Sign-ins and sign-ups are limited per client address; this spec counts as its own client.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.41" } });

const OLD_PASSWORD = "mat-khau-cu-e2e-dai";
const NEW_PASSWORD = "mat-khau-moi-e2e-dai";

test("a journalist changes their password, signs out and signs in with the new one", async ({ page }) => {
  const email = `pv.matkhau.${Date.now()}@baomoi.vn`;
  await page.goto("/dang-ky");
  await page.getByLabel("Họ và tên (tên thật)").fill("Lê Thị Đổi Mật Khẩu");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(OLD_PASSWORD);
  await page.getByLabel("Số điện thoại").fill("0912345678");
  await page.getByLabel("Cơ quan báo chí").fill("Báo Nhân Dân");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click(); // enabled once hydrated
  await expect(page).toHaveURL(/\/bai-du-thi$/);

  await page.getByRole("link", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/tai-khoan\/mat-khau$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đổi mật khẩu");
  const current = page.getByLabel("Mật khẩu hiện tại", { exact: true });
  const fresh = page.getByLabel("Mật khẩu mới", { exact: true });
  const confirm = page.getByLabel("Nhập lại mật khẩu mới", { exact: true });
  const submit = page.getByRole("button", { name: "Đổi mật khẩu" });

  // The two new passwords must match; checked before anything is sent.
  await current.fill(OLD_PASSWORD);
  await fresh.fill(NEW_PASSWORD);
  await confirm.fill(`${NEW_PASSWORD}x`);
  await submit.click();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Hai lần nhập mật khẩu mới không khớp.")).toBeVisible();
  await expect(confirm).toBeFocused();

  // A wrong current password is reported on its field, which gets the focus.
  await current.fill("khong-phai-mat-khau");
  await confirm.fill(NEW_PASSWORD);
  await submit.click();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Mật khẩu hiện tại không đúng.")).toBeVisible();
  await expect(current).toBeFocused();

  await current.fill(OLD_PASSWORD);
  await submit.click();
  await expect(page.getByRole("status").filter({ hasText: "Đã đổi mật khẩu." })).toBeVisible();
  await expect(current).not.toHaveAttribute("aria-invalid", "true");
  await expect(current).toHaveValue("");

  // This device was given a new session with the change: still signed in after a reload.
  await page.reload();
  await expect(page).toHaveURL(/\/tai-khoan\/mat-khau$/);
  await expect(page.getByText("Đang đăng nhập: Lê Thị Đổi Mật Khẩu")).toBeVisible();

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/tai-khoan/mat-khau");
  await expect(page).toHaveURL(/\/dang-nhap\?next=/);

  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(OLD_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.locator("#signin-error")).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");

  await page.getByLabel("Mật khẩu", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Sent back where sign-in was asked for.
  await expect(page).toHaveURL(/\/tai-khoan\/mat-khau$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đổi mật khẩu");
});
