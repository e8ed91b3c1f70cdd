// Password reset by e-mail, through the real route handlers and the real mail transport (files
// under DATA_DIR/mail): a link works once and for an hour, the answer is the same whether or not
// an account exists, requests are limited per e-mail and per address, each step is audited
// without secrets, and a reset ends every session of the account.
import "../support/env";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { signInWithPassword } from "@/lib/auth/accounts";
import { countPairFailure } from "@/lib/auth/rate-limit";
import { hashResetToken } from "@/lib/auth/reset-token";
import { resetLinkStatus } from "@/lib/auth/password-reset";
import type { Db } from "@/lib/db/client";
import { auditLog, passwordResets, rateLimits, ROLES, users, type User } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { call, sessionCookie } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser, PASSWORD } from "../support/fixtures";

const NEW_PASSWORD = "mat-khau-moi-sau-khi-quen";
let address = 0;
/** A client address of its own for each request group, so one test's limits never meet another's. */
const nextAddress = () => `198.51.100.${++address}`;

const ask = (email: string, ip: string, locale = "vi") => call("POST", "/api/account/password-reset", { json: { email }, headers: { "x-forwarded-for": ip, "accept-language": locale } });
const confirm = (json: unknown, ip = nextAddress(), locale = "vi") => call("POST", "/api/account/password-reset/confirm", { json, headers: { "x-forwarded-for": ip, "accept-language": locale } });

function decodeMail(raw: string): string {
  const end = /\r?\n\r?\n/.exec(raw)!;
  const head = raw.slice(0, end.index);
  const body = raw.slice(end.index + end[0].length);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  return body;
}

async function mailsTo(to: string): Promise<string[]> {
  const dir = path.join(process.env.DATA_DIR!, "mail");
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(`-${to}.eml`)).sort();
  return Promise.all(names.map(async (name) => decodeMail(await readFile(path.join(dir, name), "utf8"))));
}

/** The messages once `count` have arrived: they are sent after the answer, never awaited by it. */
async function waitForMails(to: string, count: number): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const mails = await mailsTo(to);
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return mailsTo(to);
}

