// Sessions that really end. The account's session version is fixed in the token at sign-in
// (`sv`), kept by every renewal, and checked on every request and by next-auth's renewal
// (/api/auth/session, run here through next-auth's own core handler): a password change, "sign
// out everywhere", disabling, re-enabling and a role change raise it, and every other session
// ends at once, whatever the second it was issued or renewed in.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { authSecret } from "@/lib/auth/secret";
import { SESSION_MAX_AGE } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { auditLog, ROLES, users } from "@/lib/db/schema";
// next-auth's core, the code its Next.js route handler calls; not in the package's exports map.
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import { call, sessionCookie } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { databaseState, makeUser, PASSWORD } from "../support/fixtures";

const NEW_PASSWORD = "mat-khau-moi-rat-dai";
const COOKIE = "next-auth.session-token";

type Auth = { status?: number; body?: unknown; cookies?: { name: string; value: string; options: { expires?: Date | string; maxAge?: number } }[] };

/** next-auth's own handler for /api/auth/{path}, without Next.js's glue (it needs next/headers). */
async function auth(path: string, init: { method?: string; cookie?: string; json?: unknown } = {}): Promise<Auth> {
  const headers = new Headers({ host: "localhost", "x-forwarded-proto": "http", "x-forwarded-for": "198.51.100.9", ...(init.cookie ? { cookie: init.cookie } : {}) });
  if (init.json) headers.set("content-type", "application/json");
  const req = new Request(`http://localhost/api/auth/${path}`, { method: init.method ?? "GET", headers, body: init.json ? JSON.stringify(init.json) : undefined });
  return (await AuthHandler({ req: req as never, options: authOptions() })) as Auth;
}

/** Signs in through next-auth's credentials callback (CSRF token first), as the sign-in form does. */
async function signIn(email: string, password = PASSWORD): Promise<string> {
  const csrf = await auth("csrf");
  const csrfCookie = csrf.cookies!.find((c) => c.name.endsWith("csrf-token"))!;
  const res = await auth("callback/credentials", {
    method: "POST",
    cookie: `${csrfCookie.name}=${csrfCookie.value}`,
    json: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email, password, locale: "vi", json: "true" },
  });
  const session = res.cookies?.find((c) => c.name.endsWith(COOKIE));
  expect(session?.value, JSON.stringify(res)).toBeTruthy();
  return `${session!.name}=${session!.value}`;
}

/** GET /api/auth/session as a browser polls it: the session it answers and the cookie it sets (null: cleared). */
async function renew(cookie: string): Promise<{ session: Record<string, unknown>; cookie: string | null }> {
  const res = await auth("session", { cookie });
  const set = res.cookies?.find((c) => c.name.endsWith(COOKIE));
  const cleared = !set || set.value === "" || set.options.maxAge === 0 || (set.options.expires !== undefined && new Date(set.options.expires).getTime() <= Date.now());
  return { session: res.body as Record<string, unknown>, cookie: cleared ? null : `${set.name}=${set.value}` };
}

const payload = async (cookie: string) => (await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret: authSecret() }))!;
const entries = (cookie: string) => call("GET", "/api/entries", { headers: { cookie } });
const revoke = (cookie: string, headers: Record<string, string> = {}) => call("POST", "/api/account/sessions/revoke", { headers: { cookie, ...headers } });
/** The "name=value" part of a Set-Cookie header. */
const cookiePair = (setCookie: string | null) => setCookie!.split(";")[0]!;

