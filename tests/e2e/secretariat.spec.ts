import { expect, test, type Browser, type Page } from "@playwright/test";
import { pdf } from "../support/files";

// The secretariat's entry page and bulk decisions, and the audit log a committee reads, over the
// demo seed. The spec submits its own two print entries (each with a PDF) so that nothing the other
// specs rely on changes.

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";

// Sign-ins are limited per client address: this spec counts as its own client.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.61" } });

async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token")), { timeout: 30_000 }).toBe(true);
  await page.waitForURL((url) => url.pathname === next, { timeout: 30_000 });
}

/** A journalist of this spec's own submits print entries, each with a PDF of the printed page. */
async function submittedEntries(browser: Browser, titles: string[]): Promise<string[]> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.62" } });
  const page = await context.newPage();
  const email = `pv.hoso.${Date.now()}@baomoi.vn`;
  expect((await page.request.post("/api/account", { data: { name: "Đinh Thị Hồ Sơ", email, password: PASSWORD, phone: "0912345678", outlet: "Báo Quân đội nhân dân" } })).status()).toBe(201);
  await signIn(page, email, "/bai-du-thi");
  const contest = await (await page.request.get("/api/contests/current")).json();
  const codes: string[] = [];
  for (const title of titles) {
    const created = await page.request.post("/api/entries", {
      data: { category: "print", title, summary: "Chân dung người lính giữ đảo, in trên báo giấy.", outlet: "Báo Quân đội nhân dân", publishedAt: contest.publication.from, length: 1500 },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const upload = await page.request.post(`/api/entries/${id}/attachments`, { multipart: { file: { name: "Trang báo.pdf", mimeType: "application/pdf", buffer: pdf(16 * 1024, undefined, { text: title, info: { Author: "Dinh Thi Ho So" } }) } } });
    expect(upload.status()).toBe(201);
    const submitted = await page.request.post(`/api/entries/${id}/submit`);
    expect(submitted.status()).toBe(200);
    codes.push((await submitted.json()).code);
  }
  await context.close();
  return codes;
}

test("the secretariat opens an entry and sees its files, decides eligibility in bulk", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = String(Date.now());
  const titles = [`Người giữ đảo ${marker} kỳ một`, `Người giữ đảo ${marker} kỳ hai`];
  const codes = await submittedEntries(browser, titles);

  await signIn(page, "thuky@lantoa.test", "/thu-ky");
  // Filters and the sort are in the URL: the list can be shared and reloaded as it is.
  await page.goto(`/thu-ky/bai-du-thi?q=${encodeURIComponent(`nguoi giu dao ${marker}`)}&eligibility=pending&sort=title`);
  await expect(page.getByLabel("Sắp xếp")).toHaveValue("title");
  const rows = page.getByTestId("entry-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(titles[1]!); // "hai" before "một", diacritics aside
  await expect(page.getByTestId("entries-total")).toContainText("Đang sắp xếp: Theo tên tác phẩm (A–Z)");

  // Both chosen, marked ineligible: the reason is asked for first, then one reason for both.
  for (const code of codes) await page.getByRole("checkbox", { name: `Chọn ${code}` }).check();
  const bulk = page.getByTestId("bulk-actions");
  await bulk.getByLabel("Thao tác", { exact: true }).selectOption("ineligible");
  await bulk.getByRole("button", { name: "Thực hiện" }).click();
  await expect(bulk.getByRole("alert")).toBeVisible();
  const reason = `Tác phẩm đăng ngoài thời gian quy định ${marker}`;
  await bulk.getByLabel(/^Lý do/).fill(reason);
  await bulk.getByRole("button", { name: "Thực hiện" }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText("Đã lưu quyết định cho 2 tác phẩm.");
  // The list follows: nothing is left undecided under this search.
  await expect(page.getByTestId("entries-total")).toContainText("Không có tác phẩm nào phù hợp.");

  // The entry's page: its fields, its file inline (the jurors' copy), the decision with its history.
  await page.goto(`/thu-ky/bai-du-thi?q=${encodeURIComponent(codes[0]!)}`);
  await page.getByRole("link", { name: new RegExp(`Mở hồ sơ ${codes[0]}`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titles[0]!);
  await expect(page.getByTestId("entry-code")).toHaveText(codes[0]!);
  await expect(page.getByTestId("eligibility").first()).toHaveText("Không hợp lệ");
  const file = page.getByTestId("inline-file");
  await expect(file).toHaveCount(1);
  const frame = file.locator("iframe");
  await expect(frame).toHaveAttribute("title", "Tài liệu: Trang báo.pdf");
  const src = (await frame.getAttribute("src"))!;
  const copy = await page.request.get(src);
  expect(copy.status()).toBe(200);
  expect(copy.headers()["content-type"]).toBe("application/pdf");
  expect(copy.headers()["content-disposition"]).toMatch(/^inline;/);
  // The copy shown is the cleaned one: the author's name in the PDF's metadata is gone.
  expect((await copy.body()).toString("latin1")).not.toContain("Dinh Thi Ho So");
  await expect(page.getByTestId("eligibility-history")).toContainText(`Không hợp lệ · Nguyễn Thị Thư`);
  await expect(page.getByTestId("eligibility-history")).toContainText(reason);
  await expect(page.getByTestId("entry-audit")).toContainText(/Tính hợp lệ: Chưa xét →\s*(thành )?Không hợp lệ/); // "thành" is read aloud only

  // Reversed from the entry's page, with a reason; the history keeps both decisions.
  const decide = page.getByRole("group", { name: "Quyết định tính hợp lệ" });
  await decide.getByLabel("Kết luận").selectOption("eligible");
  await decide.getByLabel("Lý do").fill("Hội đồng xác minh lại ngày đăng: trong thời gian quy định.");
  await decide.getByRole("button", { name: "Lưu quyết định" }).click();
  await expect(decide.getByRole("status")).toHaveText("Đã lưu quyết định.");
  await expect(page.getByTestId("eligibility-history").getByRole("listitem")).toHaveCount(2);

  // English: the same page in the second language.
  await page.goto(page.url().replace("/thu-ky/bai-du-thi/", "/en/admin/entries/"));
  await expect(page.getByRole("heading", { name: "The work's files" })).toBeVisible();
  await expect(page.getByTestId("eligibility").first()).toHaveText("Eligible");
});

test("the audit log shows entry codes and Vietnamese labels", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = String(Date.now());
  const [code] = await submittedEntries(browser, [`Nhật ký ${marker}`]);

  await signIn(page, "thuky@lantoa.test", "/thu-ky");
  const decided = await page.request.post("/api/admin/entries/eligibility", { data: { ids: [await entryId(page, code!)], eligible: false, reason: "Trùng tác phẩm đã dự thi năm trước" } });
  expect(decided.status()).toBe(200);

  await page.goto("/thu-ky/nhat-ky");
  await page.getByLabel("Mã tác phẩm").fill(code!);
  await page.getByLabel("Thao tác", { exact: true }).selectOption({ label: "Xét tính hợp lệ" });
  // Submitted from the keyboard, as a phone's "Go" key does.
  await page.getByLabel("Mã tác phẩm").press("Enter");
  await expect(page).toHaveURL(new RegExp(`code=${code}`));
  await expect(page).toHaveURL(/action=entry.eligibility/);
  const row = page.getByTestId("audit-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("audit-object")).toHaveText(`${code} “Nhật ký ${marker}”`);
  await expect(row).toContainText("Nguyễn Thị Thư");
  await expect(row.getByTestId("audit-changes")).toContainText(/Tính hợp lệ: Chưa xét →\s*(thành )?Không hợp lệ/); // "thành" is read aloud only
  await expect(row.getByTestId("audit-changes")).toContainText(/Lý do \(tính hợp lệ\): \(trống\) →\s*(thành )?Trùng tác phẩm đã dự thi năm trước/);
  // Vietnam time, dd/mm/yyyy; no ids, no JSON, no ISO dates on the page.
  await expect(row.locator("td").first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
  expect(text).not.toContain("{\"");

  // The CSV has the same rows in the same words.
  const csv = await page.request.get((await page.getByTestId("audit-csv").getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body).toContain(`Xét tính hợp lệ,Tác phẩm,${code} “Nhật ký ${marker}”,Tính hợp lệ,Chưa xét,Không hợp lệ`);

  // The object links to the entry's page.
  await row.getByTestId("audit-object").click();
  await expect(page.getByTestId("entry-code")).toHaveText(code!);
});

// A phone lays a page out at the width of its widest content: text for screen readers outside a
// table's scroller, or a table in a fieldset, once made these pages twice the phone's width, so
// every tap after the first landed beside its target.
test("every secretariat page keeps the phone's width; wide tables scroll inside the page", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "thuky@lantoa.test", "/thu-ky");
  const width = page.viewportSize()!.width;
  const links = await page.locator("a[href^='/thu-ky']").evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!))]);
  await page.goto("/thu-ky/bai-du-thi");
  links.push(...(await page.locator("a[href^='/thu-ky/bai-du-thi/']").evaluateAll((as) => as.slice(0, 2).map((a) => a.getAttribute("href")!))));
  await page.goto("/thu-ky/vong");
  links.push(...(await page.locator("a[href^='/thu-ky/vong/']").evaluateAll((as) => as.slice(0, 2).map((a) => a.getAttribute("href")!))));
  expect(links).toEqual(expect.arrayContaining(["/thu-ky/nhat-ky", "/thu-ky/giai-thuong", "/thu-ky/bai-du-thi"]));
  const wide: string[] = [];
  for (const link of links) {
    await page.goto(link);
    const laidOut = await page.evaluate(() => window.innerWidth);
    if (laidOut !== width) wide.push(`${link}: ${laidOut} px`);
  }
  expect(wide).toEqual([]);
});

async function entryId(page: Page, code: string): Promise<string> {
  await page.goto(`/thu-ky/bai-du-thi?q=${encodeURIComponent(code)}`);
  const href = (await page.getByTestId("entry-row").getByRole("link", { name: new RegExp(`Mở hồ sơ ${code}`) }).getAttribute("href"))!;
  return href.split("/").pop()!;
}
