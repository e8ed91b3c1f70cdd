import { expect, test, type APIResponse } from "@playwright/test";
import { pdf as realPdf } from "../support/files";

// The HTTP boundary on the production build: downloads keep their own sandboxed policy (next.config's
// site-wide one skips /api/), other API answers get the API's, `next` never leaves the site, the
// Origin is compared scheme and all, and only application/json is JSON.

// Sign-ins and sign-ups are limited per client address; this spec counts as its own client.
const ADDRESS = "198.51.100.67";
test.use({ extraHTTPHeaders: { "x-forwarded-for": ADDRESS } });

const PASSWORD = "mat-khau-e2e-an-toan";
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "lantoa-demo";
const DOWNLOAD_POLICY = "default-src 'none'; sandbox";
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

function policies(response: APIResponse): string[] {
  return response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
}

/** A PDF header followed by `body`: enough for the check at upload, which reads the head. */
function polyglotPdf(body: string): Buffer {
  const head = Buffer.from(`%PDF-1.7\n%e2e\n${body}`);
  return Buffer.concat([head, Buffer.alloc(16 * 1024 - head.length, 0x20)]);
}

/** A session cookie, made the way the sign-in page makes it. */
async function sessionCookie(baseURL: string, email: string, password: string): Promise<string> {
  const headers = { "x-forwarded-for": ADDRESS };
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().find((c) => c.includes("next-auth.csrf-token="))!.split(";")[0]!;
  const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, locale: "vi", json: "true" }),
  });
  return signIn.headers.getSetCookie().find((c) => c.includes("next-auth.session-token="))!.split(";")[0]!;
}

async function newJournalist(request: import("@playwright/test").APIRequestContext, tag: string): Promise<string> {
  const email = `pv.${tag}.${Date.now()}@baomoi.vn`;
  const res = await request.post("/api/account", { data: { name: "Trần Thị An Toàn", email, password: PASSWORD, phone: "0912345678", outlet: "Báo Tuổi Trẻ" } });
  expect(res.status()).toBe(201);
  return email;
}

test("a download keeps its sandboxed policy; other API answers get the API's; the Origin counts scheme and all", async ({ request, baseURL }) => {
  const cookie = await sessionCookie(baseURL!, await newJournalist(request, "taive"), PASSWORD);
  const headers = { cookie };

  // The same host over https is another origin: this site is served over http here.
  const https = await request.post("/api/entries", { data: { category: "print" }, headers: { ...headers, origin: baseURL!.replace(/^http:/, "https:") } });
  expect([https.status(), (await https.json()).error.code]).toEqual([403, "crossOrigin"]);
  // Only application/json is JSON, not whatever starts like it.
  const jsonx = await request.post("/api/entries", { data: JSON.stringify({ category: "print" }), headers: { ...headers, origin: baseURL!, "content-type": "application/jsonx" } });
  expect([jsonx.status(), (await jsonx.json()).error.code]).toEqual([415, "jsonRequired"]);
  const created = await request.post("/api/entries", { data: { category: "print" }, headers: { ...headers, origin: baseURL! } });
  expect(created.status()).toBe(201);
  const entryId = ((await created.json()) as { id: string }).id;
  expect(policies(created)).toEqual([API_POLICY]);

  const upload = await request.post(`/api/entries/${entryId}/attachments`, { headers, multipart: { file: { name: "Bài báo.pdf", mimeType: "application/pdf", buffer: realPdf() } } });
  expect(upload.status()).toBe(201);
  const attachmentId = ((await upload.json()) as { id: string }).id;
  const download = await request.get(`/api/entries/${entryId}/attachments/${attachmentId}`, { headers });
  expect(download.status()).toBe(200);
  expect(policies(download)).toEqual([DOWNLOAD_POLICY]);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);

  // A PDF that is also a web page is refused, with a message that says what to do.
  const polyglot = await request.post(`/api/entries/${entryId}/attachments`, { headers, multipart: { file: { name: "bai.pdf", mimeType: "application/pdf", buffer: polyglotPdf("<html><body><script>alert(document.domain)</script></body></html>\n%%EOF\n") } } });
  expect(polyglot.status()).toBe(422);
  expect((await polyglot.json()).error).toMatchObject({ code: "pdfWithMarkup", fields: { file: expect.stringContaining("HTML") } });

  for (const url of ["/api/contests/current", "/api/health", "/api/entries/not-a-uuid"]) {
    const answer = await request.get(url, { headers });
    expect(policies(answer), url).toEqual([API_POLICY]);
    expect(answer.headers()["x-content-type-options"], url).toBe("nosniff");
  }

  // The secretariat's exports are downloads too; a repeated parameter is a 400 naming it.
  const secretariat = { cookie: await sessionCookie(baseURL!, "thuky@lantoa.test", DEMO_PASSWORD) };
  const exported = await request.get("/api/admin/exports/entries?format=csv", { headers: secretariat });
  expect(exported.status()).toBe(200);
  expect(policies(exported)).toEqual([DOWNLOAD_POLICY]);
  expect(exported.headers()["x-content-type-options"]).toBe("nosniff");
  const twice = await request.get("/api/admin/exports/entries?format=csv&format=xlsx", { headers: secretariat });
  expect(twice.status()).toBe(400);
  expect((await twice.json()).error).toMatchObject({ code: "repeatedParameter", fields: { format: expect.any(String) } });
});

test("signing in never leaves the site, whatever `next` says", async ({ page, request, baseURL }) => {
  // As typed in the address bar: %09 tab, %0a newline, %0d carriage return, %5C backslash.
  for (const next of ["/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example", "/%5Cevil.example", "/%09%5Cevil.example", "//evil.example", "https://evil.example", "javascript:alert(1)", "/.//evil.example"]) {
    // The form is handed the fallback and the sign-up link carries it on (the page's hreflang
    // alternates repeat the query string as written, which sends nobody anywhere).
    const html = await (await request.get(`/dang-nhap?next=${next}`)).text();
    expect(html, next).toContain('href="/dang-ky?next=%2Fbai-du-thi"');
    expect(html, next).toContain('\\"next\\":\\"/bai-du-thi\\"');
  }
  const email = await newJournalist(request, "chuyenhuong");
  await page.goto("/dang-nhap?next=/%09/evil.example");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click(); // enabled once hydrated
  await expect(page).toHaveURL(`${baseURL}/bai-du-thi`);
  // A path of the site is followed, query string included.
  await page.goto(`/dang-nhap?next=${encodeURIComponent("/tai-khoan/mat-khau?x=1")}`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(`${baseURL}/tai-khoan/mat-khau?x=1`);
});
