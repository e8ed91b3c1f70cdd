// Sign-in throttling instead of lockout: failures slow down one (account, address) pair with
// growing delays and a 429 that says when to come back; the owner's right password from another
// address still works, and the e-mailed unlock link clears every block. Through the real
// sign-in path: next-auth's `authorize` and the next-auth route's status (lib/auth/signin-status.ts).
import "../support/env";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { authOptions } from "@/lib/auth/options";
import { throttleDelaySeconds } from "@/lib/auth/rate-limit";
import { withSignInStatus } from "@/lib/auth/signin-status";
import { unlockToken } from "@/lib/auth/unlock-link";
import { auditLog, rateLimits, type User } from "@/lib/db/schema";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser, PASSWORD } from "../support/fixtures";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** One sign-in as next-auth makes it: the user, or the message its form shows and the status its route answers. */
async function signIn(email: string, password: string, ip: string, locale = "vi") {
  let user: { id: string } | null = null;
  let message = "";
  const response = await withSignInStatus(async () => {
    user = await authorize({ email, password, locale }, { headers: { "x-forwarded-for": ip } }).catch((error: Error) => {
      message = error.message;
      return null;
    });
    // What next-auth answers a refused credentials sign-in with.
    return new Response(JSON.stringify({ url: `http://localhost/dang-nhap?error=${encodeURIComponent(message)}` }), { status: user ? 200 : 401, headers: { "content-type": "application/json" } });
  });
  return { user: user as { id: string } | null, message, status: response.status, retryAfter: response.headers.get("retry-after") };
}

async function mailsTo(to: string): Promise<string[]> {
  const dir = path.join(process.env.DATA_DIR!, "mail");
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(`-${to}.eml`)).sort();
  return Promise.all(names.map(async (name) => readFile(path.join(dir, name), "utf8")));
}

describe("throttle delays", () => {
  it("start at one minute after five failures and double up to an hour", () => {
    expect([1, 4].map((n) => throttleDelaySeconds(n, 5))).toEqual([null, null]);
    expect([5, 6, 7, 8, 11, 12, 40].map((n) => throttleDelaySeconds(n, 5))).toEqual([60, 120, 240, 480, 3600, 3600, 3600]);
  });
});

