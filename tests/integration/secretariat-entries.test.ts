// The secretariat's entry API over a real database: one entry with its files, eligibility history,
// rounds and sheets and its audit trail (GET /api/admin/entries/{id}); a bulk eligibility decision
// that is all or none (POST /api/admin/entries/eligibility); an entry made eligible after
// assignment, flagged until it is assigned; the ranking's rows with sheets done/required and ready;
// the audit log by entry code with names, and its CSV in Vietnamese words and Vietnam time.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { auditLog, entries, type User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { insertSubmittedEntry, makeUser } from "../support/fixtures";

// Undecided entries of one outlet and one pen name, titled so that a search finds them all.
const GATE = { eligibility: null, outlet: "Báo Tuổi Trẻ", penName: "Hải Đăng", title: "Người gác đèn" } as const;

const full = { truthfulness: 25, value: 20, craft: 20, impact: 15 };

describe.each(databaseKinds)("the secretariat's entries on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let secretariat: User;
  let author: User;
  let jurors: User[];
  let roundId: string;
  let a: Awaited<ReturnType<typeof insertSubmittedEntry>>;
  let b: Awaited<ReturnType<typeof insertSubmittedEntry>>;
  let late: Awaited<ReturnType<typeof insertSubmittedEntry>>;
  let withdrawn: Awaited<ReturnType<typeof insertSubmittedEntry>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedContest(db, new Date());
    secretariat = await makeUser(db, "secretariat", "Nguyễn Thị Thư Ký");
    author = await makeUser(db, "journalist", "Trần Văn Tác Giả");
    jurors = [await makeUser(db, "juror", "Giám Khảo Một"), await makeUser(db, "juror", "Giám Khảo Hai")];
    a = await insertSubmittedEntry(db, author, GATE);
    b = await insertSubmittedEntry(db, author, GATE);
    late = await insertSubmittedEntry(db, author, GATE);
    withdrawn = await insertSubmittedEntry(db, author, { ...GATE, status: "withdrawn" });
  });
  afterAll(() => database.dispose());

  const bulk = (json: unknown, as = secretariat.id) => call("POST", "/api/admin/entries/eligibility", { as, json });

  it("bulk eligibility: a reason to refuse, all or none, only the secretariat", async () => {
    expect((await bulk({ ids: [a.id, b.id], eligible: true }, author.id)).status).toBe(403);
    expect((await bulk({ ids: [a.id, b.id], eligible: false })).status).toBe(422);
    expect((await bulk({ ids: [], eligible: true })).status).toBe(422);
    expect((await bulk({ ids: ["not-an-id"], eligible: true })).status).toBe(422);
    expect((await bulk({ ids: [a.id], eligible: true, extra: 1 })).status).toBe(422);
    // A withdrawn entry among them: nothing is decided, and the answer names it by code.
    const refused = await bulk({ ids: [a.id, withdrawn.id], eligible: true, reason: "Đủ điều kiện" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("entriesNotDecidable");
    expect(refused.body.error.message).toContain(withdrawn.code);
    expect((await db.select().from(entries).where(eq(entries.id, a.id)))[0]!.eligibility).toBeNull();

    const decided = await bulk({ ids: [a.id, b.id, a.id], eligible: true, reason: "Đủ điều kiện\u200B dự thi" });
    expect(decided.status).toBe(200);
    expect(decided.body.decided.map((d: { id: string }) => d.id).sort()).toEqual([a.id, b.id].sort());
    const rows = await db.select().from(entries).where(eq(entries.id, a.id));
    expect(rows[0]).toMatchObject({ eligibility: "eligible", eligibilityReason: "Đủ điều kiện dự thi" });
    // One audit row per entry, each with its own before and after.
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "entry.eligibility"));
    expect(audit.filter((r) => r.entityId === a.id || r.entityId === b.id)).toHaveLength(2);
  });

  it("an entry made eligible after assignment is flagged with the round, until assignment takes it in", async () => {
    const created = await call("POST", "/api/admin/rounds", {
      as: secretariat.id,
      json: { name: { vi: "Vòng sơ khảo", en: "Preliminary round" }, scope: { kind: "eligible" }, jurorsPerEntry: 2, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null },
    });
    roundId = created.body.id;
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: jurors.map((j) => ({ jurorId: j.id, panels: [] })) } })).status).toBe(204);
    expect((await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id })).status).toBe(200);
    expect((await bulk({ ids: [late.id], eligible: true })).status).toBe(200);
    const before = await call("GET", `/api/admin/entries/${late.id}`, { as: secretariat.id });
    expect(before.body.assignNow).toEqual([{ id: roundId, name: { vi: "Vòng sơ khảo", en: "Preliminary round" } }]);
    expect((await call("GET", `/api/admin/entries/${a.id}`, { as: secretariat.id })).body.assignNow).toEqual([]);
    expect((await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id })).status).toBe(200);
    expect((await call("GET", `/api/admin/entries/${late.id}`, { as: secretariat.id })).body.assignNow).toEqual([]);
  });

  it("one entry: fields, authors, files, eligibility history, sheets with scores and comments, audit trail", async () => {
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    const saved = await call("PUT", `/api/jury/scores/${a.id}`, { as: jurors[0]!.id, json: { values: full, comment: "Cảm động, tư liệu tốt", submit: true } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const res = await call("GET", `/api/admin/entries/${a.id}`, { as: secretariat.id });
    expect(res.status).toBe(200);
    expect(res.body.entry).toMatchObject({ id: a.id, code: a.code, title: a.title, authors: [{ name: author.name, penName: "Hải Đăng" }] });
    expect(res.body.files).toEqual([]);
    expect(res.body.eligibilityHistory).toEqual([{ at: expect.any(String), actor: secretariat.name, eligibility: "eligible", reason: "Đủ điều kiện dự thi" }]);
    const round = res.body.rounds.find((r: { id: string }) => r.id === roundId);
    expect(round.inRound).toBe(true);
    const mine = round.sheets.find((s: { jurorId: string }) => s.jurorId === jurors[0]!.id);
    expect(mine).toMatchObject({ juror: jurors[0]!.name, status: "submitted", total: 80, comment: "Cảm động, tư liệu tốt" });
    expect(round.sheets.find((s: { jurorId: string }) => s.jurorId === jurors[1]!.id)).toMatchObject({ status: null, total: null });
    expect(res.body.audit.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(["entry.eligibility", "score.submit"]));
    // Nobody else, and no draft or unknown id.
    expect((await call("GET", `/api/admin/entries/${a.id}`, { as: jurors[0]!.id })).status).toBe(403);
    expect((await call("GET", `/api/admin/entries/${a.id}`, { as: author.id })).status).toBe(403);
    const draft = await insertSubmittedEntry(db, author, GATE);
    await db.update(entries).set({ status: "draft" }).where(eq(entries.id, draft.id));
    expect((await call("GET", `/api/admin/entries/${draft.id}`, { as: secretariat.id })).status).toBe(404);
  });

  it("the ranking: sheets done out of required on every row, the incomplete ones not ready and unranked", async () => {
    const res = await call("GET", `/api/admin/rounds/${roundId}/ranking`, { as: secretariat.id });
    expect(res.status).toBe(200);
    const row = res.body.results.find((r: { entryId: string }) => r.entryId === a.id);
    expect(row).toMatchObject({ sheets: { done: 1, required: 2 }, ready: false, rank: null, mean: 80 });
    for (const r of res.body.results) expect(r.ready).toBe(r.sheets.done >= r.sheets.required && r.sheets.done > 0);
    const sheet = await call("PUT", `/api/jury/scores/${a.id}`, { as: jurors[1]!.id, json: { values: { ...full, impact: 10 }, submit: true } });
    expect(sheet.status).toBe(200);
    const after = (await call("GET", `/api/admin/rounds/${roundId}/ranking`, { as: secretariat.id })).body.results.find((r: { entryId: string }) => r.entryId === a.id);
    expect(after).toMatchObject({ sheets: { done: 2, required: 2 }, ready: true, rank: 1, spread: 5 });
  });

  it("the audit log by entry code, with the entry's code and title and people's names; its CSV in Vietnamese words and Vietnam time", async () => {
    const res = await call("GET", `/api/admin/audit?code=${a.code!.toLowerCase()}`, { as: secretariat.id });
    expect(res.status).toBe(200);
    const actions = res.body.items.map((i: { action: string }) => i.action);
    expect(actions).toContain("entry.eligibility");
    expect(actions).toContain("score.submit");
    const decision = res.body.items.find((i: { action: string }) => i.action === "entry.eligibility");
    expect(decision.object).toEqual({ label: `${a.code} “${a.title}”`, entryId: a.id, roundId: null });
    expect(decision.actor.name).toBe(secretariat.name);
    const sheets = res.body.items.filter((i: { action: string }) => i.action === "score.submit").map((i: { object: { label: string } }) => i.object.label);
    expect(sheets.sort()).toEqual(jurors.map((j) => `${a.code} “${a.title}” · ${j.name}`).sort());
    expect((await call("GET", `/api/admin/audit?action=entry`, { as: secretariat.id })).body.items.every((i: { action: string }) => i.action.startsWith("entry."))).toBe(true);
    expect((await call("GET", `/api/admin/audit?action=entry;drop`, { as: secretariat.id })).status).toBe(422);

    const csv = await call("GET", `/api/admin/audit/export?code=${a.code}&action=entry.eligibility`, { as: secretariat.id });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = Buffer.from(await csv.response.arrayBuffer());
    // A byte-order mark first, so that Excel reads the Vietnamese right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("Thời điểm,Người thực hiện,Thao tác")).toBe(true);
    const line = text.split("\r\n").find((l) => l.includes("Tính hợp lệ,"))!;
    expect(line).toContain(`Xét tính hợp lệ,Tác phẩm,${a.code} “${a.title}”,Tính hợp lệ,Chưa xét,Hợp lệ`);
    expect(line).toContain(secretariat.name);
    const [row] = await db.select({ at: auditLog.createdAt }).from(auditLog).where(eq(auditLog.entityId, a.id)).orderBy(auditLog.id).limit(1);
    const vn = new Date(row!.at.getTime() + 7 * 3600_000).toISOString();
    expect(text).toContain(`${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect((await call("GET", `/api/admin/audit/export`, { as: jurors[0]!.id })).status).toBe(403);
    // The export itself is recorded.
    expect((await db.select().from(auditLog).where(eq(auditLog.action, "export.audit"))).length).toBe(1);
  });
});
