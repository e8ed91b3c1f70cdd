// The jury workspace over a seeded contest, phase by phase (round draft / open / closed): what a
// journalist, a juror (assigned, unassigned, conflicted) and the secretariat may read and change,
// with authors' names planted where they could leak.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { auditLog, scores, type User } from "@/lib/db/schema";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";

const AUTHOR = "Nguyễn Bút Danh Lộ";
const PEN = "Bút Lộ Diện";
const OUTLET = "Báo Riêng Tư Tác Giả";
const full = { truthfulness: 25, value: 20, craft: 20.5, impact: 15 };

describe.each(databaseKinds)("jury on %s", (kind) => {
  let database: TestDatabase;
  let author: User;
  let secretariat: User;
  let jurors: User[];
  let sameOutlet: User;
  let entryIds: string[];
  let roundId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    author = await makeUser(database.db, "journalist", AUTHOR);
    secretariat = await makeUser(database.db, "secretariat", "Thư Ký");
    jurors = [await makeUser(database.db, "juror", "Giám Khảo Một"), await makeUser(database.db, "juror", "Giám Khảo Hai"), await makeUser(database.db, "juror", "Giám Khảo Ba")];
    // A juror from the author's own outlet: must never be assigned the entries.
    sameOutlet = await makeUser(database.db, "juror", "Giám Khảo Cùng Báo");
    const { users } = await import("@/lib/db/schema");
    await database.db.update(users).set({ outlet: OUTLET }).where(eq(users.id, sameOutlet.id));
    entryIds = [];
    for (const title of ["Bài thứ nhất", "Bài thứ hai"]) {
      const res = await call("POST", "/api/entries", { as: author.id, json: { ...(await completeEntry(database.db)), title, outlet: OUTLET, authors: [{ name: AUTHOR, penName: PEN }] } });
      expect(res.status).toBe(201);
      expect((await call("POST", `/api/entries/${res.body.id}/attachments`, { as: author.id, body: form(pdf(), `${AUTHOR} - bài báo.pdf`) })).status).toBe(201);
      expect((await call("POST", `/api/entries/${res.body.id}/submit`, { as: author.id })).status).toBe(200);
      expect((await call("POST", `/api/admin/entries/${res.body.id}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } })).status).toBe(200);
      entryIds.push(res.body.id);
    }
  });
  afterAll(() => database.dispose());

  const leaks = (body: unknown) => {
    const text = JSON.stringify(body);
    return [AUTHOR, PEN, OUTLET, author.id, author.email].filter((s) => text.includes(s));
  };

  it("draft round: only the secretariat sets it up; jurors see nothing yet", async () => {
    const round = { name: { vi: "Sơ khảo", en: "Preliminary" }, scope: { kind: "eligible" }, jurorsPerEntry: 2, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null };
    expect((await call("POST", "/api/admin/rounds", { as: jurors[0]!.id, json: round })).status).toBe(403);
    expect((await call("POST", "/api/admin/rounds", { as: author.id, json: round })).status).toBe(403);
    expect((await call("POST", "/api/admin/rounds", { json: round })).status).toBe(401);
    const bad = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: { ...round, jurorsPerEntry: 0, scope: { kind: "shortlist", top: 3 } } });
    expect(bad.status).toBe(422);
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: round });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    roundId = created.body.id;
    const set = await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: [...jurors, sameOutlet].map((j) => ({ jurorId: j.id, panels: [] })) } });
    expect(set.status).toBe(204);
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: [{ jurorId: author.id, panels: [] }] } })).status).toBe(422);
    const run = await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id });
    expect(run.status).toBe(200);
    expect(run.body.unmet).toEqual([]);
    expect(run.body.loads[sameOutlet.id]).toBe(0);
    const mine = await call("GET", "/api/jury/assignments", { as: jurors[0]!.id });
    expect(mine.body.rounds).toEqual([]);
    expect((await call("GET", `/api/jury/entries/${entryIds[0]}`, { as: jurors[0]!.id })).status).toBe(404);
  });

  it("open round: assigned jurors read blind and score; others get 404; nothing names the author", async () => {
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    const list = await call("GET", "/api/jury/assignments", { as: jurors[0]!.id });
    expect(list.status).toBe(200);
    expect(leaks(list.body)).toEqual([]);
    const assigned = list.body.rounds[0].items.map((i: { entry: { id: string } }) => i.entry.id);
    expect(assigned.length).toBeGreaterThan(0);
    const entryId = assigned[0] as string;
    const read = await call("GET", `/api/jury/entries/${entryId}`, { as: jurors[0]!.id });
    expect(read.status).toBe(200);
    expect(read.body.entry.title).toMatch(/^Bài thứ/);
    expect(leaks(read.body)).toEqual([]);
    expect(read.body.entry.identity).toBeUndefined();
    // The file comes through the juror's route, under a neutral name.
    const file = await call("GET", read.body.entry.attachments[0].url, { as: jurors[0]!.id });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).not.toContain("Nguy");
    // Read inline in the jury room's own frame: sandboxed, and framed by this site only.
    expect(file.headers.get("content-disposition")).toMatch(/^inline; filename="Tep 1.pdf"; /);
    const english = await call("GET", read.body.entry.attachments[0].url, { as: jurors[0]!.id, headers: { "accept-language": "en" } });
    expect(english.headers.get("content-disposition")).toBe(`inline; filename="File 1.pdf"; filename*=UTF-8''File%201.pdf`);
    expect(file.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");
    expect(file.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    // The outlet's juror, the author and an unassigned juror cannot open it.
    expect((await call("GET", `/api/jury/entries/${entryId}`, { as: sameOutlet.id })).status).toBe(404);
    expect((await call("GET", `/api/jury/entries/${entryId}`, { as: author.id })).status).toBe(403);
    expect((await call("PUT", `/api/jury/scores/${entryId}`, { as: sameOutlet.id, json: { values: full } })).status).toBe(404);

    // Autosave a partial draft, refuse bad values, then submit and find it locked.
    const draft = await call("PUT", `/api/jury/scores/${entryId}`, { as: jurors[0]!.id, json: { values: { truthfulness: 12.5 } } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ status: "draft", total: 12.5, editable: true });
    const bad = await call("PUT", `/api/jury/scores/${entryId}`, { as: jurors[0]!.id, json: { values: { truthfulness: 31, value: 1.25 } }, headers: { "accept-language": "en" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["values.truthfulness", "values.value"]);
    expect(bad.body.error.fields["values.value"]).toContain("half points");
    const incomplete = await call("PUT", `/api/jury/scores/${entryId}`, { as: jurors[0]!.id, json: { values: { truthfulness: 10 }, submit: true } });
    expect(incomplete.status).toBe(422);
    const submitted = await call("PUT", `/api/jury/scores/${entryId}`, { as: jurors[0]!.id, json: { values: full, comment: "Tốt", submit: true } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", total: 80.5, editable: false });
    const locked = await call("PUT", `/api/jury/scores/${entryId}`, { as: jurors[0]!.id, json: { values: full } });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("scoreLocked");

    // Another juror on the same entry never sees the first one's sheet.
    const peers = await call("GET", "/api/jury/assignments", { as: jurors[1]!.id });
    expect(JSON.stringify(peers.body)).not.toContain("Tốt");

    // The secretariat reopens it with a reason (audited); the juror may edit again.
    const [sheet] = await database.db.select().from(scores).where(and(eq(scores.entryId, entryId), eq(scores.jurorId, jurors[0]!.id)));
    expect((await call("POST", `/api/admin/scores/${sheet!.id}/reopen`, { as: secretariat.id, json: { reason: "" } })).status).toBe(422);
    expect((await call("POST", `/api/admin/scores/${sheet!.id}/reopen`, { as: jurors[0]!.id, json: { reason: "x" } })).status).toBe(403);
    expect((await call("POST", `/api/admin/scores/${sheet!.id}/reopen`, { as: secretariat.id, json: { reason: "Nhập nhầm" } })).status).toBe(204);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "score.reopen"), eq(auditLog.entityId, sheet!.id)));
    expect(JSON.stringify(audit[0]!.after)).toContain("Nhập nhầm");
    expect((await call("PUT", `/api/jury/scores/${entryId}`, { as: jurors[0]!.id, json: { values: full, submit: true } })).status).toBe(200);
  });

  it("score levels: the secretariat writes them in both languages, jurors read them with the rubric", async () => {
    const level = (min: number, max: number, vi: string, en: string) => ({ min, max, description: { vi, en } });
    const levels = [level(20, 30, "Xuất sắc", "Outstanding"), level(0, 19.5, "Cần cố gắng", "Needs work")];
    const path = `/api/admin/rounds/${roundId}/levels`;
    expect((await call("PUT", path, { as: jurors[0]!.id, json: { criteria: [{ key: "truthfulness", levels }] } })).status).toBe(403);
    // Overlapping, upside down, beyond the criterion's points, or a criterion the round does not have: refused by field.
    const bad = await call("PUT", path, {
      as: secretariat.id,
      json: {
        criteria: [
          { key: "truthfulness", levels: [level(10, 30, "a", "a"), level(0, 10, "b", "b")] },
          { key: "value", levels: [level(0, 26, "d", "d")] },
          { key: "craft", levels: [level(5, 4, "c", "c")] },
          { key: "nope", levels: [] },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["criteria.0.levels.0.min", "criteria.1.levels.0.max", "criteria.2.levels.0.max", "criteria.3.key"]);
    expect((await call("PUT", path, { as: secretariat.id, json: { criteria: [{ key: "truthfulness", levels: [level(0, 5, "Chỉ tiếng Việt", "")] }] } })).status).toBe(422);

    const saved = await call("PUT", path, { as: secretariat.id, json: { criteria: [{ key: "truthfulness", levels: [...levels].reverse() }] } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Best first; the other criteria keep theirs, and no points or weights changed.
    expect(saved.body.rubric[0].levels).toEqual(levels);
    expect(saved.body.rubric.slice(1)).toEqual(DEFAULT_RUBRIC.slice(1));
    expect(saved.body.rubric.map((c: { maxPoints: number; weight: number }) => [c.maxPoints, c.weight])).toEqual(DEFAULT_RUBRIC.map((c) => [c.maxPoints, c.weight]));
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "round.levels"), eq(auditLog.entityId, roundId)));
    expect(audit).toHaveLength(1);

    const mine = await call("GET", "/api/jury/assignments", { as: jurors[0]!.id });
    const read = await call("GET", `/api/jury/entries/${mine.body.rounds[0].items[0].entry.id}`, { as: jurors[0]!.id });
    expect(read.body.round.rubric[0].levels).toEqual(levels);
    expect(read.body.round).toMatchObject({ id: roundId, name: { vi: "Sơ khảo" }, closesAt: null });
  });

  it("a declared conflict removes the entry from the juror and leaves it short for reassignment", async () => {
    const list = await call("GET", "/api/jury/assignments", { as: jurors[1]!.id });
    const items = list.body.rounds[0].items as { entry: { id: string }; score: { status: string } }[];
    const target = items.find((i) => i.score.status === "draft")!.entry.id;
    expect((await call("POST", "/api/jury/conflicts", { as: jurors[1]!.id, json: { entryId: target, reason: "Người quen" } })).status).toBe(204);
    expect((await call("GET", `/api/jury/entries/${target}`, { as: jurors[1]!.id })).status).toBe(404);
    expect((await call("POST", "/api/jury/conflicts", { as: jurors[1]!.id, json: { entryId: target } })).status).toBe(404);
    const progress = await call("GET", `/api/admin/rounds/${roundId}/progress`, { as: secretariat.id });
    expect(progress.body.entries.find((e: { id: string }) => e.id === target)).toMatchObject({ assigned: 1, required: 2, short: true });
    // Re-running assignment fills the gap from someone else and keeps the scored sheets.
    const run = await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id });
    expect(run.body.unmet).toEqual([]);
    const again = await call("GET", `/api/admin/rounds/${roundId}/progress`, { as: secretariat.id });
    expect(again.body.jurors.find((j: { id: string }) => j.id === jurors[0]!.id).submitted).toBe(1);
    const after = await call("GET", "/api/jury/assignments", { as: jurors[1]!.id });
    expect(JSON.stringify(after.body)).not.toContain(target);
    expect(again.body.entries.find((e: { id: string }) => e.id === target)).toMatchObject({ assigned: 2, short: false });
    expect(again.body.entries.every((e: { short: boolean }) => !e.short)).toBe(true);
  });

  it("closed round: sheets are locked; the ranking is the secretariat's alone", async () => {
    // Sheets are missing: closing needs the secretariat's reason, and the reason is audited.
    const refused = await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "closed" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("sheetsMissing");
    expect(refused.body.error.fields).toHaveProperty("reason");
    const reason = "Hết hạn chấm; Hội đồng thống nhất đóng vòng.";
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "closed", reason } })).status).toBe(200);
    const audit = await call("GET", `/api/admin/audit?entity=round&entityId=${roundId}&limit=1`, { as: secretariat.id });
    expect(audit.body.items[0]).toMatchObject({ action: "round.closed", after: { closeReason: reason } });
    expect(audit.body.items[0].after.missingSheets).toBeGreaterThan(0);
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(409);
    const list = await call("GET", "/api/jury/assignments", { as: jurors[2]!.id });
    const entryId = list.body.rounds[0].items[0].entry.id;
    const res = await call("PUT", `/api/jury/scores/${entryId}`, { as: jurors[2]!.id, json: { values: full } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("roundNotOpen");
    expect((await call("GET", `/api/admin/rounds/${roundId}/ranking`, { as: jurors[0]!.id })).status).toBe(403);
    expect((await call("GET", `/api/admin/rounds/${roundId}/ranking`, { as: author.id })).status).toBe(403);
    const ranking = await call("GET", `/api/admin/rounds/${roundId}/ranking`, { as: secretariat.id });
    expect(ranking.status).toBe(200);
    // The one scored entry: ranked only when it has every sheet it needs, else listed apart without a rank.
    type Row = { rank: number | null; mean: number; jurors: number; ready: boolean; sheets: { done: number; required: number } };
    const scored = (ranking.body.results as Row[]).find((r) => r.jurors === 1)!;
    expect(scored).toMatchObject({ mean: 80.5, jurors: 1, sheets: { done: 1 } });
    expect(scored.ready).toBe(scored.sheets.done === scored.sheets.required);
    expect(scored.rank).toBe(scored.ready ? 1 : null);
  });
});
