// A new installation: the first secretariat account from the environment, then the year's
// contest created through the API, which journalists then see as the current one.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ensureSecretariat } from "@/lib/db/bootstrap";
import { auditLog, users, type User } from "@/lib/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { validateEnv } from "@/lib/env";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser } from "../support/fixtures";

const contest2027 = {
  year: 2027,
  submissionOpensAt: "2027-03-01T00:00:00+07:00",
  submissionClosesAt: "2027-10-31T23:59:00+07:00",
  publishedFrom: "2026-10-01",
  publishedTo: "2027-10-31",
  entryLimitPerAuthor: 2,
  categories: ["print", "photo"],
};

describe("the first secretariat account's variables", () => {
  it("are set together, and the password is long enough", () => {
    expect(() => validateEnv({ LANTOA_ADMIN_EMAIL: "thuky@example.vn" })).toThrow(/LANTOA_ADMIN_PASSWORD: LANTOA_ADMIN_EMAIL and LANTOA_ADMIN_PASSWORD/);
    expect(() => validateEnv({ LANTOA_ADMIN_EMAIL: "thuky@example.vn", LANTOA_ADMIN_PASSWORD: "short" })).toThrow(/at least 12 characters/);
    expect(() => validateEnv({ LANTOA_ADMIN_EMAIL: "not an address", LANTOA_ADMIN_PASSWORD: "long enough secret" })).toThrow(/LANTOA_ADMIN_EMAIL must be an e-mail/);
    expect(validateEnv({ LANTOA_ADMIN_EMAIL: "thuky@example.vn", LANTOA_ADMIN_PASSWORD: "long enough secret" }).LANTOA_ADMIN_EMAIL).toBe("thuky@example.vn");
  });
});

describe.each(databaseKinds)("contest setup on %s", (kind) => {
  let database: TestDatabase;
  let secretariat: User;
  let journalist: User;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    journalist = await makeUser(database.db, "journalist", "Phóng Viên Mới");
  });
  afterAll(() => database.dispose());

  it("creates the secretariat account once, and leaves it alone on later starts", async () => {
    const first = await ensureSecretariat(database.db, "ThuKy@Example.vn", "mật khẩu ban đầu 2027");
    expect(first.created).toBe(true);
    expect(first.user.role).toBe("secretariat");
    expect(first.user.email).toBe("thuky@example.vn");
    expect(await verifyPassword("mật khẩu ban đầu 2027", first.user.passwordHash)).toBe(true);
    const again = await ensureSecretariat(database.db, "thuky@example.vn", "another password entirely");
    expect(again).toMatchObject({ created: false, user: { id: first.user.id } });
    const [row] = await database.db.select().from(users).where(eq(users.id, first.user.id));
    expect(await verifyPassword("mật khẩu ban đầu 2027", row!.passwordHash)).toBe(true);
    secretariat = first.user;
  });

  it("journalists see no contest until the secretariat creates one", async () => {
    expect((await call("GET", "/api/contests/current")).status).toBe(404);
    expect((await call("POST", "/api/admin/contests", { as: journalist.id, json: contest2027 })).status).toBe(403);
    expect((await call("POST", "/api/admin/contests", { json: contest2027 })).status).toBe(401);
  });

  it("refuses a window that closes before it opens, naming the field", async () => {
    const res = await call("POST", "/api/admin/contests", { as: secretariat.id, json: { ...contest2027, submissionClosesAt: "2027-02-01T00:00:00+07:00" } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.submissionClosesAt).toBe("Hạn chót phải sau thời điểm mở nhận bài.");
    const unknown = await call("POST", "/api/admin/contests", { as: secretariat.id, json: { ...contest2027, categories: ["podcast"] } });
    expect(unknown.status).toBe(422);
  });

  it("creates the year's contest with the chosen standard categories, audited, and it becomes current", async () => {
    const res = await call("POST", "/api/admin/contests", { as: secretariat.id, json: contest2027 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2027, entryLimitPerAuthor: 2, publication: { from: "2026-10-01", to: "2027-10-31" } });
    expect(res.body.categories.map((c: { code: string }) => c.code)).toEqual(["print", "photo"]);
    expect(res.body.title.vi).toContain("năm 2027");
    const current = await call("GET", "/api/contests/current");
    expect(current.status).toBe(200);
    expect(current.body.id).toBe(res.body.id);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "contest.create", actorId: secretariat.id });
  });

  it("refuses a second contest for the same year, in the caller's language", async () => {
    const res = await call("POST", "/api/admin/contests", { as: secretariat.id, json: contest2027, headers: { "accept-language": "en" } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "contestYearTaken", message: "There is already a contest for 2027. Each year has one contest." });
    const list = await call("GET", "/api/admin/contests", { as: secretariat.id });
    expect(list.body.contests.map((c: { year: number }) => c.year)).toEqual([2027]);
  });
});
