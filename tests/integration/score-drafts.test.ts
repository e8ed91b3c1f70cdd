// Autosaved score sheets through PUT /api/jury/scores/{entryId}: a draft replaces the values,
// keeps the saved comment when it sends none, reports the sheet's version (updatedAt, which the
// form compares with its local copy), and never overwrites a submitted sheet.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { scores, type User } from "@/lib/db/schema";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";

const full = { truthfulness: 25, value: 20, craft: 20.5, impact: 15 };

describe.each(databaseKinds)("score drafts on %s", (kind) => {
  let database: TestDatabase;
  let juror: User;
  let entryId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    const author = await makeUser(database.db, "journalist", "Tác Giả Nháp");
    const secretariat = await makeUser(database.db, "secretariat", "Thư Ký");
    juror = await makeUser(database.db, "juror", "Giám Khảo Nháp");
    const entry = await call("POST", "/api/entries", { as: author.id, json: { ...(await completeEntry(database.db)), outlet: "Báo Khác" } });
    entryId = entry.body.id;
    expect((await call("POST", `/api/entries/${entryId}/attachments`, { as: author.id, body: form(pdf()) })).status).toBe(201);
    expect((await call("POST", `/api/entries/${entryId}/submit`, { as: author.id })).status).toBe(200);
    expect((await call("POST", `/api/admin/entries/${entryId}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } })).status).toBe(200);
    const round = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: { name: { vi: "Sơ khảo", en: "Preliminary" }, scope: { kind: "eligible" }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null } });
    expect((await call("PUT", `/api/admin/rounds/${round.body.id}/jurors`, { as: secretariat.id, json: { jurors: [{ jurorId: juror.id, panels: [] }] } })).status).toBe(204);
    expect((await call("POST", `/api/admin/rounds/${round.body.id}/assignment`, { as: secretariat.id })).body.unmet).toEqual([]);
    expect((await call("PATCH", `/api/admin/rounds/${round.body.id}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
  });
  afterAll(() => database.dispose());

  const sheet = async () => (await database.db.select().from(scores).where(and(eq(scores.entryId, entryId), eq(scores.jurorId, juror.id))))[0];

  it("replaces the values, keeps the comment when none is sent, and reports the new version", async () => {
    const first = await call("PUT", `/api/jury/scores/${entryId}`, { as: juror.id, json: { values: { truthfulness: 12.5, value: 10 }, comment: "Nhận xét đầu" } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: "draft", values: { truthfulness: 12.5, value: 10 }, comment: "Nhận xét đầu", editable: true });
    expect(Date.parse(first.body.updatedAt)).toBe((await sheet())!.updatedAt.getTime());

    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await call("PUT", `/api/jury/scores/${entryId}`, { as: juror.id, json: { values: { craft: 20 } } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ values: { craft: 20 }, comment: "Nhận xét đầu", total: 20 });
    expect(Date.parse(second.body.updatedAt)).toBeGreaterThan(Date.parse(first.body.updatedAt));
    const stored = await sheet();
    expect(stored).toMatchObject({ values: { craft: 20 }, comment: "Nhận xét đầu", status: "draft" });
    expect(await database.db.select().from(scores).where(eq(scores.entryId, entryId))).toHaveLength(1);
  });

  it("a draft arriving after the submit is refused and changes nothing", async () => {
    expect((await call("PUT", `/api/jury/scores/${entryId}`, { as: juror.id, json: { values: full, comment: "Bản nộp", submit: true } })).status).toBe(200);
    const before = await sheet();
    const late = await call("PUT", `/api/jury/scores/${entryId}`, { as: juror.id, json: { values: { truthfulness: 1 }, comment: "Bản nháp muộn" } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("scoreLocked");
    expect(await sheet()).toEqual(before);
  });
});
