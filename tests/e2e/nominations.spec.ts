// A nomination end to end in Chromium, without client JavaScript on the public pages: someone
// nominates through the plain form, confirms through the link in the e-mail file, an editor
// verifies, the nominee consents, the editor accepts, and the downloaded draft passes the content
// checks. Before consent, nothing about the nominee is on any public route.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { storyProblems } from "../../lib/content/checks";
import { builtStories } from "./support";

const PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";
const mailDir = path.join(path.resolve(process.env.DATA_DIR || "data"), "mail");
const NOMINEE = `Mùa A Chứ ${Date.now().toString(36)}`;
const NOMINATOR = { name: "Lý Thị Hoa", email: `hoa.${Date.now().toString(36)}@example.vn`, phone: "0912 345 678" };
const DEEDS =
  "Anh Mùa A Chứ đã vận động bà con trong bản góp công, góp đất làm con đường bê tông dài hai cây số nối bản với trung tâm xã. Anh còn tự bỏ tiền mua giống cây ăn quả cho mười hộ nghèo và hướng dẫn họ cách chăm sóc, nay các hộ đã có thu nhập ổn định.";

async function mailBody(to: string): Promise<string> {
  const name = to.replace(/[^a-z0-9@._-]/gi, "_");
  const files = (await readdir(mailDir).catch(() => [] as string[])).filter((f) => f.endsWith(`-${name}.eml`)).sort();
  const raw = await readFile(path.join(mailDir, files.at(-1)!), "utf8");
  const end = /\r?\n\r?\n/.exec(raw)!;
  const head = raw.slice(0, end.index);
  const body = raw.slice(end.index + end[0].length);
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
}

/** The demo's editor, on their queue. */
async function signInAsEditor(page: Page): Promise<void> {
  await page.goto(`/dang-nhap?next=${encodeURIComponent("/bien-tap")}`);
  await page.getByLabel("Thư điện tử", { exact: true }).fill("bientap@lantoa.test");
  await page.getByLabel("Mật khẩu", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname === "/bien-tap", { timeout: 30_000 });
}

