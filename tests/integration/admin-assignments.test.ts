// The secretariat's hand assignment and conflicts over a real database: every refusal a manual
// assignment can meet, removal with and without a sheet, recorded conflicts freeing the entry
// for someone else, and the conflicts list with juror names and entry codes.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { assignments, auditLog, roundEntries, scores, searchOutbox, users, type User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { insertSubmittedEntry, makeUser } from "../support/fixtures";

const full = { truthfulness: 25, value: 20, craft: 20.5, impact: 15 };
const OUTLET = "Báo Nhân Dân";

const roundBody = (jurorsPerEntry = 2) => ({ name: { vi: "Vòng thử", en: "Test round" }, scope: { kind: "eligible" }, jurorsPerEntry, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null });

describe.each(databaseKinds)("secretariat assignments and conflicts on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let secretariat: User;
  let author: User;
  let jurors: { a: User; b: User; radio: User; sameOutlet: User; outsider: User; disabled: User };
  let entry: Awaited<ReturnType<typeof insertSubmittedEntry>>;
  let outletEntry: Awaited<ReturnType<typeof insertSubmittedEntry>>;
  let ineligible: Awaited<ReturnType<typeof insertSubmittedEntry>>;
  let roundId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedContest(db, new Date());
    secretariat = await makeUser(db, "secretariat", "Thư Ký Hà");
    author = await makeUser(db, "journalist", "Lê Văn Tác Giả");
    jurors = {
      a: await makeUser(db, "juror", "Giám Khảo Ánh"),
      b: await makeUser(db, "juror", "Giám Khảo Bảo"),
      radio: await makeUser(db, "juror", "Giám Khảo Phát Thanh"),
      sameOutlet: await makeUser(db, "juror", "Giám Khảo Cùng Báo"),
      outsider: await makeUser(db, "juror", "Giám Khảo Ngoài Vòng"),
      disabled: await makeUser(db, "juror", "Giám Khảo Đã Khóa"),
    };
    await db.update(users).set({ outlet: OUTLET }).where(eq(users.id, jurors.sameOutlet.id));
    entry = await insertSubmittedEntry(db, author);
    outletEntry = await insertSubmittedEntry(db, author, { outlet: OUTLET.toUpperCase() });
    ineligible = await insertSubmittedEntry(db, author, { eligibility: "ineligible" });
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: roundBody() });
    expect(created.status).toBe(201);
    roundId = created.body.id;
    const panel = [jurors.a, jurors.b, jurors.sameOutlet, jurors.disabled].map((j) => ({ jurorId: j.id, panels: [] as string[] }));
    const set = await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: [...panel, { jurorId: jurors.radio.id, panels: ["radio"] }] } });
    expect(set.status).toBe(204);
    // The round's entries, as applying its scope would fix them (no automatic assignment here).
    await db.insert(roundEntries).values([entry, outletEntry].map((e) => ({ roundId, entryId: e.id })));
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, jurors.disabled.id));
  });
  afterAll(() => database.dispose());

  const add = (entryId: string, jurorId: string, as = secretariat.id, headers: Record<string, string> = {}) => call("POST", `/api/admin/rounds/${roundId}/assignments`, { as, json: { entryId, jurorId }, headers });
  const remove = (entryId: string, jurorId: string, as = secretariat.id) => call("DELETE", `/api/admin/rounds/${roundId}/assignments/${entryId}/${jurorId}`, { as });

  it("only the secretariat assigns by hand", async () => {
    expect((await add(entry.id, jurors.a.id, jurors.a.id)).status).toBe(403);
    expect((await add(entry.id, jurors.a.id, author.id)).status).toBe(403);
    expect((await call("POST", `/api/admin/rounds/${roundId}/assignments`, { json: { entryId: entry.id, jurorId: jurors.a.id } })).status).toBe(401);
    expect((await remove(entry.id, jurors.a.id, jurors.b.id)).status).toBe(403);
    expect((await call("DELETE", `/api/admin/rounds/${roundId}/assignments/${entry.id}/${jurors.a.id}`)).status).toBe(401);
    expect(await db.select().from(assignments)).toEqual([]);
  });

  it("refuses each impossible assignment with its own 409, and bad input with 404/422", async () => {
    const expectCode = async (res: Awaited<ReturnType<typeof add>>, status: number, code: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).not.toMatch(/^(Errors|AdminErrors)\./);
    };
    await expectCode(await add(ineligible.id, jurors.a.id), 409, "entryNotInRound");
    await expectCode(await add(entry.id, jurors.outsider.id), 409, "notRoundJuror");
    await expectCode(await add(entry.id, jurors.disabled.id), 409, "notRoundJuror");
    await expectCode(await add(entry.id, jurors.radio.id), 409, "notOnPanel");
    const outlet = await add(outletEntry.id, jurors.sameOutlet.id, secretariat.id, { "accept-language": "en" });
    await expectCode(outlet, 409, "conflictOutlet");
    expect(outlet.body.error.message).toBe("The juror works for the same media outlet as this entry.");
    await expectCode(await add(entry.id, author.id), 409, "notRoundJuror");
    await expectCode(await add(randomUUID(), jurors.a.id), 404, "notFound");
    await expectCode(await add(entry.id, randomUUID()), 404, "notFound");
    await expectCode(await call("POST", `/api/admin/rounds/${randomUUID()}/assignments`, { as: secretariat.id, json: { entryId: entry.id, jurorId: jurors.a.id } }), 404, "notFound");
    const bad = await call("POST", `/api/admin/rounds/${roundId}/assignments`, { as: secretariat.id, json: { entryId: "x", jurorId: jurors.a.id, extra: 1 } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["entryId", "extra"]);
    expect(await db.select().from(assignments)).toEqual([]);
  });

  it("assigns, audits and re-indexes; a second time is 409 alreadyAssigned", async () => {
    const outboxBefore = (await db.select().from(searchOutbox).where(eq(searchOutbox.entityId, entry.id))).length;
    const res = await add(entry.id, jurors.a.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ roundId, entryId: entry.id, jurorId: jurors.a.id });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "assignment.add"), eq(auditLog.entityId, res.body.id)));
    expect(audit).toMatchObject({ actorId: secretariat.id, entity: "assignment" });
    expect((await db.select().from(searchOutbox).where(eq(searchOutbox.entityId, entry.id))).length).toBe(outboxBefore + 1);
    const twice = await add(entry.id, jurors.a.id);
    expect([twice.status, twice.body.error.code]).toEqual([409, "alreadyAssigned"]);
    expect((await add(entry.id, jurors.b.id)).status).toBe(201);
    // Progress lists every entry of the round: the one nobody could take shows as short.
    const progress = await call("GET", `/api/admin/rounds/${roundId}/progress`, { as: secretariat.id });
    expect(progress.body.entries.sort((x: { assigned: number }, y: { assigned: number }) => y.assigned - x.assigned)).toEqual([
      { id: entry.id, assigned: 2, drafts: 0, submitted: 0, required: 2, short: false },
      { id: outletEntry.id, assigned: 0, drafts: 0, submitted: 0, required: 2, short: true },
    ]);
    // Once the round opens the juror finds it in their workspace.
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    const mine = await call("GET", "/api/jury/assignments", { as: jurors.a.id });
    expect(mine.body.rounds[0].items.map((i: { entry: { id: string } }) => i.entry.id)).toEqual([entry.id]);
  });

  it("removes an assignment with its draft sheet, but not one whose sheet was submitted", async () => {
    expect((await call("PUT", `/api/jury/scores/${entry.id}`, { as: jurors.b.id, json: { values: { truthfulness: 10 } } })).status).toBe(200);
    expect((await remove(entry.id, jurors.b.id)).status).toBe(204);
    expect(await db.select().from(scores).where(and(eq(scores.entryId, entry.id), eq(scores.jurorId, jurors.b.id)))).toEqual([]);
    expect((await call("GET", `/api/jury/entries/${entry.id}`, { as: jurors.b.id })).status).toBe(404);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "assignment.remove"));
    expect(audit!.before).toMatchObject({ jurorId: jurors.b.id, score: { status: "draft" } });
    const gone = await remove(entry.id, jurors.b.id);
    expect([gone.status, gone.body.error.code]).toEqual([404, "notFound"]);
    expect((await call("DELETE", `/api/admin/rounds/${roundId}/assignments/${entry.id}/not-a-uuid`, { as: secretariat.id })).status).toBe(404);

    expect((await call("PUT", `/api/jury/scores/${entry.id}`, { as: jurors.a.id, json: { values: full, submit: true } })).status).toBe(200);
    const locked = await remove(entry.id, jurors.a.id);
    expect([locked.status, locked.body.error.code]).toEqual([409, "assignmentScored"]);
    expect((await db.select().from(assignments).where(and(eq(assignments.entryId, entry.id), eq(assignments.jurorId, jurors.a.id)))).length).toBe(1);
    // Reopening (audited, with a reason) is the way to take a scored entry from a juror.
    const [sheet] = await db.select().from(scores).where(and(eq(scores.entryId, entry.id), eq(scores.jurorId, jurors.a.id)));
    expect((await call("POST", `/api/admin/scores/${sheet!.id}/reopen`, { as: secretariat.id, json: { reason: "Chuyển giám khảo" } })).status).toBe(204);
    expect((await remove(entry.id, jurors.a.id)).status).toBe(204);
  });

  it("a recorded conflict takes the entry from the juror, leaves it short, and blocks reassignment", async () => {
    expect((await add(entry.id, jurors.a.id)).status).toBe(201);
    expect((await add(entry.id, jurors.b.id)).status).toBe(201);
    expect((await call("PUT", `/api/jury/scores/${entry.id}`, { as: jurors.a.id, json: { values: { craft: 5 } } })).status).toBe(200);

    const body = { jurorId: jurors.a.id, entryId: entry.id, reason: "Là người thân của nhân vật trong bài" };
    expect((await call("POST", "/api/admin/conflicts", { as: jurors.b.id, json: body })).status).toBe(403);
    expect((await call("POST", "/api/admin/conflicts", { json: body })).status).toBe(401);
    const noReason = await call("POST", "/api/admin/conflicts", { as: secretariat.id, json: { ...body, reason: "" } });
    expect(Object.keys(noReason.body.error.fields)).toEqual(["reason"]);
    const notJuror = await call("POST", "/api/admin/conflicts", { as: secretariat.id, json: { ...body, jurorId: author.id } });
    expect([notJuror.status, Object.keys(notJuror.body.error.fields)]).toEqual([422, ["jurorId"]]);
    expect((await call("POST", "/api/admin/conflicts", { as: secretariat.id, json: { ...body, entryId: randomUUID() } })).status).toBe(404);

    const res = await call("POST", "/api/admin/conflicts", { as: secretariat.id, json: body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ source: "secretariat", reason: body.reason, removed: [{ roundId }], kept: [], short: [{ roundId, entryId: entry.id, required: 2, assigned: 1 }] });
    expect(await db.select().from(scores).where(and(eq(scores.entryId, entry.id), eq(scores.jurorId, jurors.a.id)))).toEqual([]);
    expect((await call("GET", `/api/jury/entries/${entry.id}`, { as: jurors.a.id })).status).toBe(404);
    const progress = await call("GET", `/api/admin/rounds/${roundId}/progress`, { as: secretariat.id });
    expect(progress.body.entries.find((e: { id: string }) => e.id === entry.id)).toMatchObject({ assigned: 1, required: 2, short: true });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "conflict.add"), eq(auditLog.entityId, res.body.id)));
    expect(audit).toMatchObject({ actorId: secretariat.id });
    expect(audit!.after).toMatchObject({ removedAssignments: 1 });

    const again = await call("POST", "/api/admin/conflicts", { as: secretariat.id, json: body });
    expect([again.status, again.body.error.code]).toEqual([409, "conflictExists"]);
    const blocked = await add(entry.id, jurors.a.id);
    expect([blocked.status, blocked.body.error.code]).toEqual([409, "conflictDeclared"]);
    // The automatic assignment gives the place to someone else, never back to them.
    const run = await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id });
    expect(run.status).toBe(200);
    const holders = await db.select({ jurorId: assignments.jurorId }).from(assignments).where(and(eq(assignments.roundId, roundId), eq(assignments.entryId, entry.id)));
    expect(holders.map((h) => h.jurorId)).not.toContain(jurors.a.id);
    expect(holders.map((h) => h.jurorId)).not.toContain(jurors.disabled.id);
  });

  it("a conflict found after the sheet was submitted is recorded, and the scored assignment kept", async () => {
    expect((await call("PUT", `/api/jury/scores/${entry.id}`, { as: jurors.b.id, json: { values: full, submit: true } })).status).toBe(200);
    const res = await call("POST", "/api/admin/conflicts", { as: secretariat.id, json: { jurorId: jurors.b.id, entryId: entry.id, reason: "Phát hiện sau khi chấm" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ removed: [], kept: [{ roundId }], short: [] });
    expect((await db.select().from(assignments).where(and(eq(assignments.entryId, entry.id), eq(assignments.jurorId, jurors.b.id)))).length).toBe(1);
  });

  it("lists conflicts with juror names and entry codes: recorded, declared and automatic", async () => {
    const mine = await call("GET", "/api/jury/assignments", { as: jurors.sameOutlet.id });
    const declaredEntry = mine.body.rounds[0]?.items[0]?.entry.id as string | undefined;
    expect(declaredEntry).toBeDefined();
    expect((await call("POST", "/api/jury/conflicts", { as: jurors.sameOutlet.id, json: { entryId: declaredEntry, reason: "Từng phỏng vấn tác giả" } })).status).toBe(204);

    expect((await call("GET", `/api/admin/conflicts?roundId=${roundId}`, { as: jurors.a.id })).status).toBe(403);
    expect((await call("GET", "/api/admin/conflicts")).status).toBe(401);
    expect((await call("GET", "/api/admin/conflicts?roundId=abc", { as: secretariat.id })).status).toBe(422);
    expect((await call("GET", "/api/admin/conflicts?round=x", { as: secretariat.id })).status).toBe(422);
    expect((await call("GET", `/api/admin/conflicts?roundId=${randomUUID()}`, { as: secretariat.id })).status).toBe(404);

    const list = await call("GET", `/api/admin/conflicts?roundId=${roundId}`, { as: secretariat.id });
    expect(list.status).toBe(200);
    const rows = list.body.conflicts as { source: string; reason: string; juror: { id: string; name: string }; entry: { id: string; code: string }; createdBy: { name: string } | null }[];
    const find = (source: string, jurorId: string) => rows.filter((r) => r.source === source && r.juror.id === jurorId);
    expect(find("secretariat", jurors.a.id)).toEqual([expect.objectContaining({ reason: "Là người thân của nhân vật trong bài", juror: { id: jurors.a.id, name: "Giám Khảo Ánh" }, entry: expect.objectContaining({ id: entry.id, code: entry.code }), createdBy: { id: secretariat.id, name: "Thư Ký Hà" } })]);
    expect(find("declared", jurors.sameOutlet.id)).toEqual([expect.objectContaining({ reason: "Từng phỏng vấn tác giả", entry: expect.objectContaining({ id: declaredEntry }) })]);
    expect(find("automatic", jurors.sameOutlet.id)).toEqual([expect.objectContaining({ reason: "outlet", entry: expect.objectContaining({ id: outletEntry.id, code: outletEntry.code }), createdBy: null })]);
    // Disabled jurors no longer judge, so their automatic conflicts are not listed.
    expect(rows.filter((r) => r.juror.id === jurors.disabled.id)).toEqual([]);

    // Without a round: the recorded conflicts of the current contest only.
    const all = await call("GET", "/api/admin/conflicts", { as: secretariat.id });
    expect(all.body.conflicts.map((c: { source: string }) => c.source).sort()).toEqual(["declared", "secretariat", "secretariat"]);
  });

  it("a closed round keeps its assignments", async () => {
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "closed", reason: "Hội đồng thống nhất đóng vòng." } })).status).toBe(200);
    const [held] = await db.select().from(assignments).where(eq(assignments.roundId, roundId));
    const res = await remove(held!.entryId, held!.jurorId);
    expect([res.status, res.body.error.code]).toEqual([409, "roundClosed"]);
    const late = await add(outletEntry.id, jurors.a.id);
    expect([late.status, late.body.error.code]).toEqual([409, "roundClosed"]);
  });
});
