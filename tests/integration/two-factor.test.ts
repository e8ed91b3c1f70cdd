// Two-factor sign-in for staff, through the real routes and next-auth's real `authorize`:
// enrolment (sealed secret, confirmation, ten recovery codes shown once), sign-in with a TOTP
// or a recovery code (each spent once), wrong codes throttled like passwords, turning it off
// with a code, the secretariat requiring it for staff and resetting an account's. All audited.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { authOptions } from "@/lib/auth/options";
import { openSecret, totpCode } from "@/lib/auth/two-factor";
import { auditLog, settings, users, type User } from "@/lib/db/schema";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser, PASSWORD } from "../support/fixtures";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** A sign-in as the form makes it: the account's id, or the error the form receives. */
const signIn = (email: string, code: string, ip = "192.0.2.80", password = PASSWORD) =>
  authorize({ email, password, code, locale: "en" }, { headers: { "x-forwarded-for": ip } }).then(
    (user) => user?.id ?? "",
    (error: Error) => error.message,
  );

describe.each(databaseKinds)("two-factor sign-in on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  const row = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;
  const audits = (user: User, action: string) => database.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, action)));
  /** Enrols through the API; returns the secret (read back as the app would scan it) and the recovery codes. */
  async function enrol(user: User) {
    const setup = await call("POST", "/api/account/two-factor", { as: user.id });
    expect(setup.status).toBe(201);
    const secret = setup.body.secret.replace(/ /g, "");
    const confirmed = await call("PUT", "/api/account/two-factor", { as: user.id, json: { code: totpCode(secret) } });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  it("enrols a juror: sealed secret, a confirming code, ten recovery codes stored hashed; audited", async () => {
    const juror = await makeUser(database.db, "juror");
    const setup = await call("POST", "/api/account/two-factor", { as: juror.id });
    expect(setup.status).toBe(201);
    expect(setup.body.secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = setup.body.secret.replace(/ /g, "");
    expect(setup.body.uri).toContain(`secret=${secret}`);
    const pending = await row(juror.id);
    expect(pending.totpSecret).not.toContain(secret);
    expect(openSecret(pending.totpSecret!)).toBe(secret);
    expect(pending.totpEnabledAt).toBeNull();
    // Not on until confirmed: the password alone still signs in.
    expect(await signIn(juror.email, "")).toBe(juror.id);

    const wrong = await call("PUT", "/api/account/two-factor", { as: juror.id, json: { code: "000000" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields.code).toBe("Mã xác thực không đúng.");
    expect((await row(juror.id)).totpEnabledAt).toBeNull();

    const confirmed = await call("PUT", "/api/account/two-factor", { as: juror.id, json: { code: totpCode(secret) } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const on = await row(juror.id);
    expect(on.totpEnabledAt).not.toBeNull();
    expect(on.recoveryCodes).toHaveLength(10);
    expect(on.recoveryCodes.join()).not.toContain(confirmed.body.recoveryCodes[0].replace("-", ""));
    expect(await audits(juror, "account.twoFactor.enable")).toHaveLength(1);
    expect((await call("POST", "/api/account/two-factor", { as: juror.id })).body.error.code).toBe("twoFactorAlreadyOn");
  });

  it("is for staff only", async () => {
    const journalist = await makeUser(database.db);
    expect((await call("POST", "/api/account/two-factor", { as: journalist.id })).status).toBe(403);
    expect((await call("POST", "/api/account/two-factor")).status).toBe(401);
  });

  it("asks for a code after the right password, takes a TOTP or a recovery code once, and throttles wrong codes", async () => {
    const secretary = await makeUser(database.db, "secretariat");
    const { secret, recoveryCodes } = await enrol(secretary);
    expect(await signIn(secretary.email, "")).toBe("codeRequired");
    // A wrong password is still only a wrong password: no hint that a code would be asked.
    expect(await signIn(secretary.email, "", "192.0.2.81", "sai-mat-khau")).toBe(await signIn("khong-co@example.vn", "", "192.0.2.81", "sai-mat-khau"));
    expect(await signIn(secretary.email, totpCode(secret))).toBe(secretary.id);
    expect(await signIn(secretary.email, recoveryCodes[0]!.toUpperCase())).toBe(secretary.id);
    expect(await signIn(secretary.email, recoveryCodes[0]!)).toMatch(/^Wrong verification code/);
    expect((await row(secretary.id)).recoveryCodes).toHaveLength(9);
    expect(await audits(secretary, "account.twoFactor.recoveryCode")).toHaveLength(1);

    // Wrong codes count toward the pair's throttle, like wrong passwords.
    for (let i = 0; i < 4; i++) expect(await signIn(secretary.email, "123456", "192.0.2.82")).toMatch(/^Wrong verification code/);
    expect(await signIn(secretary.email, "123456", "192.0.2.82")).toMatch(/Try again in 1 minute/);
    expect(await signIn(secretary.email, totpCode(secret), "192.0.2.82")).toMatch(/Try again in/);
    expect(await signIn(secretary.email, totpCode(secret), "192.0.2.83")).toBe(secretary.id);
  });

  it("turns off only with a current code; audited", async () => {
    const juror = await makeUser(database.db, "juror");
    const { secret } = await enrol(juror);
    const wrong = await call("DELETE", "/api/account/two-factor", { as: juror.id, json: { code: "000000" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("wrongCode");
    expect((await row(juror.id)).totpEnabledAt).not.toBeNull();
    expect((await call("DELETE", "/api/account/two-factor", { as: juror.id, json: { code: totpCode(secret) } })).status).toBe(204);
    const off = await row(juror.id);
    expect([off.totpEnabledAt, off.totpSecret, off.recoveryCodes]).toEqual([null, null, []]);
    expect(await audits(juror, "account.twoFactor.disable")).toHaveLength(1);
    expect(await signIn(juror.email, "")).toBe(juror.id);
  });

  it("lets the secretariat require it for staff, who must enrol before anything else, and reset an account's", async () => {
    const secretary = await makeUser(database.db, "secretariat");
    const juror = await makeUser(database.db, "juror");
    const journalist = await makeUser(database.db);
    const require = (as: string, on: boolean) => call("PUT", "/api/admin/settings", { as, json: { twoFactorRequiredForStaff: on } });
    // Whoever requires it must have it.
    expect((await require(secretary.id, true)).body.error.code).toBe("twoFactorEnrolFirst");
    await enrol(secretary);
    const on = await require(secretary.id, true);
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ twoFactorRequiredForStaff: true });
    expect((await database.db.select().from(settings).where(eq(settings.key, "twoFactorRequiredForStaff")))[0]!.value).toBe(true);

    // A juror without it: every API answers 403 with what to do, except enrolment.
    const blocked = await call("GET", "/api/jury/assignments", { as: juror.id });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toMatchObject({ code: "twoFactorRequired", message: expect.stringContaining("xác thực hai bước") });
    const { secret } = await enrol(juror);
    expect((await call("GET", "/api/jury/assignments", { as: juror.id })).status).toBe(200);
    // Journalists are not staff.
    expect((await call("GET", "/api/entries", { as: journalist.id })).status).toBe(200);

    // A lost phone: the secretariat resets it, with a reason; the juror must enrol again.
    expect((await call("DELETE", `/api/admin/accounts/${juror.id}/two-factor`, { as: secretary.id, json: { reason: "" } })).status).toBe(422);
    expect((await call("DELETE", `/api/admin/accounts/${juror.id}/two-factor`, { as: juror.id, json: { reason: "Mất điện thoại" } })).status).toBe(403);
    expect((await call("DELETE", `/api/admin/accounts/${juror.id}/two-factor`, { as: secretary.id, json: { reason: "Mất điện thoại" } })).status).toBe(204);
    expect((await row(juror.id)).totpEnabledAt).toBeNull();
    const [reset] = await audits(juror, "account.twoFactor.reset");
    expect(reset).toMatchObject({ actorId: secretary.id, after: { reason: "Mất điện thoại" } });
    expect((await call("DELETE", `/api/admin/accounts/${juror.id}/two-factor`, { as: secretary.id, json: { reason: "Mất điện thoại" } })).body.error.code).toBe("twoFactorOff");
    expect((await call("GET", "/api/jury/assignments", { as: juror.id })).status).toBe(403);
    expect(await signIn(juror.email, totpCode(secret), "192.0.2.90")).toBe(juror.id);

    expect((await require(secretary.id, false)).status).toBe(200);
    expect((await call("GET", "/api/jury/assignments", { as: juror.id })).status).toBe(200);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, "settings.twoFactorRequiredForStaff"))).toHaveLength(2);
  });
});
