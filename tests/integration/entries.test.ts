import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { auditLog, mailLog, searchOutbox, users, type User } from "@/lib/db/schema";
import { updateAccount } from "@/lib/db/queries/accounts";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, databaseState, form, makeUser, pdf, setWindow } from "../support/fixtures";

const DAY = 24 * 3600_000;

describe.each(databaseKinds)("entries on %s", (kind) => {
  let database: TestDatabase;
  let alice: User;
  let bob: User;
  let juror: User;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    alice = await makeUser(database.db, "journalist", "Trần Thị Alice");
    bob = await makeUser(database.db, "journalist", "Lê Văn Bob");
    juror = await makeUser(database.db, "juror");
  });
  afterAll(() => database.dispose());

  async function draft(owner: User, extra: Record<string, unknown> = {}) {
    const res = await call("POST", "/api/entries", { as: owner.id, json: { ...(await completeEntry(database.db)), ...extra } });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  }

  async function submitted(owner: User, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const entry = await draft(owner, extra);
    expect((await call("POST", `/api/entries/${entry.id}/attachments`, { as: owner.id, body: form(pdf()) })).status).toBe(201);
    const res = await call("POST", `/api/entries/${entry.id}/submit`, { as: owner.id, headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { id: string; code: string; status: string };
  }

  it("creates, lists, reads, changes and deletes a draft", async () => {
    const created = await call("POST", "/api/entries", { as: alice.id, json: { category: "print", title: "Bản nháp đầu tiên" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "draft", code: null, category: "print", title: "Bản nháp đầu tiên", outlet: "Báo Lao Động", attachments: [] });
    expect(created.body.authors).toEqual([{ name: "Trần Thị Alice", email: alice.email }]);
    const id = created.body.id as string;

    const list = await call("GET", "/api/entries", { as: alice.id });
    expect(list.body.entries.map((e: { id: string }) => e.id)).toContain(id);

    const patched = await call("PATCH", `/api/entries/${id}`, { as: alice.id, json: { summary: "Tóm tắt\nhai dòng", publishedAt: "2026-05-01", url: "https://vnexpress.net/a" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Bản nháp đầu tiên", summary: "Tóm tắt\nhai dòng", publishedAt: "2026-05-01", url: "https://vnexpress.net/a" });
    expect((await call("GET", `/api/entries/${id}`, { as: alice.id })).body.summary).toBe("Tóm tắt\nhai dòng");

    expect((await call("DELETE", `/api/entries/${id}`, { as: alice.id })).status).toBe(204);
    expect((await call("GET", `/api/entries/${id}`, { as: alice.id })).status).toBe(404);
  });

  it("stores text as NFC without invisible characters, and HTML as plain text", async () => {
    const nfd = "Người giữ rừng".normalize("NFD");
    const res = await call("POST", "/api/entries", {
      as: alice.id,
      json: { category: "print", title: `${nfd}\u200B\u202E`, summary: "<script>alert(1)</script>\u0007 ok", outlet: "  Báo\u200D  Dân   trí " },
    });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe("Người giữ rừng");
    expect(res.body.title).toBe(res.body.title.normalize("NFC"));
    expect(res.body.summary).toBe("<script>alert(1)</script> ok");
    expect(res.body.outlet).toBe("Báo Dân trí");
  });

  it("refuses hostile input precisely and leaves the database as it was", async () => {
    const entry = await draft(alice);
    const before = await databaseState(database.db);
    const cases: { json?: unknown; raw?: string; headers?: Record<string, string>; status: number; code: string; field?: string }[] = [
      { json: { title: "x".repeat(1024 * 1024) }, status: 422, code: "validation", field: "title" },
      { json: { title: 42 }, status: 422, code: "validation", field: "title" },
      { json: { length: "1000" }, status: 422, code: "validation", field: "length" },
      { json: { publishedAt: "2026-02-30" }, status: 422, code: "validation", field: "publishedAt" },
      { json: { url: "javascript:alert(1)" }, status: 422, code: "validation", field: "url" },
      { json: { category: "poetry" }, status: 422, code: "validation", field: "category" },
      { json: { role: "secretariat" }, status: 422, code: "validation", field: "role" },
      { json: { storyRef: "../../etc/passwd" }, status: 422, code: "validation", field: "storyRef" },
      { json: { parts: Array.from({ length: 6 }, (_, i) => ({ title: `Kỳ ${i}` })) }, status: 422, code: "validation", field: "parts" },
      { json: { authors: [{ name: "A" }, { name: "A2", email: alice.email }] }, status: 422, code: "validation", field: "authors.1.email" },
      { json: [1, 2], status: 422, code: "validation", field: "_" },
      { raw: "{\"title\": ", status: 400, code: "invalidJson" },
      { raw: "{}", headers: { "content-type": "text/plain" }, status: 415, code: "jsonRequired" },
    ];
    for (const c of cases) {
      const res = await call("PATCH", `/api/entries/${entry.id}`, { as: alice.id, json: c.raw ?? c.json, headers: c.headers });
      expect(res.status, JSON.stringify(c.json ?? c.raw).slice(0, 80)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(typeof res.body.error.message).toBe("string");
      if (c.field) expect(Object.keys(res.body.error.fields)).toContain(c.field);
    }
    // The caller hangs up halfway through the body: Node resets the stream with "aborted".
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title": "Nửa chừ'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const hungUp = await call("PATCH", `/api/entries/${entry.id}`, { as: alice.id, body: cut, headers: { "content-type": "application/json" } });
    expect([hungUp.status, hungUp.body.error.code]).toEqual([400, "requestAborted"]);
    const long = await call("PATCH", `/api/entries/${entry.id}`, { as: alice.id, json: { title: "x".repeat(1024 * 1024) } });
    expect(long.body.error.fields.title).toBe("Quá dài: tối đa 300 ký tự.");
    expect(await databaseState(database.db)).toBe(before);
  });

  it("answers in English when Accept-Language prefers it", async () => {
    const res = await call("POST", "/api/entries", { as: alice.id, json: { category: "print", title: "x".repeat(301) }, headers: { "accept-language": "en-US,en;q=0.9,vi;q=0.5" } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.title).toBe("Too long: at most 300 characters.");
    const vi = await call("POST", "/api/entries", { as: alice.id, json: { category: "print", title: "x".repeat(301) }, headers: { "accept-language": "vi,en;q=0.8" } });
    expect(vi.body.error.fields.title).toBe("Quá dài: tối đa 300 ký tự.");
  });

  it("submits a complete entry with a code, and explains what an incomplete one lacks", async () => {
    const empty = await call("POST", "/api/entries", { as: alice.id, json: { category: "online" } });
    const refused = await call("POST", `/api/entries/${empty.body.id}/submit`, { as: alice.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("incomplete");
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(["length", "publishedAt", "summary", "title", "url"]);
    expect(refused.body.error.fields.url).toMatch(/đường dẫn/);

    const early = await call("PATCH", `/api/entries/${empty.body.id}`, { as: alice.id, json: { ...(await completeEntry(database.db)), category: "online", url: "https://a.vn/b", publishedAt: "2020-01-01" } });
    expect(early.status).toBe(200);
    const outside = await call("POST", `/api/entries/${empty.body.id}/submit`, { as: alice.id });
    expect(outside.status).toBe(422);
    expect(Object.keys(outside.body.error.fields)).toEqual(["publishedAt"]);

    const entry = await submitted(alice);
    expect(entry.status).toBe("submitted");
    expect(entry.code).toMatch(/^BC2026-\d{4}$/);
    const again = await call("POST", `/api/entries/${entry.id}/submit`, { as: alice.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("alreadySubmitted");
    expect(again.body.error.message).toContain(entry.code);
  });

  it("lets a submitted entry be edited while it stays complete, then withdrawn for good", async () => {
    const entry = await submitted(bob);
    const edited = await call("PATCH", `/api/entries/${entry.id}`, { as: bob.id, json: { title: "Tên mới" } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: "Tên mới", status: "submitted", code: entry.code });
    const emptied = await call("PATCH", `/api/entries/${entry.id}`, { as: bob.id, json: { title: "" } });
    expect(emptied.status).toBe(422);
    expect(emptied.body.error.fields.title).toBeDefined();
    expect((await call("GET", `/api/entries/${entry.id}`, { as: bob.id })).body.title).toBe("Tên mới");
    expect((await call("DELETE", `/api/entries/${entry.id}`, { as: bob.id })).body.error.code).toBe("onlyDraftsDeleted");

    const withdrawn = await call("POST", `/api/entries/${entry.id}/withdraw`, { as: bob.id });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: "withdrawn", code: entry.code });
    for (const [method, path] of [["PATCH", ""], ["POST", "/submit"], ["POST", "/withdraw"]] as const) {
      const res = await call(method, `/api/entries/${entry.id}${path}`, { as: bob.id, json: method === "PATCH" ? { title: "x" } : undefined });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("withdrawnFinal");
    }
    const draftOnly = await draft(bob);
    expect((await call("POST", `/api/entries/${draftOnly.id}/withdraw`, { as: bob.id })).body.error.code).toBe("notSubmitted");
  });

  it("counts the per-author limit across co-authorship and frees a slot on withdrawal", async () => {
    const carol = await makeUser(database.db, "journalist", "Phạm Carol");
    const dave = await makeUser(database.db, "journalist", "Vũ Dave");
    // Dave is a co-author on two of Carol's entries (he accepted both) and has one of his own: three, the limit.
    const coauthored = async (email: string) => {
      const entry = await draft(carol, { authors: [{ name: "Phạm Carol" }, { name: "Vũ Dave", email }] });
      expect((await call("POST", `/api/entries/${entry.id}/coauthorship`, { as: dave.id, json: { answer: "accept" } })).status).toBe(200);
      expect((await call("POST", `/api/entries/${entry.id}/attachments`, { as: carol.id, body: form(pdf()) })).status).toBe(201);
      const res = await call("POST", `/api/entries/${entry.id}/submit`, { as: carol.id });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { id: string };
    };
    await coauthored(dave.email.toUpperCase());
    const shared = await coauthored(dave.email);
    await submitted(dave);
    const fourth = await draft(dave);
    await call("POST", `/api/entries/${fourth.id}/attachments`, { as: dave.id, body: form(pdf()) });
    const refused = await call("POST", `/api/entries/${fourth.id}/submit`, { as: dave.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("entryLimit");
    expect(refused.body.error.message).toContain("Vũ Dave");

    // Dave named on a third entry of Carol's, after it was submitted: pending, and his accept is refused the same way.
    const third = await submitted(carol);
    const addDave = await call("PATCH", `/api/entries/${third.id}`, { as: carol.id, json: { authors: [{ name: "Phạm Carol" }, { name: "Vũ Dave", email: dave.email }] } });
    expect(addDave.status).toBe(200);
    const accept = await call("POST", `/api/entries/${third.id}/coauthorship`, { as: dave.id, json: { answer: "accept" } });
    expect([accept.status, accept.body.error.code]).toEqual([409, "entryLimit"]);

    expect((await call("POST", `/api/entries/${shared.id}/withdraw`, { as: carol.id })).status).toBe(200);
    const now = await call("POST", `/api/entries/${fourth.id}/submit`, { as: dave.id });
    expect(now.status).toBe(200);
  });

  it("hides other people's entries behind 404 for every action", async () => {
    const mine = await submitted(alice);
    const draftOfMine = await draft(alice);
    const before = await databaseState(database.db);
    const probes: [("GET" | "POST" | "PATCH" | "DELETE"), string, unknown?][] = [
      ["GET", `/api/entries/${mine.id}`],
      ["PATCH", `/api/entries/${mine.id}`, { title: "bị sửa" }],
      ["DELETE", `/api/entries/${draftOfMine.id}`],
      ["POST", `/api/entries/${draftOfMine.id}/submit`],
      ["POST", `/api/entries/${mine.id}/withdraw`],
      ["GET", `/api/entries/${mine.id}/attachments/00000000-0000-4000-8000-000000000000`],
      ["GET", "/api/entries/not-a-uuid"],
      ["GET", "/api/entries/00000000-0000-4000-8000-000000000000"],
    ];
    for (const [method, path, json] of probes) {
      const res = await call(method, path, { as: bob.id, json });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("notFound");
    }
    const files = (await call("GET", `/api/entries/${mine.id}`, { as: alice.id })).body.attachments;
    expect((await call("GET", `/api/entries/${mine.id}/attachments/${files[0].id}`, { as: bob.id })).status).toBe(404);
    expect((await call("DELETE", `/api/entries/${mine.id}/attachments/${files[0].id}`, { as: bob.id })).status).toBe(404);
    expect((await call("POST", `/api/entries/${draftOfMine.id}/attachments`, { as: bob.id, body: form(pdf()) })).status).toBe(404);
    expect((await call("GET", "/api/entries", { as: bob.id })).body.entries.map((e: { id: string }) => e.id)).not.toContain(mine.id);
    expect(await databaseState(database.db)).toBe(before);
  });

  it("keeps jurors and anonymous callers out of journalist routes", async () => {
    const entry = await draft(alice);
    expect((await call("GET", "/api/entries")).status).toBe(401);
    expect((await call("POST", "/api/entries", { json: { category: "print" } })).body.error.code).toBe("unauthenticated");
    expect((await call("GET", `/api/entries/${entry.id}`)).status).toBe(401);
    expect((await call("GET", "/api/entries", { as: juror.id })).status).toBe(403);
    expect((await call("POST", "/api/entries", { as: juror.id, json: { category: "print" } })).body.error.code).toBe("forbidden");
    expect((await call("POST", `/api/entries/${entry.id}/submit`, { as: juror.id })).status).toBe(403);
    // A forged session cookie is no session at all.
    const forged = await call("GET", "/api/entries", { headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w" } });
    expect(forged.status).toBe(401);
  });

  it("reads the role and the disabled flag from the database on every request", async () => {
    const erin = await makeUser(database.db, "journalist", "Erin");
    const admin = { id: juror.id };
    expect((await call("GET", "/api/entries", { as: erin.id })).status).toBe(200);
    await updateAccount(database.db, erin.id, { role: "juror" }, admin.id);
    expect((await call("GET", "/api/entries", { as: erin.id })).status).toBe(403);
    await updateAccount(database.db, erin.id, { role: "journalist", disabled: true }, admin.id);
    expect((await call("GET", "/api/entries", { as: erin.id })).status).toBe(401);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, "account"), eq(auditLog.entityId, erin.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["account.create", "account.update", "account.update"]);
    expect(audit[1]!.before).toMatchObject({ role: "journalist" });
    expect(audit[1]!.after).toMatchObject({ role: "juror" });
    expect(JSON.stringify(audit)).not.toContain("scrypt$");
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, erin.id));
  });

  it("refuses every change after the deadline and submissions before the opening", async () => {
    const open = await draft(alice);
    const sent = await submitted(alice);
    const now = Date.now();
    await setWindow(database.db, new Date(now - 30 * DAY), new Date(now - 1000));
    try {
      const before = await databaseState(database.db);
      const attempts = [
        await call("POST", "/api/entries", { as: alice.id, json: { category: "print" } }),
        await call("PATCH", `/api/entries/${open.id}`, { as: alice.id, json: { title: "muộn" } }),
        await call("DELETE", `/api/entries/${open.id}`, { as: alice.id }),
        await call("POST", `/api/entries/${open.id}/submit`, { as: alice.id }),
        await call("POST", `/api/entries/${sent.id}/withdraw`, { as: alice.id }),
        await call("POST", `/api/entries/${open.id}/attachments`, { as: alice.id, body: form(pdf()) }),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe("deadlinePassed");
        // The deadline as a reader in Vietnam reads it, never as an ISO instant.
        expect(res.body.error.message).toMatch(/\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
        expect(res.body.error.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
      expect(await databaseState(database.db)).toBe(before);
      await setWindow(database.db, new Date(now + DAY), new Date(now + 30 * DAY));
      const early = await call("POST", `/api/entries/${open.id}/submit`, { as: alice.id });
      expect(early.body.error.code).toBe("notOpenYet");
    } finally {
      await setWindow(database.db, new Date(now - 30 * DAY), new Date(now + 60 * DAY));
    }
  });

  it("records every change in the audit log and the search outbox, in the same transaction", async () => {
    const alice = await makeUser(database.db, "journalist", "Alice Hai");
    const entry = await submitted(alice);
    await call("PATCH", `/api/entries/${entry.id}`, { as: alice.id, json: { title: "Sau khi gửi" } });
    await call("POST", `/api/entries/${entry.id}/withdraw`, { as: alice.id });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, "entry"), eq(auditLog.entityId, entry.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["entry.create", "entry.attachment.add", "entry.submit", "entry.update", "entry.withdraw"]);
    expect(audit.every((a) => a.actorId === alice.id)).toBe(true);
    expect(audit[2]!.before).toMatchObject({ status: "draft", code: null });
    expect(audit[2]!.after).toMatchObject({ status: "submitted", code: entry.code });
    expect(audit[3]!.after).toMatchObject({ title: "Sau khi gửi" });
    const outbox = await database.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, entry.id));
    expect(outbox).toHaveLength(5);
    expect(outbox.every((o) => o.entity === "entry" && o.op === "upsert" && o.processedAt === null && o.attempts === 0)).toBe(true);

    const gone = await draft(alice);
    await call("DELETE", `/api/entries/${gone.id}`, { as: alice.id });
    const ops = await database.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, gone.id)).orderBy(asc(searchOutbox.id));
    expect(ops.map((o) => o.op)).toEqual(["upsert", "delete"]);
  });

  it("writes a receipt e-mail on submit", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const entry = await submitted(bob);
    const dir = path.join(process.env.DATA_DIR!, "mail");
    const files = (await readdir(dir)).filter((f) => f.includes(bob.email.replace(/[^a-z0-9@._-]/gi, "_")));
    const bodies = await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
    expect(bodies.some((b) => b.includes(entry.code))).toBe(true);
  });

  it("records the language each receipt went in, so the secretariat's pages mark its subject", async () => {
    const inVietnamese = await submitted(bob);
    const inEnglish = await submitted(bob, {}, { "accept-language": "en-GB,en;q=0.9" });
    const languageOf = async (entryId: string) => (await database.db.select({ language: mailLog.language, subject: mailLog.subject }).from(mailLog).where(and(eq(mailLog.entryId, entryId), eq(mailLog.event, "receipt"))))[0];
    expect(await languageOf(inVietnamese.id)).toMatchObject({ language: "vi", subject: expect.stringContaining("Biên nhận tác phẩm dự thi") });
    expect(await languageOf(inEnglish.id)).toMatchObject({ language: "en", subject: expect.stringContaining("Receipt") });
  });
});
