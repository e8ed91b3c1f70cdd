import { expect, test, type Page } from "@playwright/test";

// A journalist of this spec's own changes their password from the portal, stays signed in on this
// device, signs out, and can then sign in with the new password only. Another signs out of all
// other devices: the other browser's session ends, this one stays. The demo accounts' shared
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

  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
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

async function signUp(page: Page, email: string, name: string) {
  await page.goto("/dang-ky");
  await page.getByLabel("Họ và tên (tên thật)").fill(name);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(OLD_PASSWORD);
  await page.getByLabel("Số điện thoại").fill("0912345678");
  await page.getByLabel("Cơ quan báo chí").fill("Báo Nhân Dân");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page).toHaveURL(/\/bai-du-thi$/);
}

test("signing out of all other devices ends the other browser's session and keeps this one", async ({ page, browser }) => {
  const email = `pv.thietbi.${Date.now()}@baomoi.vn`;
  await signUp(page, email, "Phạm Văn Hai Máy");

  // Another device: its own browser context, signed in with the same account.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.42" } });
  try {
    const elsewhere = await other.newPage();
    await elsewhere.goto("/dang-nhap");
    await elsewhere.getByLabel("Thư điện tử").fill(email);
    await elsewhere.getByLabel("Mật khẩu", { exact: true }).fill(OLD_PASSWORD);
    await elsewhere.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(elsewhere).toHaveURL(/\/bai-du-thi$/);

    await page.goto("/tai-khoan/mat-khau");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Đăng nhập trên thiết bị khác");
    // A confirmation first; cancelling sends nothing and gives the focus back.
    await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị khác" }).click();
    await expect(page.getByText("Mọi phiên đăng nhập khác của tài khoản sẽ kết thúc ngay. Bạn có chắc không?")).toBeVisible();
    const yes = page.getByRole("button", { name: "Có, đăng xuất các thiết bị khác" });
    await expect(yes).toBeFocused();
    await page.getByRole("button", { name: "Hủy" }).click();
    await expect(page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị khác" })).toBeFocused();
    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/bai-du-thi$/);

    await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị khác" }).click();
    await yes.click();
    await expect(page.getByRole("status").filter({ hasText: "Đã đăng xuất khỏi mọi thiết bị khác." })).toBeVisible();

    // The other browser is signed out, and its session is not renewed either.
    await elsewhere.goto("/bai-du-thi");
    await expect(elsewhere).toHaveURL(/\/dang-nhap\?next=/);
    expect(await (await elsewhere.request.get("/api/auth/session")).json()).toEqual({});
    // This one was given a new session with the change: still signed in after a reload.
    await page.reload();
    await expect(page.getByText("Đang đăng nhập: Phạm Văn Hai Máy")).toBeVisible();
    expect(await (await page.request.get("/api/auth/session")).json()).toMatchObject({ user: { email } });

    await page.goto("/en/account/password");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Signed in on other devices");
    await expect(page.getByRole("button", { name: "Sign out of all other devices" })).toBeVisible();
  } finally {
    await other.close();
  }
});
