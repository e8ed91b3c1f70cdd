import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { contestSecretariat, contestURL } from "../../playwright.config";
import { pdf } from "../support/files";

// A whole contest on an installation of its own (a second server from the same build, started
// empty by playwright.config.ts): the secretariat opens the year's contest and creates two
// jurors; three journalists sign up and submit; the secretariat finds them eligible, sets up a
// blind round with two jurors per entry and opens it; each juror scores every entry without
// seeing who wrote it; the secretariat closes the round, reads the ranking, awards prizes by
// quota, changes one with a reason and publishes; the public results, each winner's page and the
// search show the winners in both languages, and nothing of the judging.

test.use({ baseURL: contestURL });
// Sign-ups, uploads, saves and page loads on a busy machine: every wait gets 30 s, not 5.
const expect = baseExpect.configure({ timeout: 30_000 });

const year = new Date().getFullYear();
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

type Journalist = { name: string; penName: string; outlet: string; email: string; title: string; summary: string; file: string; publishedAt: string; code?: string };
const stamp = Date.now();
const journalists: Journalist[] = [
  { name: "Lương Thị Hồng Nhung", penName: "Nhung Sông Mã", outlet: "Báo Cửa Biển Hải Phòng", email: `hongnhung.${stamp}@baocuabien.vn`, title: "Thắp lửa ở điểm trường Pà Cò", summary: "Cô giáo cắm bản mười hai năm giữ lớp học cho trẻ em vùng cao.", file: "Nhung Sông Mã - điểm trường.pdf", publishedAt: day(40) },
  { name: "Âu Dương Quốc Khánh", penName: "Khánh Đê Điều", outlet: "Tạp chí Đất Mũi Cà Mau", email: `quockhanh.${stamp}@datmui.vn`, title: "Những người giữ đê sông Hồng", summary: "Đội hộ đê thức trắng qua mùa lũ để giữ bình yên cho làng ven sông.", file: "Khánh Đê Điều - giữ đê.pdf", publishedAt: day(50) },
  { name: "Kiều Thị Mỹ Duyên", penName: "Duyên Cao Nguyên", outlet: "Đài Phát thanh Núi Ngự", email: `myduyen.${stamp}@nuingu.vn`, title: "Chợ phiên trên đỉnh Mã Pì Lèng", summary: "Phiên chợ vùng cao nơi đồng bào giữ nếp trao đổi hàng hóa truyền thống.", file: "Duyên Cao Nguyên - chợ phiên.pdf", publishedAt: day(60) },
];
const jurors = [
  { name: "Tôn Nữ Thẩm Định", email: `tham.dinh.${stamp}@lantoa.test`, password: "" },
  { name: "Cù Huy Bình Xét", email: `binh.xet.${stamp}@lantoa.test`, password: "" },
];
// Criteria of the default rubric (30, 25, 25, 20 points) per juror and entry: totals 91 / 89,5,
// 78,5 / 76,5 and 58 / 54,5, so the means (90,25; 77,5; 56,25) rank the entries in order.
const CRITERIA = [/Tính chân thực, phát hiện và điển hình/, /Giá trị tư tưởng và xã hội/, /Nghệ thuật báo chí/, /Sức lan tỏa và tác động/];
const scores: number[][][] = [
  [[28, 23, 22, 18], [24, 20, 19.5, 15], [18, 15, 14, 11]],
  [[27.5, 22, 23, 17], [23, 19, 20, 14.5], [17.5, 14, 13, 10]],
];
const totals = ["91", "89,5", "78,5", "76,5", "58", "54,5"];
const means = ["90,25", "77,5", "56,25"];
const CHANGE_REASON = "Hội đồng chung khảo biểu quyết hạ một bậc do tác phẩm trùng đề tài đã đoạt giải năm trước.";
const DECISION = { number: `125/QĐ-BTC`, date: day(1) };
const CITATIONS = [
  { vi: "Một chân dung cô giáo cắm bản chân thực, giàu cảm xúc, lan tỏa tinh thần cống hiến thầm lặng.", en: "A truthful, moving portrait of a teacher in the highlands that spreads the spirit of quiet devotion." },
  { vi: "Phóng sự công phu về những người giữ đê, giàu chi tiết đời sống.", en: "A painstaking report on the dyke keepers, rich in the detail of their lives." },
];
const vietnameseDate = (iso: string) => iso.split("-").reverse().join("/");


