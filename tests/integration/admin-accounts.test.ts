// Accounts and the audit log as the secretariat manages them: listing without diacritics,
// creating staff accounts with a generated password (e-mailed, returned once, kept nowhere in
// clear), the rules on role and disabled changes, sessions that stop at once, and the audit
// trail paged by cursor with nothing secret in it.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { assignments, auditLog, entries, entryAuthors, roundEntries, users, type User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { signInWithPassword } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/db/queries/audit";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { AppError } from "@/lib/errors";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser, PASSWORD } from "../support/fixtures";

/** The plain text of every message written for `to` under DATA_DIR/mail (the development transport). */
async function mailsTo(to: string): Promise<string[]> {
  const dir = path.join(process.env.DATA_DIR!, "mail");
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(`-${to}.eml`)).sort();
  return Promise.all(names.map(async (name) => decodeMail(await readFile(path.join(dir, name), "utf8"))));
}

function decodeMail(raw: string): string {
  // Headers end with CRLF, the body's lines with LF (the transport's "unix" newline).
  const end = /\r?\n\r?\n/.exec(raw)!;
  const head = raw.slice(0, end.index);
  const body = raw.slice(end.index + end[0].length);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  return body;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(databaseKinds)("secretariat accounts and audit on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let secretariat: User;
  let colleague: User;
  let journalist: User;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedContest(db, new Date());
    secretariat = await makeUser(db, "secretariat", "Thư Ký Chính");
    colleague = await makeUser(db, "secretariat", "Thư Ký Phụ");
    journalist = await makeUser(db, "journalist", "Đỗ Thu Hà");
  });
  afterAll(() => database.dispose());

  const patch = (id: string, json: unknown, as = secretariat.id) => call("PATCH", `/api/admin/accounts/${id}`, { as, json });

  it("lists accounts by role and by name or e-mail without diacritics, paged, never with a hash", async () => {
    expect((await call("GET", "/api/admin/accounts", { as: journalist.id })).status).toBe(403);
    expect((await call("GET", "/api/admin/accounts")).status).toBe(401);
    const tag = randomBytes(3).toString("hex");
    const hash = await hashPassword(PASSWORD);
    await db.insert(users).values(Array.from({ length: 53 }, (_, i) => ({ email: `trang.${tag}.${i}@baomoi.vn`, name: `Nguyễn Thị Trang ${i}`, passwordHash: hash, role: "juror" as const })));

    const page1 = await call("GET", `/api/admin/accounts?q=nguyen+thi+trang&role=juror`, { as: secretariat.id });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 53, page: 1, pageCount: 2 });
    expect(page1.body.accounts).toHaveLength(50);
    expect(page1.body.accounts[0]).toEqual({ id: expect.any(String), name: expect.stringMatching(/^Nguyễn Thị Trang/), email: expect.stringContaining(tag), role: "juror", outlet: "", disabled: false, disabledAt: null, createdAt: expect.any(String), twoFactor: false });
    const page2 = await call("GET", `/api/admin/accounts?q=nguyen+thi+trang&role=juror&page=2`, { as: secretariat.id });
    expect(page2.body.accounts).toHaveLength(3);
    const ids = [...page1.body.accounts, ...page2.body.accounts].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(53);
    expect(JSON.stringify([page1.body, page2.body])).not.toMatch(/scrypt|passwordHash/);

    // "do thu" finds "Đỗ Thu Hà" (đ → d), and an e-mail fragment finds by e-mail.
    const byName = await call("GET", "/api/admin/accounts?q=DO%20THU", { as: secretariat.id });
    expect(byName.body.accounts.map((a: { id: string }) => a.id)).toEqual([journalist.id]);
    const byMail = await call("GET", `/api/admin/accounts?q=${encodeURIComponent(journalist.email.slice(0, 20))}`, { as: secretariat.id });
    expect(byMail.body.accounts.map((a: { id: string }) => a.id)).toEqual([journalist.id]);
    expect((await call("GET", "/api/admin/accounts?q=nguyen+thi+trang&role=secretariat", { as: secretariat.id })).body.total).toBe(0);
    // LIKE's wildcards are taken literally: "%" and "_" match nothing here.
    expect((await call("GET", "/api/admin/accounts?q=%25", { as: secretariat.id })).body.total).toBe(0);
    expect((await call("GET", "/api/admin/accounts?q=_", { as: secretariat.id })).body.total).toBe(0);
    const bad = await call("GET", "/api/admin/accounts?role=admin&page=0&sort=name", { as: secretariat.id });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["page", "role", "sort"]);
  });

  it("creates a juror with a generated password: returned once, e-mailed, never logged or audited", async () => {
    const email = `giamkhao.${randomBytes(3).toString("hex")}@vtv.vn`;
    const logged: unknown[][] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args)));
    let res;
    try {
      res = await call("POST", "/api/admin/accounts", { as: secretariat.id, json: { email: email.toUpperCase(), name: "Phạm Minh Giám", role: "juror", outlet: "Đài Truyền hình Việt Nam" } });
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { account, password, mailSent } = res.body;
    expect(account).toMatchObject({ email, name: "Phạm Minh Giám", role: "juror", outlet: "Đài Truyền hình Việt Nam", disabled: false });
    expect(mailSent).toBe(true);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(JSON.stringify(logged)).not.toContain(password);

    const [mail] = await mailsTo(email);
    expect(mail).toContain(password);
    expect(mail).toContain("Kính gửi Phạm Minh Giám");
    expect(mail).toContain("/dang-nhap");
    expect((await signInWithPassword(db, email, password, "192.0.2.10")).id).toBe(account.id);

    const [stored] = await db.select().from(users).where(eq(users.id, account.id));
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(stored!.passwordHash).not.toContain(password);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, "account"), eq(auditLog.entityId, account.id)));
    expect(audit).toMatchObject([{ action: "account.create", actorId: secretariat.id }]);
    expect(JSON.stringify(audit)).not.toContain(password);
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|passwordHash|password_hash/);

    const twice = await call("POST", "/api/admin/accounts", { as: secretariat.id, json: { email, name: "Người Khác", role: "secretariat" } });
    expect([twice.status, twice.body.error.code]).toEqual([409, "emailTaken"]);
    const bad = await call("POST", "/api/admin/accounts", { as: secretariat.id, json: { email: "x", name: "A", role: "journalist", password: "chosen-by-me" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "name", "password", "role"]);
    expect((await call("POST", "/api/admin/accounts", { as: account.id, json: { email: "b@vtv.vn", name: "Bình An", role: "juror" } })).status).toBe(403);
  });

  it("a disabled account's session stops at the next request, and it cannot sign in", async () => {
    const juror = await makeUser(db, "juror", "Giám Khảo Tạm Nghỉ");
    expect((await call("GET", "/api/jury/assignments", { as: juror.id })).status).toBe(200);
    const off = await patch(juror.id, { disabled: true, reason: "Tạm nghỉ công tác" });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toMatchObject({ id: juror.id, disabled: true });
    const after = await call("GET", "/api/jury/assignments", { as: juror.id });
    expect([after.status, after.body.error.code]).toEqual([401, "unauthenticated"]);
    expect((await rejection(signInWithPassword(db, juror.email, PASSWORD, "192.0.2.11"))).code).toBe("accountDisabled");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, juror.id), eq(auditLog.action, "account.update")));
    expect(audit!.after).toMatchObject({ reason: "Tạm nghỉ công tác", disabledAt: expect.any(String) });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt/);

    expect((await patch(juror.id, { disabled: false, reason: "Trở lại" })).body.disabled).toBe(false);
    expect((await call("GET", "/api/jury/assignments", { as: juror.id })).status).toBe(200);
  });

  it("nobody disables or demotes themselves; a demoted member loses access at once", async () => {
    for (const body of [{ disabled: true, reason: "x" }, { role: "juror", reason: "x" }]) {
      const res = await patch(secretariat.id, body);
      expect([res.status, res.body.error.code]).toEqual([409, "cannotChangeSelf"]);
    }
    const member = await makeUser(db, "secretariat", "Thư Ký Luân Chuyển");
    expect((await call("GET", "/api/admin/accounts", { as: member.id })).status).toBe(200);
    expect((await patch(member.id, { role: "journalist", reason: "Chuyển công tác" })).body.role).toBe("journalist");
    expect((await call("GET", "/api/admin/accounts", { as: member.id })).status).toBe(403);
    expect((await patch(secretariat.id, { disabled: true, reason: "x" }, member.id)).status).toBe(403);
  });

  it("two members demoting each other at once leave one of them in charge", async () => {
    const [x, y] = [await makeUser(db, "secretariat", "Thư Ký X"), await makeUser(db, "secretariat", "Thư Ký Y")];
    const [one, two] = await Promise.all([patch(y.id, { role: "juror", reason: "x" }, x.id), patch(x.id, { role: "juror", reason: "y" }, y.id)]);
    // The loser is refused under the lock (403), or its session has already ended with the demotion (401).
    const [won, lost] = [one.status, two.status].sort();
    expect(won).toBe(200);
    expect([401, 403]).toContain(lost);
    const roles = await db.select({ role: users.role }).from(users).where(eq(users.id, one.status === 200 ? x.id : y.id));
    expect(roles[0]!.role).toBe("secretariat");
  });

  it("a contestant cannot join the jury; a juror on an open round keeps role and access", async () => {
    const contest = await getCurrentContest(db);
    const [entry] = await db
      .insert(entries)
      .values({ contestId: contest.id, ownerId: journalist.id, category: "print", status: "submitted", code: `BC2026-A${randomBytes(3).toString("hex")}`, title: "Bài dự thi", eligibility: "eligible", submittedAt: new Date() })
      .returning();
    await db.insert(entryAuthors).values({ entryId: entry!.id, position: 0, name: journalist.name, userId: journalist.id });
    // A linked co-author competes too.
    const coAuthor = await makeUser(db, "journalist", "Đồng Tác Giả");
    await db.insert(entryAuthors).values({ entryId: entry!.id, position: 1, name: coAuthor.name, userId: coAuthor.id });
    for (const [who, role] of [[journalist, "juror"], [journalist, "secretariat"], [coAuthor, "juror"]] as const) {
      const res = await patch(who.id, { role, reason: "Mời làm giám khảo" });
      expect([res.status, res.body.error.code]).toEqual([409, "accountHasEntries"]);
      expect(res.body.error.message).toContain("1 tác phẩm");
    }
    // Withdrawn, the entry no longer stands in the way.
    const withdrawnBy = await makeUser(db, "journalist", "Người Đã Rút");
    await db.insert(entries).values({ contestId: contest.id, ownerId: withdrawnBy.id, category: "print", status: "withdrawn", code: `BC2026-W${randomBytes(3).toString("hex")}`, title: "Đã rút" });
    expect((await patch(withdrawnBy.id, { role: "juror", reason: "Mời làm giám khảo" })).status).toBe(200);

    const juror = withdrawnBy;
    const round = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: { name: { vi: "Sơ khảo", en: "Preliminary" }, scope: { kind: "eligible" }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null } });
    expect((await call("PUT", `/api/admin/rounds/${round.body.id}/jurors`, { as: secretariat.id, json: { jurors: [{ jurorId: juror.id, panels: [] }] } })).status).toBe(204);
    await db.insert(roundEntries).values({ roundId: round.body.id, entryId: entry!.id });
    expect((await call("POST", `/api/admin/rounds/${round.body.id}/assignments`, { as: secretariat.id, json: { entryId: entry!.id, jurorId: juror.id } })).status).toBe(201);
    // A draft round does not hold the juror yet; an open one does.
    expect((await patch(juror.id, { disabled: true, reason: "x" })).status).toBe(200);
    expect((await patch(juror.id, { disabled: false, reason: "x" })).status).toBe(200);
    expect((await call("PATCH", `/api/admin/rounds/${round.body.id}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    for (const body of [{ disabled: true, reason: "Ốm" }, { role: "journalist", reason: "Thôi làm giám khảo" }]) {
      const res = await patch(juror.id, body);
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([409, "jurorHasAssignments", "Giám khảo còn 1 tác phẩm được phân công trong vòng chấm đang mở. Hãy gỡ các phân công đó trước."]);
    }
    expect((await call("DELETE", `/api/admin/rounds/${round.body.id}/assignments/${entry!.id}/${juror.id}`, { as: secretariat.id })).status).toBe(204);
    expect(await db.select().from(assignments).where(eq(assignments.jurorId, juror.id))).toEqual([]);
    expect((await patch(juror.id, { disabled: true, reason: "Ốm" })).body.disabled).toBe(true);
  });

  it("refuses unknown accounts and bad bodies; a member disabled meanwhile is signed out", async () => {
    expect((await patch(randomUUID(), { disabled: true, reason: "x" })).status).toBe(404);
    expect((await call("PATCH", "/api/admin/accounts/123", { as: secretariat.id, json: { disabled: true, reason: "x" } })).status).toBe(404);
    const nothing = await patch(journalist.id, { reason: "x" });
    expect([nothing.status, Object.keys(nothing.body.error.fields)]).toEqual([422, ["_"]]);
    const noReason = await patch(journalist.id, { disabled: true });
    expect(Object.keys(noReason.body.error.fields)).toEqual(["reason"]);
    expect((await patch(journalist.id, { role: "admin", reason: "x" })).status).toBe(422);
    expect((await patch(journalist.id, { disabled: true, reason: "x" }, colleague.id)).status).toBe(200);
    expect((await patch(journalist.id, { disabled: false, reason: "x" }, journalist.id)).status).toBe(401);
  });

  it("reads the audit log newest first, by cursor, with actor names and nothing secret", async () => {
    expect((await call("GET", "/api/admin/audit", { as: colleague.id })).status).toBe(200);
    expect((await call("GET", "/api/admin/audit", { as: journalist.id })).status).toBe(401); // disabled above
    const juror = await makeUser(db, "juror", "Giám Khảo Xem Nhật Ký");
    expect((await call("GET", "/api/admin/audit", { as: juror.id })).status).toBe(403);
    expect((await call("GET", "/api/admin/audit")).status).toBe(401);

    // Every row about the journalist's account, walked two at a time.
    const seen: { id: number; action: string; actor: { id: string; name: string } | null }[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const res = await call("GET", `/api/admin/audit?entity=account&entityId=${journalist.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { as: secretariat.id });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    }
    const stored = await db.select().from(auditLog).where(and(eq(auditLog.entity, "account"), eq(auditLog.entityId, journalist.id))).orderBy(desc(auditLog.id));
    expect(seen.map((s) => s.id)).toEqual(stored.map((s) => s.id));
    expect(pages).toBe(Math.ceil(stored.length / 2));
    expect(seen[0]).toMatchObject({ action: "account.update", actor: { id: colleague.id, name: "Thư Ký Phụ" } });
    expect(seen.at(-1)).toMatchObject({ action: "account.create" });

    const byActor = await call("GET", `/api/admin/audit?actorId=${colleague.id}`, { as: secretariat.id });
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((i: { actor: { id: string } }) => i.actor.id === colleague.id)).toBe(true);
    expect((await call("GET", `/api/admin/audit?entity=round&limit=1`, { as: secretariat.id })).body.items[0]).toMatchObject({ entity: "round", after: expect.any(Object) });

    const bad = await call("GET", "/api/admin/audit?cursor=abc&limit=0&actorId=x&extra=1", { as: secretariat.id });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["actorId", "cursor", "extra", "limit"]);

    // Whatever a caller hands the audit log, a secret never reaches it.
    await recordAudit(db, { actorId: secretariat.id, action: "account.test", entity: "account", entityId: colleague.id, before: [{ passwordHash: "scrypt$x", name: "a" }], after: { user: { password_hash: "scrypt$y", password: "k7pm-3xqa", role: "juror" } } });
    const [scrubbed] = await db.select().from(auditLog).where(eq(auditLog.action, "account.test"));
    expect([scrubbed!.before, scrubbed!.after]).toEqual([[{ name: "a" }], { user: { role: "juror" } }]);

    // No password hash (nor any generated password) in the whole log, however it is read.
    const everything: unknown[] = [];
    for (let next: string | null = ""; next !== null; ) {
      const res = await call("GET", `/api/admin/audit?limit=200${next ? `&cursor=${next}` : ""}`, { as: secretariat.id });
      everything.push(...res.body.items);
      next = res.body.nextCursor;
    }
    expect(everything.length).toBe((await db.select({ id: auditLog.id }).from(auditLog)).length);
    expect(JSON.stringify(everything)).not.toMatch(/scrypt\$|passwordHash|password_hash|"password"/);
  });
});