describe.each(databaseKinds)("sign-in throttling on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  const audits = (user: User, action: string) => database.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, action)));
  const expireBlocks = () => database.db.update(rateLimits).set({ blockedUntil: sql`now() - interval '1 second'` });

  it("blocks the pair, not the account: 429 with Retry-After, and the right password from elsewhere still works", async () => {
    const user = await makeUser(database.db);
    for (let i = 0; i < 4; i++) expect((await signIn(user.email, `sai-${i}`, "192.0.2.10")).status).toBe(401);
    const fifth = await signIn(user.email, "sai-4", "192.0.2.10");
    expect(fifth.status).toBe(429);
    expect(fifth.message).toBe("Đăng nhập sai nhiều lần từ nơi này. Thử lại sau 1 phút, hoặc mở liên kết mở khóa trong thư điện tử gửi tới tài khoản.");
    expect(Number(fifth.retryAfter)).toBeGreaterThan(50);
    expect(Number(fifth.retryAfter)).toBeLessThanOrEqual(60);

    // The right password from the blocked pair waits too (and is not checked)…
    const blocked = await signIn(user.email, PASSWORD, "192.0.2.10", "en");
    expect(blocked).toMatchObject({ user: null, status: 429, message: "Too many failed sign-ins from here. Try again in 1 minute, or open the unlock link e-mailed to the account." });
    // …but the owner, from an address that has not failed, signs in: no lockout.
    expect((await signIn(user.email, PASSWORD, "192.0.2.11")).user?.id).toBe(user.id);

    // Once the block has passed, the next failure blocks for twice as long.
    await expireBlocks();
    const sixth = await signIn(user.email, "sai-5", "192.0.2.10", "en");
    expect(sixth.status).toBe(429);
    expect(sixth.message).toContain("Try again in 2 minutes");
    expect(Number(sixth.retryAfter)).toBeGreaterThan(110);
    expect((await audits(user, "account.throttle")).map((a) => (a.after as { address: string }).address)).toEqual(["192.0.2.10", "192.0.2.10"]);
  });

  it("forgets a pair's failures when its password succeeds", async () => {
    const user = await makeUser(database.db);
    for (let i = 0; i < 4; i++) await signIn(user.email, `sai-${i}`, "192.0.2.20");
    expect((await signIn(user.email, PASSWORD, "192.0.2.20")).user?.id).toBe(user.id);
    for (let i = 0; i < 4; i++) expect((await signIn(user.email, `sai-${i}`, "192.0.2.20")).status).toBe(401);
  });

  it("throttles unknown e-mails the same way, with no mail and no audit", async () => {
    for (let i = 0; i < 4; i++) expect((await signIn("khong-co@example.vn", "sai", "192.0.2.30")).status).toBe(401);
    expect((await signIn("khong-co@example.vn", "sai", "192.0.2.30")).status).toBe(429);
    expect(await mailsTo("khong-co@example.vn")).toEqual([]);
  });

  it("e-mails an unlock link that clears every block on the account, once, audited", async () => {
    const user = await makeUser(database.db);
    for (const ip of ["192.0.2.40", "192.0.2.41"]) for (let i = 0; i < 5; i++) await signIn(user.email, `sai-${i}`, ip);
    expect((await signIn(user.email, PASSWORD, "192.0.2.40")).status).toBe(429);
    const mails = await mailsTo(user.email);
    expect(mails.length).toBe(2);
    const link = /(http:\/\/\S+\/api\/account\/unlock\?token=[\w.-]+)/.exec(mails[0]!.replace(/=\r?\n/g, "").replace(/=3D/g, "="))?.[1];
    expect(link).toBeDefined();

    const res = await call("GET", link!.replace(/^https?:\/\/[^/]+/, ""), { headers: { "accept-language": "en" } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/\/en\/signin\?unlock=unlocked$/);
    expect((await signIn(user.email, PASSWORD, "192.0.2.40")).user?.id).toBe(user.id);
    expect((await signIn(user.email, PASSWORD, "192.0.2.41")).user?.id).toBe(user.id);
    expect(await audits(user, "account.unlock")).toHaveLength(1);

    // Once only.
    for (let i = 0; i < 5; i++) await signIn(user.email, `sai-${i}`, "192.0.2.42");
    const again = await call("GET", link!.replace(/^https?:\/\/[^/]+/, ""));
    expect(again.headers.get("location")).toMatch(/\/dang-nhap\?unlock=used$/);
    expect((await signIn(user.email, PASSWORD, "192.0.2.42")).status).toBe(429);
    expect(await audits(user, "account.unlock")).toHaveLength(1);
  });

  it("refuses forged, foreign and expired unlock links, changing nothing", async () => {
    const user = await makeUser(database.db);
    for (let i = 0; i < 5; i++) await signIn(user.email, `sai-${i}`, "192.0.2.50");
    const token = unlockToken(user.id);
    const forged = token.replace(/^[0-9a-f-]{36}/, "00000000-0000-4000-8000-000000000000");
    const expired = unlockToken(user.id, Date.now() - 25 * 3600 * 1000);
    for (const [bad, outcome] of [[forged, "invalid"], ["abc", "invalid"], [expired, "expired"]] as const) {
      const res = await call("GET", `/api/account/unlock?token=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(new RegExp(`/dang-nhap\\?unlock=${outcome}$`));
    }
    expect((await signIn(user.email, PASSWORD, "192.0.2.50")).status).toBe(429);
    expect(await audits(user, "account.unlock")).toHaveLength(0);
  });

  it("sends at most three unlock e-mails an hour", async () => {
    const user = await makeUser(database.db);
    for (let block = 0; block < 5; block++) {
      for (let i = 0; i < 5; i++) await signIn(user.email, `sai-${i}`, `192.0.2.${60 + block}`);
    }
    expect(await mailsTo(user.email)).toHaveLength(3);
  });
});
