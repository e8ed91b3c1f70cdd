import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, inArray } from "drizzle-orm";
import { seedContest, seedDemo } from "@/lib/db/seed";
import { assignments, attachments, auditLog, contests, entries, entryAuthors, rounds, scores, users } from "@/lib/db/schema";
import { getStorage } from "@/lib/storage";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { DEMO_JURORS } from "@/lib/db/demo";
import { publishedResults } from "@/lib/db/queries/results";
import { signInWithPassword } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { databaseState, makeUser, PASSWORD } from "../support/fixtures";

const signUp = (overrides: Record<string, unknown> = {}, ip = "203.0.113.1") =>
  call("POST", "/api/account", {
    json: { name: "Nguyễn Thị Mai", email: `mai.${Math.random().toString(36).slice(2)}@baomoi.vn`, password: "mat-khau-rat-dai", phone: "0912 345 678", outlet: "Báo Tuổi Trẻ", ...overrides },
    headers: { "x-forwarded-for": ip },
  });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(databaseKinds)("accounts on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
  });
  afterAll(() => database.dispose());

  it("signs a journalist up with a scrypt hash, NFC name and lower-case e-mail", async () => {
    const res = await signUp({ name: "Nguyễn Thị Mai".normalize("NFD"), email: "Mai.Nguyen@BaoMoi.vn", penNames: ["Mai Anh"] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: "mai.nguyen@baomoi.vn", name: "Nguyễn Thị Mai", role: "journalist" });
    const [user] = await database.db.select().from(users).where(eq(users.id, res.body.id));
    expect(user!.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("mat-khau-rat-dai", user!.passwordHash)).toBe(true);
    expect(await verifyPassword("mat-khau-sai-roi", user!.passwordHash)).toBe(false);
    expect(user!.penNames).toEqual(["Mai Anh"]);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, user!.id));
    expect(audit).toMatchObject({ action: "account.create", actorId: user!.id });

    const twice = await signUp({ email: "mai.nguyen@baomoi.vn" }, "203.0.113.2");
    expect(twice.status).toBe(409);
    expect(twice.body.error.fields.email).toBeDefined();
  });

  it("refuses bad sign-ups with a message per field and stores nothing", async () => {
    const before = await databaseState(database.db);
    const bad = await signUp({ email: "not-an-email", password: "short", phone: "abc", name: "", role: "secretariat" }, "203.0.113.3");
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "name", "password", "phone", "role"]);
    expect(bad.body.error.fields.password).toBe("Quá ngắn: ít nhất 10 ký tự.");
    expect((await signUp({ outlet: "x".repeat(1024 * 1024) }, "203.0.113.3")).body.error.fields.outlet).toMatch(/200/);
    expect(await databaseState(database.db)).toBe(before);
  });

  it("rate-limits sign-up per address, in the database", async () => {
    // Requests refused by validation never reach the counter; real attempts do.
    expect((await signUp({ password: "x" }, "203.0.113.50")).status).toBe(422);
    const results = await Promise.all(Array.from({ length: 30 }, () => signUp({}, "203.0.113.50")));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const limited = await signUp({}, "203.0.113.50");
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/15 phút|phút/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signUp({}, "203.0.113.51")).status).toBe(201);
  });

  it("checks passwords, limits failures per account and per address, and refuses disabled accounts", async () => {
    const user = await makeUser(database.db);
    expect((await signInWithPassword(database.db, user.email, PASSWORD, "192.0.2.1")).id).toBe(user.id);
    expect((await rejection(signInWithPassword(database.db, "nobody@example.vn", PASSWORD, "192.0.2.1"))).code).toBe("invalidCredentials");
    for (let i = 0; i < 5; i++) expect((await rejection(signInWithPassword(database.db, user.email, "wrong", `192.0.2.${10 + i}`))).status).toBe(401);
    // Failures are throttled per (account, address) pair (tests/integration/throttle.test.ts): one
    // failure from each of five addresses blocks none of them and locks nobody out.
    expect((await signInWithPassword(database.db, user.email, PASSWORD, "192.0.2.99")).id).toBe(user.id);

    const other = await makeUser(database.db);
    for (let i = 0; i < 30; i++) await signInWithPassword(database.db, other.email, PASSWORD, "192.0.2.200").catch(() => undefined);
    expect((await rejection(signInWithPassword(database.db, other.email, PASSWORD, "192.0.2.200"))).status).toBe(429);

    const disabled = await makeUser(database.db);
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    expect((await rejection(signInWithPassword(database.db, disabled.email, PASSWORD, "192.0.2.3"))).code).toBe("accountDisabled");
  });

  it("publishes the current contest with its categories and windows", async () => {
    const res = await call("GET", "/api/contests/current");
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2026);
    expect(res.body.categories.map((c: { code: string }) => c.code)).toEqual(["print", "online", "radio", "television", "photo"]);
    expect(res.body.categories[0]).toMatchObject({ unit: "words", maxParts: 5, acceptedTypes: expect.arrayContaining(["application/pdf"]) });
    expect(new Date(res.body.submission.opensAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(res.body.submission.closesAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.body.publication.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.rules.vi).toContain("tối đa 3 tác phẩm");
  });

  // The demo renders its files (PDFs, photos, a recording) on first seed: slower than the default.
  const DEMO_SEED_TIMEOUT = 180_000;
  it("seeds the demo idempotently", async () => {
    await seedDemo(database.db, "lantoa-demo");
    const juryState = async () => JSON.stringify(await Promise.all([rounds, assignments, scores].map((t) => database.db.select().from(t))));
    const first = await databaseState(database.db);
    const firstJury = await juryState();
    await seedDemo(database.db, "lantoa-demo");
    expect(await databaseState(database.db)).toBe(first);
    expect(await juryState()).toBe(firstJury);
    const demo = await signInWithPassword(database.db, "phongvien2@lantoa.test", "lantoa-demo", "192.0.2.77");
    expect(demo.role).toBe("journalist");
    const own = await database.db.select().from(entries).where(eq(entries.ownerId, demo.id));
    expect(own.map((e) => e.status).sort()).toEqual(["draft", "submitted"]);
    // The demo's co-author (phongvien1 on phongvien2's series) consented, so the series could be submitted.
    const links = await database.db.select({ status: entryAuthors.status, entryStatus: entries.status }).from(entryAuthors).innerJoin(entries, eq(entries.id, entryAuthors.entryId)).where(and(eq(entries.ownerId, demo.id), gt(entryAuthors.position, 0)));
    expect(links).toEqual([{ status: "accepted", entryStatus: "submitted" }]);
    expect((await database.db.select({ year: contests.year }).from(contests)).map((c) => c.year).sort()).toEqual([2025, 2026]);
    for (const email of ["thuky@lantoa.test", "giamkhao1@lantoa.test", "giamkhao2@lantoa.test", "giamkhao3@lantoa.test", "phongvien1@lantoa.test"]) {
      expect((await database.db.select().from(users).where(eq(users.email, email))).length).toBe(1);
    }
  }, DEMO_SEED_TIMEOUT);

  it("seeds an open blind preliminary round with real assignments and some scores", async () => {
    await seedDemo(database.db, "lantoa-demo");
    const [round, ...more] = await database.db.select().from(rounds);
    expect(more).toEqual([]);
    expect(round).toMatchObject({ status: "open", blind: true, jurorsPerEntry: 2, position: 1, name: { vi: "Vòng sơ khảo" } });
    expect(round!.rubric).toEqual(DEFAULT_RUBRIC);
    expect(round!.rubric.map((c) => c.maxPoints)).toEqual([30, 25, 25, 20]);
    // Every submitted demo entry is eligible and judged by exactly two jurors.
    const submitted = await database.db.select().from(entries).where(and(eq(entries.status, "submitted"), eq(entries.contestId, round!.contestId)));
    expect(submitted.length).toBeGreaterThanOrEqual(3);
    expect(submitted.every((e) => e.eligibility === "eligible")).toBe(true);
    const pairs = await database.db.select().from(assignments).where(eq(assignments.roundId, round!.id));
    for (const entry of submitted) expect(pairs.filter((p) => p.entryId === entry.id).length).toBe(2);
    const sheets = await database.db.select().from(scores).where(eq(scores.roundId, round!.id));
    // Half scored: 7 of the 14 sheets submitted, one more in draft.
    expect(submitted).toHaveLength(7);
    expect(pairs).toHaveLength(14);
    expect(sheets.filter((s) => s.status === "submitted").length).toBe(7);
    expect(sheets.filter((s) => s.status === "draft").length).toBe(1);
    // Jurors count down to a real deadline.
    expect(round!.closesAt!.getTime()).toBeGreaterThan(Date.now() + 20 * 24 * 3600_000);
    for (const email of DEMO_JURORS) {
      const [juror] = await database.db.select().from(users).where(eq(users.email, email));
      const mine = pairs.filter((p) => p.jurorId === juror!.id);
      expect(mine.length).toBeGreaterThanOrEqual(4);
      expect(mine.length).toBeLessThanOrEqual(5);
      const scored = sheets.filter((s) => s.jurorId === juror!.id);
      // Each has something scored, and something still to score.
      expect(scored.some((s) => s.status === "submitted")).toBe(true);
      expect(scored.filter((s) => s.status === "submitted").length).toBeLessThan(mine.length);
      if (email === "giamkhao1@lantoa.test") expect(mine.length - scored.length).toBeGreaterThanOrEqual(3);
    }
    // Every submitted 2026 entry carries its work as real files, each with the jurors' cleaned copy:
    // printed-article PDFs, JPEG photos and an MP3.
    const files = await database.db.select().from(attachments).where(inArray(attachments.entryId, submitted.map((e) => e.id)));
    expect(new Set(files.map((f) => f.entryId)).size).toBe(7);
    expect(files.every((f) => f.cleanSha256 && f.cleanSize! > 0 && f.bylineFound?.length === 0)).toBe(true);
    const types = files.map((f) => f.contentType);
    expect(types.filter((t) => t === "application/pdf").length).toBeGreaterThanOrEqual(5);
    expect(types.filter((t) => t === "image/jpeg").length).toBeGreaterThanOrEqual(3);
    expect(types).toContain("audio/mpeg");
    const first = files.find((f) => f.contentType === "application/pdf")!;
    const stored = (await getStorage().open(first.sha256))!;
    const head = Buffer.from(await new Response(stored.stream).arrayBuffer());
    expect(head.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(head.length).toBe(first.size);
    // The 2025 contest's results are public; the running 2026 contest has none yet.
    expect(await publishedResults(database.db, 2026)).toBeNull();
    expect(await publishedResults(database.db, 1999)).toBeNull();
    const results = (await publishedResults(database.db, 2025))!;
    expect(results.categories.map((c) => c.code)).toEqual(["print", "online", "radio", "photo"]);
    expect(results.categories.flatMap((c) => c.prizes.map((p) => p.tier)).sort()).toEqual(["A", "B", "C", "encouragement"]);
    expect(results.categories[1]!.prizes[0]).toMatchObject({ tier: "A", entry: { code: "BC2025-0003", title: "Những người thắp sáng bản làng" }, authors: [{ name: "Trịnh Quang Huy", penName: "Quang Huy" }] });
    // The prizes went to four authors at four outlets.
    const winners = results.categories.flatMap((c) => c.prizes);
    expect(new Set(winners.map((p) => p.authors[0]!.name)).size).toBe(4);
    expect(new Set(winners.map((p) => p.entry.outlet)).size).toBe(4);
    // Withdrawn winners never show.
    const { prizes } = await import("@/lib/db/schema");
    const [prize] = await database.db.select().from(prizes).limit(1);
    await database.db.update(entries).set({ status: "withdrawn" }).where(eq(entries.id, prize!.entryId));
    expect((await publishedResults(database.db, 2025))!.categories.flatMap((c) => c.prizes)).toHaveLength(3);
    await database.db.update(entries).set({ status: "submitted" }).where(eq(entries.id, prize!.entryId));
    // The journalists' own demo is untouched: phongvien1 and phongvien2 still have a draft each.
    const drafts = await database.db.select().from(entries).where(eq(entries.status, "draft"));
    expect(drafts.length).toBe(2);
  }, DEMO_SEED_TIMEOUT);
});
