import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../lib/db/demo";

// The secretariat's e-mail templates over the demo seed (LANTOA_DEMO=1): the receipt template is
// edited, previewed and sent as a test; the test message written by the server (an .eml file
// under DATA_DIR/mail, as the app does without SMTP_URL) is the preview, word for word; a
// journalist's real receipt then uses the edited template. The template is restored at the end.

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";
const secretariat = DEMO_ACCOUNTS.find((a) => a.role === "secretariat")!;
const mailDir = path.join(process.env.DATA_DIR ?? "data", "mail");
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.61" } });

/** The body and subject of an .eml file as a reader sees them (quoted-printable or base64; RFC 2047 subject). */
function readMail(raw: string): { subject: string; text: string } {
  const end = /\r?\n\r?\n/.exec(raw)!;
  const head = raw.slice(0, end.index).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(end.index + end[0].length);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const qp = (s: string) => Buffer.from(s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  const text = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? qp(body) : body;
  const rawSubject = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? "";
  const subject = rawSubject
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, data: string) => (kind.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " "))));
  return { subject, text: text.replace(/\r\n/g, "\n").trim() };
}

async function mailsTo(to: string): Promise<{ subject: string; text: string }[]> {
  const names = (await readdir(mailDir).catch(() => [] as string[])).filter((n) => n.endsWith(`-${to}.eml`)).sort();
  return Promise.all(names.map(async (name) => readMail(await readFile(path.join(mailDir, name), "utf8"))));
}

async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname === next, { timeout: 30_000 });
}

test("A template preview matches the e-mail actually sent", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, secretariat.email, "/thu-ky/mau-thu");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mẫu thư");
  const editor = page.getByTestId("template-receipt");
  const line = `Ban Tổ chức đã nhận tác phẩm {code}. Mọi thắc mắc xin gửi về thuky@lantoa.test (${Date.now()}).`;
  const body = editor.getByLabel("Nội dung (tiếng Việt)");
  await body.fill(`${await body.inputValue()}\n\n${line}`);

  // A variable the event does not have is refused, by name.
  await editor.getByLabel("Tiêu đề (tiếng Việt)").fill("Biên nhận {code} {unknownThing}");
  await editor.getByRole("button", { name: "Xem trước" }).click();
  await expect(editor.getByText("Biến không có trong mẫu thư này: {unknownThing}.")).toBeVisible();
  await editor.getByLabel("Tiêu đề (tiếng Việt)").fill("Biên nhận tác phẩm {code} – Lan Tỏa");

  await editor.getByRole("button", { name: "Xem trước" }).click();
  const preview = editor.getByTestId("template-preview");
  await expect(preview.getByTestId("preview-subject")).toHaveText("Biên nhận tác phẩm BC2026-0042 – Lan Tỏa");
  const shownText = (await preview.getByTestId("preview-text").textContent())!;
  expect(shownText).toContain("Ban Tổ chức đã nhận tác phẩm BC2026-0042.");
  expect(shownText).not.toMatch(/\{[a-zA-Z]+\}/);

  const before = (await mailsTo(secretariat.email)).length;
  await editor.getByRole("button", { name: "Gửi thử cho tôi" }).click();
  await expect(editor.getByRole("status")).toHaveText(`Đã gửi thư thử tới ${secretariat.email}.`);
  await expect.poll(async () => (await mailsTo(secretariat.email)).length).toBe(before + 1);
  const sent = (await mailsTo(secretariat.email)).at(-1)!;
  // Word for word: what the preview showed is what arrived.
  expect(sent.text).toBe(shownText.trim());
  expect(sent.subject).toBe("Biên nhận tác phẩm BC2026-0042 – Lan Tỏa");
  await expect(editor.getByTestId("preview-text")).toHaveText(shownText);

  await editor.getByRole("button", { name: "Lưu mẫu thư" }).click();
  await expect(editor.getByRole("status")).toHaveText("Đã lưu mẫu thư.");
  await page.screenshot({ path: test.info().outputPath("templates-vi-1366.png"), fullPage: false });

  // A journalist's real receipt is written from the saved template, with the entry's own facts.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.62", "accept-language": "vi" } });
  const journalist = await context.newPage();
  const email = `pv.mauthu.${Date.now()}@baomoi.vn`;
  expect((await journalist.request.post("/api/account", { data: { name: "Phan Thị Mẫu Thư", email, password: PASSWORD, phone: "0912345678", outlet: "Báo Lao Động" } })).status()).toBe(201);
  await signIn(journalist, email, "/bai-du-thi");
  const contest = await (await journalist.request.get("/api/contests/current")).json();
  const created = await journalist.request.post("/api/entries", {
    data: { category: "online", title: "Người thợ điện vùng biên", summary: "Một bài viết về người thợ điện giữ lưới điện cho bản xa.", outlet: "Báo Lao Động", publishedAt: contest.publication.from, url: "https://example.vn/tho-dien", length: 1200 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const submitted = await journalist.request.post(`/api/entries/${id}/submit`);
  expect(submitted.status()).toBe(200);
  const { code } = await submitted.json();
  await context.close();
  await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
  const receipt = (await mailsTo(email))[0]!;
  expect(receipt.subject).toBe(`Biên nhận tác phẩm ${code} – Lan Tỏa`);
  expect(receipt.text).toContain(line.replace("{code}", code));
  expect(receipt.text).toContain("Kính gửi Phan Thị Mẫu Thư,");

  // Back to the default text, so nothing else sees the edited one.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await page.getByTestId("template-receipt").getByRole("button", { name: "Khôi phục mẫu mặc định" }).click();
  await expect(page.getByTestId("template-receipt").getByRole("status")).toHaveText("Đã khôi phục mẫu mặc định.");
  await expect(page.getByTestId("template-receipt").getByLabel("Tiêu đề (tiếng Việt)")).toHaveValue("Biên nhận tác phẩm dự thi {code}");
});
