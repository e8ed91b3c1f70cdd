// A signed-in person changes their own password: the current one is checked under the sign-in
// limit, the new one follows the sign-up rule, the change is audited without secrets, and every
// session of the account ends (its session version is raised, tests/integration/sessions.test.ts)
// except the one re-issued to the device that made it.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { signInWithPassword } from "@/lib/auth/accounts";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { parseCookies } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { auditLog, ROLES, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { call, sessionCookie } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { databaseState, makeUser, PASSWORD } from "../support/fixtures";

const NEW_PASSWORD = "mat-khau-moi-rat-dai";

const change = (json: unknown, options: { as?: string; headers?: Record<string, string> } = {}) => call("PUT", "/api/account/password", { ...options, json });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The "name=value" part of a Set-Cookie header. */
const cookiePair = (setCookie: string | null) => setCookie!.split(";")[0]!;

describe.each(databaseKinds)("own password change on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.dispose());

  const account = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;

  it("changes the password of every role and audits it without secrets", async () => {
    for (const role of ROLES) {
      const user = await makeUser(db, role);
      const res = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { as: user.id });
      expect(res.status, role).toBe(204);
      expect(res.body).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");

      expect((await signInWithPassword(db, user.email, NEW_PASSWORD, "192.0.2.1")).id).toBe(user.id);
      expect((await rejection(signInWithPassword(db, user.email, PASSWORD, "192.0.2.1"))).code).toBe("invalidCredentials");
      const after = await account(user.id);
      expect(after.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
      expect(after.passwordChangedAt).toBeInstanceOf(Date);

      const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "account.password")));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: user.id, entity: "account", before: { passwordChangedAt: null }, after: { passwordChangedAt: after.passwordChangedAt!.toISOString() } });
      const stored = JSON.stringify(audit[0]);
      for (const secret of [PASSWORD, NEW_PASSWORD, user.passwordHash, after.passwordHash, "scrypt$"]) expect(stored).not.toContain(secret);
    }
  });

  it("refuses a wrong current password with a message on that field and changes nothing", async () => {
    const user = await makeUser(db);
    const before = await databaseState(db);
    const res = await change({ currentPassword: "khong-phai-mat-khau", newPassword: NEW_PASSWORD }, { as: user.id });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "validation", fields: { currentPassword: "Mật khẩu hiện tại không đúng." } });
    expect(Object.keys(res.body.error.fields)).toEqual(["currentPassword"]);
    const en = await change({ currentPassword: "not-the-password", newPassword: NEW_PASSWORD }, { as: user.id, headers: { "accept-language": "en" } });
    expect(en.body.error.fields.currentPassword).toBe("The current password is not correct.");
    expect(await databaseState(db)).toBe(before);
    expect((await account(user.id)).passwordChangedAt).toBeNull();
    expect((await signInWithPassword(db, user.email, PASSWORD, "192.0.2.2")).id).toBe(user.id);
  });

  it("refuses a new password that is too short, too long or the current one, and unknown fields", async () => {
    const user = await makeUser(db);
    const before = await databaseState(db);
    const newPasswordError = async (body: unknown) => {
      const res = await change(body, { as: user.id });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("validation");
      return res.body.error.fields.newPassword;
    };
    expect(await newPasswordError({ currentPassword: PASSWORD, newPassword: "ngan-qua" })).toBe("Quá ngắn: ít nhất 10 ký tự.");
    expect(await newPasswordError({ currentPassword: PASSWORD, newPassword: "x".repeat(201) })).toBe("Quá dài: tối đa 200 ký tự.");
    expect(await newPasswordError({ currentPassword: PASSWORD, newPassword: PASSWORD })).toBe("Mật khẩu mới phải khác mật khẩu hiện tại.");
    // The same letters composed differently are the same password to the hash (NFC).
    const accented = "mật khẩu có dấu rất dài";
    expect(await newPasswordError({ currentPassword: accented.normalize("NFD"), newPassword: accented.normalize("NFC") })).toBe("Mật khẩu mới phải khác mật khẩu hiện tại.");

    const missing = await change({ newPassword: NEW_PASSWORD }, { as: user.id });
    expect(missing.body.error.fields).toEqual({ currentPassword: "Trường này là bắt buộc." });
    const extra = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, role: "secretariat" }, { as: user.id });
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields.role).toBe("Trường này không được chấp nhận.");
    expect(await databaseState(db)).toBe(before);
    // Refused input never reaches the password check, so it counts no failures.
    for (let i = 0; i < env.AUTH_RATE_LIMIT_ACCOUNT; i++) expect((await change({ currentPassword: PASSWORD, newPassword: "ngan" }, { as: user.id })).status).toBe(422);
    expect((await signInWithPassword(db, user.email, PASSWORD, "192.0.2.3")).id).toBe(user.id);
  });

  it("needs a session of an active account", async () => {
    const body = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    const anonymous = await change(body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
    expect((await change(body, { headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w" } })).status).toBe(401);
    const disabled = await makeUser(db);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    expect((await change(body, { as: disabled.id })).status).toBe(401);
    expect((await account(disabled.id)).passwordChangedAt).toBeNull();
  });

  it("counts wrong current passwords as failed sign-ins from the same address", async () => {
    const user = await makeUser(db);
    for (let i = 0; i < env.AUTH_RATE_LIMIT_ACCOUNT - 1; i++) {
      expect((await change({ currentPassword: `doan-sai-lan-${i}`, newPassword: NEW_PASSWORD }, { as: user.id })).status).toBe(422);
    }
    // The failure that blocks the (account, address) pair is already answered 429.
    expect((await change({ currentPassword: "doan-sai-nua", newPassword: NEW_PASSWORD }, { as: user.id })).status).toBe(429);
    // Blocked: even the right password is refused from this address, here and at sign-in…
    const limited = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { as: user.id });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("signInThrottled");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await rejection(signInWithPassword(db, user.email, PASSWORD, "198.51.100.7"))).status).toBe(429);
    expect(await verifyPassword(PASSWORD, (await account(user.id)).passwordHash)).toBe(true);
    // …but not from another one.
    expect((await signInWithPassword(db, user.email, PASSWORD, "192.0.2.4")).id).toBe(user.id);

    // The counter is the sign-in's own: failed sign-ins from the same address block the change as well.
    const other = await makeUser(db);
    for (let i = 0; i < env.AUTH_RATE_LIMIT_ACCOUNT; i++) await rejection(signInWithPassword(db, other.email, `sai-${i}`, "198.51.100.7"));
    expect((await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { as: other.id })).status).toBe(429);
  });

  it("ends every session issued before the change and renews the one that made it", async () => {
    const user = await makeUser(db);
    const elsewhere = await sessionCookie(user.id);
    const here = await sessionCookie(user.id);
    const entries = (cookie: string) => call("GET", "/api/entries", { headers: { cookie } });
    expect((await entries(elsewhere)).status).toBe(200);
    expect((await entries(here)).status).toBe(200);

    const res = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { headers: { cookie: here } });
    expect(res.status).toBe(204);
    const setCookie = res.headers.get("set-cookie");
    expect(setCookie).toMatch(/^next-auth\.session-token=[\w.-]+; Path=\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax$/);
    const expires = new Date(/Expires=([^;]+)/.exec(setCookie!)![1]!).getTime();
    expect(expires).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const renewed = cookiePair(setCookie);

    expect((await entries(elsewhere)).status).toBe(401);
    expect((await entries(here)).status).toBe(401);
    expect((await entries(renewed)).status).toBe(200);

    // next-auth renews a token with a fresh issue time when /api/auth/session is read; its jwt
    // callback refuses to do so for a session the change ended, and keeps the re-issued one.
    const jwt = authOptions().callbacks!.jwt!;
    const token = async (cookie: string) => (await decode({ token: parseCookies(cookie).get("next-auth.session-token")!, secret: authSecret() }))!;
    await expect(jwt({ token: await token(elsewhere) } as never)).rejects.toThrow();
    await expect(jwt({ token: await token(renewed) } as never)).resolves.toMatchObject({ sub: user.id });
  });

  it("renews a __Secure- session under the same name, with Secure", async () => {
    const user = await makeUser(db);
    const plain = await sessionCookie(user.id);
    const secure = `__Secure-${plain}`;
    const res = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { headers: { cookie: secure } });
    expect(res.status).toBe(204);
    const setCookie = res.headers.get("set-cookie");
    expect(setCookie).toMatch(/^__Secure-next-auth\.session-token=[\w.-]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax; Secure$/);
    expect((await call("GET", "/api/entries", { headers: { cookie: secure } })).status).toBe(401);
    expect((await call("GET", "/api/entries", { headers: { cookie: cookiePair(setCookie) } })).status).toBe(200);
  });
});