const tokenOf = (mail: string) => /\?token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1];

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(databaseKinds)("password reset on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.dispose());

  const account = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
  const audits = (user: User, action: string) => db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, action)));

  /** Asks for a link and returns the token from the e-mail. */
  async function linkFor(user: User, locale = "vi"): Promise<string> {
    const before = (await mailsTo(user.email)).length;
    const res = await ask(user.email, nextAddress(), locale);
    expect(res.status).toBe(202);
    const mails = await waitForMails(user.email, before + 1);
    const token = tokenOf(mails.at(-1)!);
    expect(token).toBeDefined();
    return token!;
  }

  it("lets every role set a new password once, ending every session, and audits it without secrets", async () => {
    for (const role of ROLES) {
      const user = await makeUser(db, role);
      const oldSession = await sessionCookie(user.id, (await account(user.id)).sessionVersion);
      expect((await call("PUT", "/api/account/password", { json: {}, headers: { cookie: oldSession } })).status, role).toBe(422);

      const token = await linkFor(user);
      const [mail] = await mailsTo(user.email);
      expect(mail).toContain("yêu cầu đặt lại mật khẩu cho tài khoản Lan Tỏa");
      expect(mail).toContain("asked to reset the password of your Lan Tỏa account");
      expect(mail).toContain(`${env.SITE_URL.replace(/\/$/, "")}/dat-lai-mat-khau?token=${token}`);
      expect(await resetLinkStatus(db, token)).toBe("valid");

      const res = await confirm({ token, newPassword: NEW_PASSWORD });
      expect(res.status, role).toBe(204);
      expect(res.body).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");

      expect((await signInWithPassword(db, user.email, NEW_PASSWORD, nextAddress())).id).toBe(user.id);
      expect((await rejection(signInWithPassword(db, user.email, PASSWORD, nextAddress()))).code).toBe("invalidCredentials");
      // The session opened before the reset is over.
      expect((await call("PUT", "/api/account/password", { json: {}, headers: { cookie: oldSession } })).status, role).toBe(401);
      expect(await resetLinkStatus(db, token)).toBe("used");

      const [requested] = await audits(user, "account.passwordReset.request");
      expect(requested).toMatchObject({ actorId: null, entity: "account" });
      const [reset] = await audits(user, "account.passwordReset");
      const after = await account(user.id);
      expect(reset).toMatchObject({ actorId: user.id, before: { passwordChangedAt: null, sessionVersion: 0 }, after: { sessionVersion: after.sessionVersion } });
      const stored = JSON.stringify([requested, reset]);
      for (const secret of [token, hashResetToken(token)!, NEW_PASSWORD, after.passwordHash, user.passwordHash]) expect(stored).not.toContain(secret);
      // Only the hash is kept: the database alone cannot open the link.
      const rows = await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
      expect(JSON.stringify(rows)).not.toContain(token);
    }
  });

  it("answers the same for an unknown e-mail and a disabled account, and sends them nothing", async () => {
    const disabled = await makeUser(db);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    const active = await makeUser(db);
    const answers = [];
    for (const email of [active.email, "khong-ai-co@example.vn", disabled.email, active.email.toUpperCase()]) {
      const res = await ask(email, nextAddress());
      answers.push({ status: res.status, body: res.body, type: res.headers.get("content-type") });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 202, body: null, type: null });
    expect(await waitForMails(active.email, 2)).toHaveLength(2);
    expect(await mailsTo("khong-ai-co@example.vn")).toEqual([]);
    expect(await mailsTo(disabled.email)).toEqual([]);
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, disabled.id))).toEqual([]);
  });

  it("refuses a used, expired, unknown or malformed link, and a link of an account disabled since", async () => {
    const user = await makeUser(db);
    const token = await linkFor(user);
    expect((await confirm({ token, newPassword: NEW_PASSWORD })).status).toBe(204);
    const again = await confirm({ token, newPassword: "mot-mat-khau-khac-nua" });
    expect(again.status).toBe(410);
    expect(again.body.error).toMatchObject({ code: "resetLinkUsed", message: "Liên kết đặt lại mật khẩu đã được dùng. Hãy yêu cầu liên kết mới nếu cần." });
    expect((await signInWithPassword(db, user.email, NEW_PASSWORD, nextAddress())).id).toBe(user.id);

    const late = await makeUser(db);
    const lateToken = await linkFor(late);
    await db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(passwordResets.userId, late.id));
    expect(await resetLinkStatus(db, lateToken)).toBe("expired");
    const expired = await confirm({ token: lateToken, newPassword: NEW_PASSWORD }, nextAddress(), "en");
    expect(expired.status).toBe(410);
    expect(expired.body.error).toMatchObject({ code: "resetLinkExpired", message: "This password reset link has expired. Ask for a new one." });
    expect((await account(late.id)).passwordHash).toBe(late.passwordHash);

    for (const token of ["A".repeat(43), "not a token", "x".repeat(200)]) {
      const res = await confirm({ token, newPassword: NEW_PASSWORD });
      expect(res.status, token).toBe(404);
      expect(res.body.error.code).toBe("resetLinkInvalid");
    }

    const gone = await makeUser(db);
    const goneToken = await linkFor(gone);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    expect((await confirm({ token: goneToken, newPassword: NEW_PASSWORD })).status).toBe(404);
    expect((await account(gone.id)).passwordHash).toBe(gone.passwordHash);
  });

  it("spends every open link of the account on a reset, and on a password changed by its owner", async () => {
    const user = await makeUser(db);
    const first = await linkFor(user);
    const second = await linkFor(user, "en");
    expect((await mailsTo(user.email)).at(-1)).toContain("/en/password/reset?token=");
    expect((await confirm({ token: second, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await confirm({ token: first, newPassword: "mot-mat-khau-khac-nua" })).body.error.code).toBe("resetLinkUsed");

    const other = await makeUser(db);
    const open = await linkFor(other);
    const change = await call("PUT", "/api/account/password", { as: other.id, json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(change.status).toBe(204);
    expect(await resetLinkStatus(db, open)).toBe("used");
  });

  it("lets only one of two uses of the same link at once succeed", async () => {
    const user = await makeUser(db);
    const token = await linkFor(user);
    const results = await Promise.all([confirm({ token, newPassword: "mat-khau-thu-nhat-dai" }), confirm({ token, newPassword: "mat-khau-thu-hai-dai-hon" })]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 410]);
    expect(await audits(user, "account.passwordReset")).toHaveLength(1);
  });

  it("limits requests per e-mail (known or not, the same way) and per client address", async () => {
    const user = await makeUser(db);
    for (const email of [user.email, "nguoi-la@example.vn"]) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await ask(email, nextAddress())).status);
      expect(statuses, email).toEqual([202, 202, 202, 429]);
    }
    const refused = await ask(user.email, nextAddress());
    expect(refused.body.error.code).toBe("rateLimited");
    expect(refused.body.error.message).toMatch(/^Bạn đã thử quá nhiều lần\. Vui lòng đợi \d+ phút rồi thử lại\.$/);
    expect(await waitForMails(user.email, 3)).toHaveLength(3);

    const ip = nextAddress();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await ask(`ban-${i}@example.vn`, ip)).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
    expect(await db.select().from(rateLimits).where(like(rateLimits.key, "reset:%"))).not.toHaveLength(0);
  });

  it("refuses a short new password or unknown fields, and changes nothing", async () => {
    const user = await makeUser(db);
    const token = await linkFor(user);
    const short = await confirm({ token, newPassword: "ngan" });
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toEqual({ newPassword: "Quá ngắn: ít nhất 10 ký tự." });
    const extra = await confirm({ token, newPassword: NEW_PASSWORD, email: user.email });
    expect(extra.body.error.fields).toEqual({ email: "Trường này không được chấp nhận." });
    const noEmail = await ask("khong-phai-thu", nextAddress());
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.error.fields.email).toBe("Vui lòng nhập địa chỉ thư điện tử hợp lệ.");
    expect(await resetLinkStatus(db, token)).toBe("valid");
    expect((await account(user.id)).passwordHash).toBe(user.passwordHash);
  });

  it("clears sign-in blocks on the account: whoever reset it holds its mailbox", async () => {
    const user = await makeUser(db);
    const ip = nextAddress();
    for (let i = 0; i < env.AUTH_RATE_LIMIT_ACCOUNT; i++) await countPairFailure(db, user.email, ip);
    expect((await rejection(signInWithPassword(db, user.email, PASSWORD, ip))).code).toBe("signInThrottled");
    const token = await linkFor(user);
    expect((await confirm({ token, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await signInWithPassword(db, user.email, NEW_PASSWORD, ip)).id).toBe(user.id);
  });
});