/** The CSV files the statistics page offers. */
async function csvLinks(page: Page): Promise<string[]> {
  const html = await (await page.request.get("/thong-ke")).text();
  const links = [...new Set([...html.matchAll(/href="(\/thong-ke\/csv\/[^"]+)"/g)].map((m) => m[1]!))];
  expect(links.length).toBeGreaterThan(3);
  return links;
}

/**
 * Every public place a nominee could leak to: listings, the pages of the nominee's own province
 * (the current unit, Tuyên Quang, and the former Hà Giang folded into it), movement, field, kind and
 * year, the statistics and their CSV files, the contest and its results, feeds, sitemap and search.
 * Open Graph images are pictures: a draft's own is checked to be missing below.
 */
async function publicText(page: Page): Promise<string> {
  const year = new Date().getFullYear();
  const paths = [
    "/", "/cau-chuyen", "/en/stories", "/sitemap.xml", "/feed.xml", "/en/feed.xml", "/de-cu", "/en/nominate",
    "/tinh-thanh", "/tinh-thanh/tuyen-quang", "/en/provinces/tuyen-quang", "/phong-trao/nong-thon-moi", "/linh-vuc/nong-nghiep", "/doi-tuong/ca-nhan",
    "/thong-ke", "/en/statistics", "/thong-ke/cuoc-thi", ...(await csvLinks(page)),
    "/cuoc-thi", "/ket-qua/2025", "/gioi-thieu",
  ];
  const texts: string[] = [];
  for (const p of paths) {
    const res = await page.request.get(p);
    expect(res.status(), p).toBe(200);
    texts.push(await res.text());
  }
  // This year's page exists once a story of this year does; before that, a 404 names no one either.
  texts.push(await (await page.request.get(`/nam/${year}`)).text());
  // What a search for the name finds (the answer echoes the words searched for, which prove nothing).
  const { hits, winners } = await (await page.request.get(`/api/search?q=${encodeURIComponent(NOMINEE)}`)).json();
  texts.push(JSON.stringify({ hits, winners }));
  return texts.join("\n");
}

test("nominate, confirm by e-mail, verify, consent, accept: the draft passes the content checks", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // The public form works without client JavaScript.
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const form = await noJs.newPage();
  await form.goto("/de-cu");
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("Đề cử gương người tốt, việc tốt");
  await form.getByLabel("Họ tên hoặc tên tập thể", { exact: true }).fill(NOMINEE);
  await form.getByLabel("Nghề nghiệp, chức vụ hoặc lĩnh vực hoạt động", { exact: true }).fill("Nông dân");
  await form.getByLabel(/^Là người lao động trực tiếp/).check();
  await form.getByLabel("Tỉnh, thành phố (theo tên vào thời điểm đó)", { exact: true }).selectOption("ha-giang");
  await form.getByLabel("Phong trào thi đua", { exact: true }).selectOption("nong-thon-moi");
  await form.getByLabel("Lĩnh vực", { exact: true }).selectOption("nong-nghiep");
  await form.getByLabel(/Người được đề cử đã làm gì/).fill(DEEDS);
  await form.getByLabel("Họ tên của bạn", { exact: true }).fill(NOMINATOR.name);
  await form.getByLabel("Thư điện tử", { exact: true }).fill(NOMINATOR.email);
  await form.getByLabel("Số điện thoại", { exact: true }).fill(NOMINATOR.phone);
  await form.getByLabel("Quan hệ của bạn với người được đề cử", { exact: true }).selectOption("neighbour");
  await form.getByLabel(/Tôi cam đoan/).check();
  // The send button shows its focus when reached from the keyboard (the site's own outline).
  await form.getByLabel(/Tôi cam đoan/).focus();
  await form.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Gửi đề cử" })).toBeFocused();
  expect(await form.getByRole("button", { name: "Gửi đề cử" }).evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await form.getByRole("button", { name: "Gửi đề cử" }).click();
  await expect(form).toHaveURL(/\/de-cu\/da-gui$/);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("Xin kiểm tra hộp thư");

  // The e-mail file holds the link; the link's page confirms with a plain form post.
  const mail = await mailBody(NOMINATOR.email);
  const link = /https?:\/\/\S+\/de-cu\/theo-doi\?t=\S+/.exec(mail)![0];
  const follow = new URL(link);
  await form.goto(follow.pathname + follow.search);
  await expect(form.getByTestId("nomination-status")).toHaveText("Chờ bạn xác nhận");
  await form.getByRole("button", { name: "Xác nhận đề cử" }).click();
  await expect(form.getByTestId("nomination-status")).toHaveText("Đã nhận");

  // Confirmed but without consent: nothing public names the nominee, and the follow page is noindex.
  expect(await publicText(page)).not.toContain(NOMINEE);
  expect(await form.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");

  // The editor's queue.
  await signInAsEditor(page);
  await page.getByRole("link", { name: NOMINEE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOMINEE);
  await expect(page.getByText(NOMINATOR.email)).toBeVisible();
  for (const check of ["Đã liên hệ người được đề cử", "Đã xác nhận với địa phương", "Đã kiểm tra các thông tin"]) await page.getByLabel(check).check();
  await page.getByLabel("Ghi chú của biên tập viên", { exact: true }).fill("Đã gọi điện cho xã.");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu.");
  await form.goto(follow.pathname + follow.search);
  await expect(form.getByTestId("nomination-status")).toHaveText("Đang xem xét");
  // Not before the nominee consents.
  await page.getByRole("button", { name: "Chấp nhận và tạo bản nháp" }).click();
  await expect(page.getByRole("alert")).toContainText("chưa đồng ý");

  // The nominee consents through the link the editor gives them (no JavaScript either).
  const consent = new URL((await page.getByTestId("consent-link").textContent())!.trim());
  await form.goto(consent.pathname + consent.search);
  await expect(form.getByText(NOMINATOR.email)).toHaveCount(0);
  await form.getByLabel(/Họ tên người đồng ý/).fill(NOMINEE);
  await form.getByLabel(/Tôi đồng ý để biên tập viên/).check();
  await form.getByRole("button", { name: "Tôi đồng ý" }).click();
  await expect(form.getByTestId("consent-done")).toBeVisible();

  await page.reload();
  await page.getByRole("button", { name: "Chấp nhận và tạo bản nháp" }).click();
  await expect(page.getByRole("status")).toContainText("Đã chấp nhận");
  const download = await page.request.get(await page.getByRole("link", { name: "Tải bản nháp (.mdx)" }).getAttribute("href").then((h) => h!));
  expect(download.status()).toBe(200);
  const draft = await download.text();
  expect(draft).toContain("draft: true");
  expect(draft).not.toContain(NOMINATOR.email);

  // The draft's frontmatter passes the content checks the build runs.
  const front = /^---\n([\s\S]*?)\n---/.exec(draft)![1]!;
  const fields = Object.fromEntries(front.split("\n").map((line) => {
    const i = line.indexOf(":");
    const raw = line.slice(i + 1).trim();
    return [line.slice(0, i), raw.startsWith('"') || raw.startsWith("[") ? JSON.parse(raw) : raw];
  }));
  expect(fields.draft).toBe("true");
  const known = await import("../../content/taxonomies/provinces.json", { with: { type: "json" } });
  expect(known.default.former.some((p: { slug: string }) => p.slug === fields.province)).toBe(true);
  expect(storyProblems(fields as never, { folderLocale: "vi", coverExists: (p) => existsSync(path.join("public", p)) })).toEqual([]);

  // No page or preview image exists for the draft's slug.
  for (const p of [`/cau-chuyen/${fields.slug}`, `/og/vi/story/${fields.slug}`]) expect((await page.request.get(p)).status()).toBe(404);

  // The nominator follows it.
  await form.goto(follow.pathname + follow.search);
  await expect(form.getByTestId("nomination-status")).toHaveText("Được chấp nhận");
  // Accepted but a draft: still nothing public.
  expect(await publicText(page)).not.toContain(NOMINEE);

  // The editor finishes the draft and the build publishes it; a story the build did publish stands
  // for it here. The editor pastes the story's address; the nominator is told, with its link.
  const story = builtStories().find((s) => s.locale === "vi")!;
  await page.reload();
  await page.getByLabel("Địa chỉ của câu chuyện đã đăng").fill(`https://lantoa.example.vn${story.url}`);
  await page.getByRole("button", { name: "Báo cho người đề cử" }).click();
  await expect(page.getByRole("status")).toContainText("Đã báo cho người đề cử.");
  expect(await mailBody(NOMINATOR.email)).toContain(`/cau-chuyen/${story.slug}`);
  await form.goto(follow.pathname + follow.search);
  await expect(form.getByTestId("nomination-status")).toHaveText("Đã đăng");
  await expect(form.getByRole("link", { name: "Đọc câu chuyện" })).toHaveAttribute("href", story.url);
  await noJs.close();
});

test("the form answers a refused nomination with a page that says what to fix", async ({ browser }) => {
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await noJs.newPage();
  await page.goto("/en/nominate");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nominate a good person or a good deed");
  // Past the browser's own checks: a self-nomination.
  await page.getByLabel("Name of the person or collective", { exact: true }).fill("Lý Thị Hoa");
  await page.getByLabel("Occupation, position or line of work", { exact: true }).fill("Farmer");
  await page.getByLabel("Province or city (as named at the time)", { exact: true }).selectOption("cao-bang");
  await page.getByLabel("Emulation movement", { exact: true }).selectOption("nong-thon-moi");
  await page.getByLabel("Field", { exact: true }).selectOption("nong-nghiep");
  await page.getByLabel(/What has the nominee done/).fill(DEEDS);
  await page.getByLabel("Your name", { exact: true }).fill("Lý Thị Hoa");
  await page.getByLabel("E-mail", { exact: true }).fill("hoa.self@example.vn");
  await page.getByLabel("Phone number", { exact: true }).fill("0912 345 678");
  await page.getByLabel("How you know the nominee", { exact: true }).selectOption("family");
  await page.getByLabel(/I declare/).check();
  await page.getByRole("button", { name: "Send the nomination" }).click();
  await expect(page).toHaveURL(/\/en\/nominate\/problem\?/);
  await expect(page.getByRole("alert")).toContainText("You cannot nominate yourself");
  await noJs.close();
});

test("the nominator's page tells a rejection, with the editor's reason", async ({ page, browser }) => {
  const nominee = `Hầu A Lử ${Date.now().toString(36)}`;
  const nominator = { name: "Vàng Thị Mỷ", email: `my.${Date.now().toString(36)}@example.vn`, phone: "0987 654 321", relation: "colleague" };
  const sent = await page.request.post("/api/nominations", {
    headers: { "x-forwarded-for": "198.51.100.97" },
    data: { nominee: { kind: "individual", name: nominee, role: "Y tá thôn bản", directWorker: true, province: "lai-chau", movement: "nong-thon-moi", field: "y-te" }, deeds: DEEDS, nominator, declaration: true },
  });
  expect(sent.status()).toBe(202);
  const follow = new URL(/https?:\/\/\S+\/de-cu\/theo-doi\?t=\S+/.exec(await mailBody(nominator.email))![0]);
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const form = await noJs.newPage();
  await form.goto(follow.pathname + follow.search);
  await form.getByRole("button", { name: "Xác nhận đề cử" }).click();
  await expect(form.getByTestId("nomination-status")).toHaveText("Đã nhận");

  await signInAsEditor(page);
  await page.getByRole("link", { name: nominee }).click();
  const reason = "Chưa xác minh được với trạm y tế xã; xin gửi lại khi có xác nhận của địa phương.";
  await page.getByLabel("Lý do (người đề cử sẽ được thông báo)").fill(reason);
  await page.getByRole("button", { name: "Không chấp nhận đề cử" }).click();
  await expect(page.getByRole("status")).toContainText("Đã ghi nhận và báo cho người đề cử.");

  await form.goto(follow.pathname + follow.search);
  await expect(form.getByTestId("nomination-status")).toHaveText("Không được chấp nhận");
  await expect(form.getByText(reason)).toBeVisible();
  expect(await mailBody(nominator.email)).toContain(reason);
  await noJs.close();
});