/** A person of their own: a fresh browser context, on the project's phone or, for desk work, a desktop window. */
async function person(browser: Browser, desk = false): Promise<Page> {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  const device = desk ? { viewport: { width: 1280, height: 900 } } : { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };
  const context = await browser.newContext({ ...device, baseURL: contestURL });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string, next: string): Promise<void> {
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click(); // enabled once hydrated
  await expect(page).toHaveURL(next);
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-state")).toContainText("Đã lưu");
}

/** The server's HTML (with the serialized props) and the rendered page, as one text. */
async function everything(page: Page): Promise<string> {
  const response = await page.request.get(page.url());
  expect(response.status()).toBe(200);
  return (await response.text()) + (await page.content());
}

/** A score standing alone, in either notation: not a piece of a longer number such as a colour's 76.5514%. */
function score(value: string): RegExp {
  return new RegExp(`(?<![\\d.,])${value.replace(",", "[.,]")}(?![\\d%])`);
}

/** Names what was found (rather than printing the whole page). */
function expectNone(text: string, forbidden: (string | RegExp)[]): void {
  expect(forbidden.filter((f) => (typeof f === "string" ? text.includes(f) : f.test(text))).map(String)).toEqual([]);
}

test("a whole contest: submissions, eligibility, blind judging, ranking, prizes and publication", async ({ page, browser }) => {
  // About three minutes on a quiet machine; the whole contest is one story, so one generous limit.
  test.setTimeout(10 * 60_000);
  // The secretariat works at a desk; journalists, jurors and the public (page) on the project's phone.
  const secretariat = await person(browser, true);
  let roundPage = "";

  await test.step("the secretariat opens the year's contest and creates two jurors", async () => {
    await signIn(secretariat, contestSecretariat.email, contestSecretariat.password, "/thu-ky");
    // No page creates a contest: the API does, as docs/api.md describes.
    const contest = await secretariat.request.post("/api/admin/contests", {
      data: {
        year,
        submissionOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        submissionClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        publishedFrom: day(300),
        publishedTo: day(0),
      },
    });
    expect(contest.status(), await contest.text()).toBe(201);

    await secretariat.goto("/thu-ky/tai-khoan");
    const form = secretariat.getByRole("form", { name: "Tạo tài khoản giám khảo hoặc thư ký" });
    for (const juror of jurors) {
      await form.getByLabel("Họ và tên", { exact: true }).fill(juror.name);
      await form.getByLabel("Thư điện tử", { exact: true }).fill(juror.email);
      await form.getByLabel("Vai trò").selectOption({ label: "Giám khảo" });
      await form.getByRole("button", { name: "Tạo tài khoản" }).click();
      const created = secretariat.getByTestId("account-created");
      await expect(created).toContainText(`Đã tạo tài khoản Giám khảo cho ${juror.name} (${juror.email}).`);
      // Shown once, to be passed on to the juror.
      juror.password = (await created.getByTestId("one-time-password").textContent())!.trim();
      expect(juror.password.length).toBeGreaterThanOrEqual(16);
    }
    await expect(secretariat.getByTestId("account-row").filter({ hasText: jurors[1]!.email })).toContainText("Giám khảo");
  });

  await test.step("three journalists sign up and each submits a print entry with a PDF", async () => {
    for (const j of journalists) {
      const p = await person(browser);
      await p.goto("/dang-ky");
      await p.getByLabel("Họ và tên (tên thật)").fill(j.name);
      await p.getByLabel("Thư điện tử").fill(j.email);
      await p.getByLabel("Mật khẩu").fill("mat-khau-phong-vien");
      await p.getByLabel("Số điện thoại").fill("0912345678");
      await p.getByLabel("Cơ quan báo chí").fill(j.outlet);
      await p.getByLabel("Bút danh (không bắt buộc)").fill(j.penName);
      await p.getByRole("button", { name: "Tạo tài khoản" }).click();
      await expect(p).toHaveURL(/\/bai-du-thi$/);

      await p.getByRole("link", { name: "Tạo tác phẩm mới" }).click();
      await expect(p).toHaveURL(/\/bai-du-thi\/moi$/);
      await p.getByLabel("Thể loại").selectOption({ label: "Báo in" });
      await p.getByLabel("Tên tác phẩm").fill(j.title);
      await saved(p);
      await expect(p).toHaveURL(/\/bai-du-thi\/[0-9a-f-]{36}$/);
      // The author and outlet come from the account.
      await expect(p.getByLabel("Tên thật")).toHaveValue(j.name);
      await expect(p.getByLabel("Bút danh (không bắt buộc)")).toHaveValue(j.penName);
      await expect(p.getByLabel("Cơ quan báo chí đã đăng, phát")).toHaveValue(j.outlet);
      await p.getByLabel("Tóm tắt").fill(j.summary);
      await p.getByLabel("Ngày đăng, phát").first().fill(j.publishedAt);
      await p.getByLabel(/Độ dài/).fill("1800");
      // The first author agrees that the files may be shown if the work wins; the others do not.
      if (j === journalists[0]) await p.getByRole("checkbox", { name: "Đồng ý công bố tệp đính kèm nếu tác phẩm đoạt giải" }).check();
      await saved(p);
      await p.locator('input[type="file"]').setInputFiles({ name: j.file, mimeType: "application/pdf", buffer: pdf(64 * 1024) });
      await expect(p.getByText(`Đã tải lên ${j.file}.`)).toBeVisible({ timeout: 60_000 });

      await p.getByRole("button", { name: "Gửi dự thi" }).click();
      await expect(p).toHaveURL(/\/bai-du-thi\/[0-9a-f-]{36}\/bien-nhan\?sent=1$/);
      j.code = (await p.getByTestId("entry-code").textContent())!.trim();
      expect(j.code).toMatch(new RegExp(`^BC${year}-\\d{4}$`));
      await p.context().close();
    }
    expect(new Set(journalists.map((j) => j.code)).size).toBe(3);
  });

  await test.step("the secretariat finds all three eligible", async () => {
    await secretariat.goto("/thu-ky/bai-du-thi");
    await expect(secretariat.getByTestId("entries-total")).toHaveText("3 tác phẩm");
    for (const j of journalists) {
      const row = secretariat.getByTestId("entry-row").filter({ hasText: j.title });
      await expect(row).toContainText(j.code!);
      await expect(row.getByTestId("eligibility")).toHaveText("Chưa xét");
      await row.getByText("Quyết định", { exact: true }).click();
      await row.getByLabel("Kết luận").selectOption({ label: "Hợp lệ" });
      await row.getByRole("button", { name: "Lưu quyết định" }).click();
      await expect(row.getByRole("status")).toHaveText("Đã lưu quyết định.");
      await expect(row.getByTestId("eligibility")).toHaveText("Hợp lệ");
    }
  });

  await test.step("the secretariat sets up a blind round with two jurors per entry, assigns and opens it", async () => {
    await secretariat.goto("/thu-ky/vong");
    const form = secretariat.getByRole("form", { name: "Tạo vòng chấm mới" });
    // The round's own names come before the criteria's, which carry the same labels.
    await form.getByLabel("Tên tiếng Việt").first().fill("Vòng chung khảo");
    await form.getByLabel("Tên tiếng Anh").first().fill("Final round");
    await form.getByRole("radio", { name: "Mọi tác phẩm đã gửi và hợp lệ" }).check();
    await form.getByLabel("Số giám khảo chấm mỗi tác phẩm").fill("2");
    await form.getByRole("checkbox", { name: "Chấm kín" }).check();
    await form.getByRole("button", { name: "Tạo vòng chấm" }).click();
    await expect(secretariat).toHaveURL(/\/thu-ky\/vong\/[0-9a-f-]{36}$/);
    roundPage = new URL(secretariat.url()).pathname;
    await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Vòng chung khảo");
    await expect(secretariat.getByTestId("blind-note")).toBeVisible();

    for (const juror of jurors) await secretariat.getByRole("checkbox", { name: juror.name }).check();
    await secretariat.getByRole("button", { name: "Lưu danh sách giám khảo" }).click();
    await expect(secretariat.getByText("Đã lưu danh sách giám khảo của vòng.")).toBeVisible();

    secretariat.once("dialog", (dialog) => void dialog.accept());
    await secretariat.getByRole("button", { name: "Chạy phân công tự động" }).click();
    await expect(secretariat.getByText("Đã phân công 6 lượt chấm. Số tác phẩm còn thiếu giám khảo: 0.")).toBeVisible();
    await expect(secretariat.getByTestId("unmet-none")).toBeVisible();
    for (const j of journalists) {
      const row = secretariat.getByTestId("round-entry").filter({ hasText: j.title });
      for (const juror of jurors) await expect(row).toContainText(juror.name);
    }

    secretariat.once("dialog", (dialog) => void dialog.accept());
    await secretariat.getByRole("button", { name: "Mở vòng chấm" }).click();
    // Open: the page now offers to close it.
    await expect(secretariat.getByRole("button", { name: "Đóng vòng chấm" })).toBeVisible();
    await expect(secretariat.getByTestId("round-progress")).toHaveText("Đã nộp 0 / 6 phiếu chấm.");
  });

  await test.step("each juror scores every entry blind and submits", async () => {
    const identities = journalists.flatMap((j) => [j.name, j.penName, j.outlet, j.email]);
    for (const [n, juror] of jurors.entries()) {
      const p = await person(browser);
      await signIn(p, juror.email, juror.password, "/giam-khao");
      await expect(p.getByRole("heading", { level: 1 })).toHaveText("Phòng chấm của giám khảo");
      await expect(p.getByTestId("jury-progress")).toHaveText("Đã chấm 0 / 3");
      let shown = await everything(p);
      for (const [i, j] of journalists.entries()) {
        await p.getByTestId("jury-item").getByRole("link", { name: j.title }).click();
        await expect(p).toHaveURL(/\/giam-khao\/[0-9a-f-]{36}$/);
        await expect(p.getByRole("heading", { level: 2, name: "Phiếu chấm điểm" })).toBeVisible();
        await expect(p.getByText(j.summary)).toBeVisible();
        shown += await everything(p);
        for (const [k, criterion] of CRITERIA.entries()) await p.getByLabel(criterion).fill(String(scores[n]![i]![k]));
        await expect(p.getByTestId("score-total")).toContainText(`${totals[i * 2 + n]} / 100`);
        await saved(p);
        await p.getByRole("button", { name: "Nộp phiếu điểm" }).click();
        // Submitting asks once more, on the page, with the total.
        await expect(p.getByText(`Nộp phiếu với tổng điểm ${totals[i * 2 + n]} / 100?`, { exact: false })).toBeVisible();
        await p.getByRole("button", { name: "Xác nhận nộp" }).click();
        await expect(p.getByText("Đã nộp phiếu điểm. Phiếu đã bị khóa.")).toBeVisible();
        await p.getByRole("link", { name: "Về danh sách tác phẩm được phân công" }).click();
        await expect(p).toHaveURL(/\/giam-khao$/);
      }
      await expect(p.getByTestId("jury-progress")).toHaveText("Đã chấm 3 / 3");
      // Blind: no author, pen name, outlet or e-mail of any journalist reached this juror.
      expect(shown).toContain(journalists[0]!.title);
      expectNone(shown, identities);
      await p.context().close();
    }
  });

  await test.step("the secretariat closes the round, reads the ranking, awards prizes by quota, changes one and publishes", async () => {
    await secretariat.goto(roundPage);
    await expect(secretariat.getByTestId("round-progress")).toHaveText("Đã nộp 6 / 6 phiếu chấm.");
    secretariat.once("dialog", (dialog) => void dialog.accept());
    await secretariat.getByRole("button", { name: "Đóng vòng chấm" }).click();
    await expect(secretariat.getByText("Vòng chấm đã đóng: phân công và phiếu chấm không thay đổi được nữa.").first()).toBeVisible();
    // Ranked by the mean of the two sheets, as scored.
    const ranking = secretariat.getByTestId("ranking").getByTestId("ranking-row");
    await expect(ranking).toHaveCount(3);
    for (const [i, j] of journalists.entries()) {
      await expect(ranking.nth(i).getByRole("cell").first()).toHaveText(String(i + 1));
      await expect(ranking.nth(i)).toContainText(j.title);
      await expect(ranking.nth(i)).toContainText(means[i]!);
    }

    await secretariat.goto("/thu-ky/giai-thuong");
    await expect(secretariat.getByText("Giải được xét trên bảng xếp hạng của Vòng chung khảo.")).toBeVisible();
    await secretariat.getByLabel("Số Giải A, Báo in").fill("1");
    await secretariat.getByLabel("Số Giải B, Báo in").fill("1");
    await secretariat.getByRole("button", { name: "Lưu số giải" }).click();
    await expect(secretariat.getByText("Đã lưu số giải.")).toBeVisible();
    await expect(secretariat.getByText("Báo in: 1 giải A, 1 giải B, 0 giải C, 0 giải Khuyến khích")).toBeVisible();

    // No prize is decided yet: publication is refused with the list of what is missing.
    const publication = secretariat.getByRole("form", { name: "Công bố kết quả" });
    await publication.getByLabel("Số quyết định").fill(DECISION.number);
    await publication.getByLabel("Ngày quyết định").fill(DECISION.date);
    secretariat.once("dialog", (dialog) => void dialog.accept());
    await publication.getByRole("button", { name: "Công bố kết quả" }).click();
    await expect(publication.getByRole("alert")).toContainText("Chưa thể công bố kết quả");
    await expect(publication.getByTestId("publication-refused")).toContainText("Báo in: mới quyết định 0 trên 2 giải theo cơ cấu.");
    await expect(secretariat.getByTestId("publication-missing")).toContainText("Báo in: mới quyết định 0 trên 2 giải theo cơ cấu.");

    await secretariat.getByRole("button", { name: "Đề xuất giải theo chỉ tiêu" }).click();
    const decisions = secretariat.getByTestId("prize-decisions");
    await expect(decisions.getByRole("row").filter({ hasText: journalists[0]!.title })).toContainText("Giải A");
    await expect(decisions.getByRole("row").filter({ hasText: journalists[1]!.title })).toContainText("Giải B");
    await expect(decisions.getByRole("row").filter({ hasText: journalists[2]!.title })).toHaveCount(0);

    // The council moves the second entry down to a C prize, with its reason.
    const second = secretariat.getByTestId("prize-ranking").getByRole("row").filter({ hasText: journalists[1]!.title });
    await second.getByText("Điều chỉnh giải", { exact: true }).click();
    await second.getByLabel("Giải", { exact: true }).selectOption({ label: "Giải C" });
    await second.getByLabel("Lý do").fill(CHANGE_REASON);
    await second.getByRole("button", { name: "Lưu giải" }).click();
    await expect(second.getByRole("status")).toHaveText("Đã lưu quyết định giải.");
    await expect(decisions.getByRole("row").filter({ hasText: journalists[1]!.title })).toContainText("Giải C");
    await expect(decisions.getByRole("row").filter({ hasText: journalists[1]!.title })).toContainText(CHANGE_REASON);

    // Every prize still needs the jury's citation, in both languages.
    await expect(secretariat.getByTestId("publication-missing")).toContainText(`Giải của tác phẩm ${journalists[0]!.code} chưa có nhận xét của Hội đồng`);
    for (const [i, j] of journalists.slice(0, 2).entries()) {
      const row = decisions.getByRole("row").filter({ hasText: j.title });
      await row.getByText("Ghi nhận xét", { exact: true }).click();
      await row.getByLabel("Nhận xét (tiếng Việt)").fill(CITATIONS[i]!.vi);
      await row.getByLabel("Nhận xét (tiếng Anh)").fill(CITATIONS[i]!.en);
      await row.getByRole("button", { name: "Lưu nhận xét" }).click();
      await expect(row.getByRole("status")).toHaveText("Đã lưu nhận xét.");
      await expect(row.getByTestId("citation-cell")).toContainText(CITATIONS[i]!.vi);
    }
    await expect(secretariat.getByTestId("publication-ready")).toBeVisible();
    await secretariat.screenshot({ path: test.info().outputPath("prizes-ready-1280.png"), fullPage: true });

    // The preview: the public page as it will be, with the decision typed in, not yet public.
    await publication.getByLabel("Số quyết định").fill(DECISION.number);
    await publication.getByLabel("Ngày quyết định").fill(DECISION.date);
    await publication.getByRole("link", { name: "Xem trước trang kết quả" }).click();
    await expect(secretariat).toHaveURL(/\/thu-ky\/giai-thuong\/xem-truoc\?/);
    await expect(secretariat.getByTestId("preview-banner")).toContainText("Bản xem trước");
    await expect(secretariat.getByTestId("preview-missing")).toHaveCount(0);
    await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText(`Kết quả cuộc thi năm ${year}`);
    await expect(secretariat.getByTestId("results-decision")).toHaveText(`Theo Quyết định số ${DECISION.number} ngày ${vietnameseDate(DECISION.date)} của Ban Tổ chức.`);
    const previewed = secretariat.getByTestId("prize");
    await expect(previewed).toHaveCount(2);
    await expect(previewed.nth(0)).toContainText(journalists[0]!.title);
    await expect(previewed.nth(0).getByTestId("prize-citation")).toContainText(CITATIONS[0]!.vi);
    await expect(previewed.nth(1)).toContainText("Giải C");
    await secretariat.screenshot({ path: test.info().outputPath("preview-1280.png"), fullPage: true });
    expect((await page.goto(`/ket-qua/${year}`))?.status()).toBe(404);
    await secretariat.getByRole("link", { name: "Về trang giải thưởng và công bố" }).click();
    await expect(secretariat).toHaveURL("/thu-ky/giai-thuong");
    await publication.getByLabel("Số quyết định").fill(DECISION.number);
    await publication.getByLabel("Ngày quyết định").fill(DECISION.date);

    secretariat.once("dialog", (dialog) => void dialog.accept());
    await publication.getByRole("button", { name: "Công bố kết quả" }).click();
    await expect(secretariat.getByTestId("published")).toContainText("Kết quả đã được công bố lúc");
    await secretariat.getByTestId("published").getByRole("link", { name: "Xem trang kết quả công khai" }).click();
    await expect(secretariat).toHaveURL(`/ket-qua/${year}`);
    await secretariat.context().close();
  });

  await test.step("the public results show the winners in prize order, in Vietnamese and English, and nothing of the judging", async () => {
    const [first, second, third] = journalists as [Journalist, Journalist, Journalist];
    // Every total or mean with a decimal part (a bare "91" could be anything).
    const secret = [third.title, third.code!, ...jurors.map((j) => j.name), CHANGE_REASON, ...[...totals, ...means].filter((s) => s.includes(",")).map(score)];
    for (const locale of ["vi", "en"] as const) {
      const url = locale === "vi" ? `/ket-qua/${year}` : `/en/results/${year}`;
      expect((await page.goto(url))?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "vi" ? `Kết quả cuộc thi năm ${year}` : `${year} contest results`);
      const category = page.getByRole("region", { name: locale === "vi" ? "Báo in" : "Print" });
      const prizes = category.getByTestId("prize");
      await expect(prizes).toHaveCount(2);
      await expect(page.getByTestId("prize")).toHaveCount(2);
      for (const [i, [winner, tier]] of ([[first, locale === "vi" ? "Giải A" : "A prize"], [second, locale === "vi" ? "Giải C" : "C prize"]] as const).entries()) {
        const prize = prizes.nth(i);
        await expect(prize.getByText(tier, { exact: true })).toBeVisible();
        await expect(prize.getByRole("heading", { level: 3 })).toHaveText(winner.title);
        await expect(prize).toContainText(`${winner.name} (${winner.penName})`);
        await expect(prize).toContainText(winner.outlet);
        await expect(prize).toContainText(winner.code!);
      }
      const html = await everything(page);
      expectNone(html, secret);
    }

    await page.goto(`/ket-qua/${year}`);
    await page.getByRole("link", { name: first.title }).click();
    await expect(page).toHaveURL(`/ket-qua/${year}/${first.code}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.title);
    await expect(page.getByTestId("winner-prize")).toHaveText(`Giải A · Báo in · Cuộc thi năm ${year}`);
    await expect(page.getByText(`${first.name} (${first.penName})`)).toBeVisible();
    await expect(page.getByTestId("winner-citation")).toContainText(CITATIONS[0]!.vi);
    await expect(page.getByTestId("winner-decision")).toHaveText(`Số ${DECISION.number} ngày ${vietnameseDate(DECISION.date)}`);
    await expect(page.getByRole("link", { name: "Chia sẻ qua Zalo" })).toHaveAttribute("href", new RegExp(`^https://sp\\.zalo\\.me/share_inline\\?url=.*${first.code}`));
    // The first author agreed to show the files: the PDF opens from the winner's page.
    const file = page.getByTestId("winner-file");
    await expect(file).toHaveCount(1);
    const pdf = await page.request.get((await file.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await page.screenshot({ path: test.info().outputPath("winner-vi-phone.png"), fullPage: true });
    await page.goto(`/en/results/${year}/${second.code}`);
    await expect(page.getByTestId("winner-prize")).toHaveText(`C prize · Print · ${year} contest`);
    await expect(page.getByTestId("winner-citation")).toContainText(CITATIONS[1]!.en);
    // The second author did not: no files on the page, and none by address either.
    await expect(page.getByTestId("winner-file")).toHaveCount(0);
    // The entry that won nothing has no page.
    expect((await page.goto(`/ket-qua/${year}/${third.code}`))?.status()).toBe(404);
  });

  await test.step("the public search finds the winner without diacritics, and not the entry that won nothing", async () => {
    const [first, , third] = journalists as [Journalist, Journalist, Journalist];
    // Publication queues the winners; the outbox sends them to the index within moments.
    await expect
      .poll(async () => ((await (await page.request.get("/api/search?q=thap+lua+diem+truong+pa+co")).json()).winners as { code: string }[]).map((w) => w.code), { timeout: 60_000 })
      .toContain(first.code);
    await page.goto("/tim-kiem?q=thap+lua+diem+truong+pa+co");
    const found = page.getByTestId("search-winners");
    await expect(found.getByRole("link", { name: first.title })).toHaveAttribute("href", `/ket-qua/${year}/${first.code}`);
    await expect(found.getByText(`Giải A · Báo in · ${year}`)).toBeVisible();
    await expect(found).toContainText(first.outlet);
    const other = await (await page.request.get("/api/search?q=cho+phien+dinh+ma+pi+leng")).json();
    expect(other.winners.map((w: { code: string }) => w.code)).not.toContain(third.code);
  });
});