describe.each(databaseKinds)("sessions on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let secretariat: { id: string };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    secretariat = await makeUser(db, "secretariat", "Thư Ký Phiên");
  });
  afterAll(() => database.dispose());

  const version = async (id: string) => (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0]!.v;
  const patch = (id: string, json: unknown) => call("PATCH", `/api/admin/accounts/${id}`, { as: secretariat.id, json });

  it("fixes the session version at sign-in and keeps it through renewals", async () => {
    const user = await makeUser(db);
    await db.update(users).set({ sessionVersion: 4 }).where(eq(users.id, user.id));
    const cookie = await signIn(user.email);
    expect(await payload(cookie)).toMatchObject({ sub: user.id, sv: 4 });
    const renewed = await renew(cookie);
    expect(renewed.session).toMatchObject({ user: { email: user.email } });
    expect(await payload(renewed.cookie!)).toMatchObject({ sub: user.id, sv: 4 });
    expect((await entries(renewed.cookie!)).status).toBe(200);
  });

  it("ends a session signed in or renewed in the same second as a password change", async () => {
    const user = await makeUser(db);
    const [here, earlier] = [await signIn(user.email), await signIn(user.email)];
    // The clock stands still inside one second (only Date: timers and I/O run as usual), so the
    // sign-in, the renewal and the change below share it however slow the machine is.
    vi.useFakeTimers({ toFake: ["Date"], now: (Math.floor(Date.now() / 1000) + 1) * 1000 + 300 });
    let signedIn: string, polling: string, res: Awaited<ReturnType<typeof call>>;
    try {
      // A sign-in as next-auth's callback makes it (authorize has checked the password), and a
      // session renewed by /api/auth/session, both in the second the password then changes.
      const jwt = authOptions().callbacks!.jwt!;
      const token = await jwt({ token: { sub: user.id, email: user.email }, user: { id: user.id, email: user.email }, trigger: "signIn" } as never);
      signedIn = `${COOKIE}=${await encode({ token, secret: authSecret(), maxAge: SESSION_MAX_AGE })}`;
      polling = (await renew(earlier)).cookie!;
      res = await call("PUT", "/api/account/password", { headers: { cookie: here }, json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    } finally {
      vi.useRealTimers();
    }
    expect(res.status).toBe(204);
    const changedAt = (await db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordChangedAt!;
    // The case whole-second issue times cannot tell apart from the device that made the change.
    for (const cookie of [signedIn, polling]) expect((await payload(cookie)).iat).toBe(Math.floor(changedAt.getTime() / 1000));

    for (const cookie of [signedIn, polling, here, earlier]) {
      expect((await entries(cookie)).status).toBe(401);
      // Polling /api/auth/session answers no session and clears the cookie: no fresh `iat` to hide behind.
      expect(await renew(cookie)).toEqual({ session: {}, cookie: null });
    }
    const reissued = cookiePair(res.headers.get("set-cookie"));
    expect(await payload(reissued)).toMatchObject({ sub: user.id, sv: await version(user.id) });
    expect((await entries(reissued)).status).toBe(200);
    expect((await renew(reissued)).cookie).not.toBeNull();
    expect((await entries(await signIn(user.email, NEW_PASSWORD))).status).toBe(200);
  });

  it("ends a disabled account's sessions, renewal included, and re-enabling does not revive them", async () => {
    const user = await makeUser(db);
    const cookie = await signIn(user.email);
    const polled = (await renew(cookie)).cookie!;
    expect((await patch(user.id, { disabled: true, reason: "Tạm nghỉ" })).status).toBe(200);
    for (const c of [cookie, polled]) {
      expect((await entries(c)).status).toBe(401);
      expect(await renew(c)).toEqual({ session: {}, cookie: null });
    }
    expect((await patch(user.id, { disabled: false, reason: "Trở lại" })).status).toBe(200);
    for (const c of [cookie, polled]) {
      expect((await entries(c)).status).toBe(401);
      expect(await renew(c)).toEqual({ session: {}, cookie: null });
    }
    expect((await entries(await signIn(user.email))).status).toBe(200);
    // Disabled and re-enabled: two versions on.
    expect(await version(user.id)).toBe(2);
  });

  it("ends every session on a role change, and none on a change that changes nothing", async () => {
    const user = await makeUser(db);
    const cookie = await signIn(user.email);
    expect((await patch(user.id, { role: "journalist", reason: "Không đổi" })).status).toBe(200);
    expect((await entries(cookie)).status).toBe(200);
    expect((await patch(user.id, { role: "juror", reason: "Vào hội đồng" })).status).toBe(200);
    expect((await call("GET", "/api/jury/assignments", { headers: { cookie } })).status).toBe(401);
    expect(await renew(cookie)).toEqual({ session: {}, cookie: null });
    expect((await call("GET", "/api/jury/assignments", { headers: { cookie: await signIn(user.email) } })).status).toBe(200);
  });

  it("signs out everywhere else for every role, keeps the device that asked, and audits it", async () => {
    for (const role of ROLES) {
      const user = await makeUser(db, role);
      const [here, other, third] = [await signIn(user.email), await signIn(user.email), await signIn(user.email)];
      const res = await revoke(here);
      expect(res.status, role).toBe(204);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const setCookie = res.headers.get("set-cookie");
      expect(setCookie).toMatch(/^next-auth\.session-token=[\w.-]+; Path=\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax$/);
      const expires = new Date(/Expires=([^;]+)/.exec(setCookie!)![1]!).getTime();
      expect(expires).toBeGreaterThan(Date.now() + (SESSION_MAX_AGE - 3600) * 1000);
      const reissued = cookiePair(setCookie);
      // A route each role may call: its own workspace.
      const workspace = { journalist: "/api/entries", juror: "/api/jury/assignments", secretariat: "/api/admin/accounts", editor: "/api/editor/nominations" }[role];
      const ping = (c: string) => call("GET", workspace, { headers: { cookie: c } });
      for (const c of [here, other, third]) {
        expect((await ping(c)).status, role).toBe(401);
        expect(await renew(c)).toEqual({ session: {}, cookie: null });
      }
      expect((await ping(reissued)).status).toBe(200);
      expect((await renew(reissued)).cookie).not.toBeNull();
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "account.sessions")));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: user.id, entity: "account", before: { sessionVersion: 0 }, after: { sessionVersion: 1 } });
    }
  });

  it("keeps a __Secure- session's name and Secure flag", async () => {
    const user = await makeUser(db);
    const secure = `__Secure-${await sessionCookie(user.id)}`;
    const res = await revoke(secure);
    expect(res.status).toBe(204);
    const setCookie = res.headers.get("set-cookie");
    expect(setCookie).toMatch(/^__Secure-next-auth\.session-token=[\w.-]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax; Secure$/);
    expect((await entries(secure)).status).toBe(401);
    expect((await entries(cookiePair(setCookie))).status).toBe(200);
  });

  it("refuses anonymous, ended and cross-site requests, and changes nothing", async () => {
    const user = await makeUser(db);
    const [a, b] = [await sessionCookie(user.id), await sessionCookie(user.id)];
    const before = await databaseState(db);
    const anonymous = await call("POST", "/api/account/sessions/revoke");
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "unauthenticated"]);
    const crossSite = await revoke(a, { origin: "https://evil.example" });
    expect([crossSite.status, crossSite.body.error.code]).toEqual([403, "crossOrigin"]);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    expect(await databaseState(db)).toBe(before);

    // Once `a` has signed everyone out, `b` cannot do the same to stay signed in.
    expect((await revoke(a)).status).toBe(204);
    const ended = await revoke(b);
    expect([ended.status, ended.body.error.code]).toEqual([401, "unauthenticated"]);
    expect(ended.headers.get("set-cookie")).toBeNull();
    expect(await version(user.id)).toBe(1);
  });

  it("refuses a token without a session version (issued before versions existed)", async () => {
    const user = await makeUser(db);
    const legacy = `${COOKIE}=${await encode({ token: { sub: user.id }, secret: authSecret() })}`;
    expect((await entries(legacy)).status).toBe(401);
    // Refusing to renew an ended session is expected: not logged as an error.
    const errors = vi.spyOn(console, "error");
    try {
      expect(await renew(legacy)).toEqual({ session: {}, cookie: null });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
