// The entry list's bulk "assign": jurors for the ticked entries only, around the round's other
// assignments, with entries the round's scope does not take in reported and left alone.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { assignments, auditLog, entries, entryAuthors, roundEntries, type User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { insertSubmittedEntry, makeUser } from "../support/fixtures";

describe.each(databaseKinds)("assigning the chosen entries on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let secretariat: User;
  let author: User;
  let jurors: User[];
  let roundId: string;
  const pairsOf = async () => (await db.select({ entryId: assignments.entryId, jurorId: assignments.jurorId }).from(assignments).where(eq(assignments.roundId, roundId))).map((p) => `${p.entryId} ${p.jurorId}`).sort();
  const inRound = async () => (await db.select({ id: roundEntries.entryId }).from(roundEntries).where(eq(roundEntries.roundId, roundId))).map((r) => r.id).sort();
  const assign = (entryIds: unknown, as = secretariat.id, id = roundId) => call("POST", `/api/admin/rounds/${id}/assignment/entries`, { as, json: { entryIds } });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedContest(db, new Date());
    secretariat = await makeUser(db, "secretariat", "Thư Ký Phân Công");
    author = await makeUser(db, "journalist", "Tác Giả Phân Công");
    jurors = [await makeUser(db, "juror", "Giám Khảo Một"), await makeUser(db, "juror", "Giám Khảo Hai"), await makeUser(db, "juror", "Giám Khảo Ba")];
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: { name: { vi: "Vòng chọn", en: "Chosen round" }, scope: { kind: "eligible" }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null } });
    roundId = created.body.id;
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: jurors.map((j) => ({ jurorId: j.id, panels: [] })) } })).status).toBe(204);
  });
  afterAll(() => database.dispose());

  it("only the secretariat assigns, with a list of entry ids, in a round that is not closed", async () => {
    const entry = await insertSubmittedEntry(db, author, { outlet: "Tạp chí Phân Công" });
    expect((await assign([entry.id], jurors[0]!.id)).status).toBe(403);
    expect((await call("POST", `/api/admin/rounds/${roundId}/assignment/entries`, { json: { entryIds: [entry.id] } })).status).toBe(401);
    const empty = await assign([]);
    expect([empty.status, Object.keys(empty.body.error.fields)]).toEqual([422, ["entryIds"]]);
    const bad = await assign(["BC2026-1"]);
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([422, ["entryIds.0"]]);
    expect((await assign([entry.id], secretariat.id, randomUUID())).status).toBe(404);
    expect(await pairsOf()).toEqual([]);
    await db.delete(entryAuthors).where(eq(entryAuthors.entryId, entry.id));
    await db.delete(entries).where(eq(entries.id, entry.id));
  });

  it("assigns the chosen entries only, to the jurors with least work in the round, and leaves the rest as it was", async () => {
    const first = [await insertSubmittedEntry(db, author, { outlet: "Tạp chí Phân Công" }), await insertSubmittedEntry(db, author, { outlet: "Tạp chí Phân Công" })];
    expect((await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id })).status).toBe(200);
    const before = await pairsOf();
    expect(before).toHaveLength(2);
    const busy = new Set(before.map((p) => p.split(" ")[1]));

    // Made eligible after the round was assigned, and one that is not eligible.
    const late = await insertSubmittedEntry(db, author, { outlet: "Tạp chí Phân Công" });
    const other = await insertSubmittedEntry(db, author, { outlet: "Tạp chí Phân Công" });
    const refused = await insertSubmittedEntry(db, author, { outlet: "Tạp chí Phân Công", eligibility: "ineligible" });
    const res = await assign([late.id, refused.id]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ assignments: 1, added: 1, unmet: [], outOfRound: [refused.id] });

    const after = await pairsOf();
    expect(after.filter((p) => !before.includes(p))).toHaveLength(1);
    expect(before.every((p) => after.includes(p))).toBe(true);
    const [, jurorOfLate] = after.find((p) => p.startsWith(late.id))!.split(" ");
    // The one juror who had nothing in the round takes it.
    expect(busy.has(jurorOfLate!)).toBe(false);
    expect(res.body.loads[jurorOfLate!]).toBe(1);
    // Only the chosen entry joined the round: the other newly eligible one waits to be chosen.
    expect(await inRound()).toEqual([...first.map((e) => e.id), late.id].sort());
    expect((await inRound()).includes(other.id)).toBe(false);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "assignment.run"), eq(auditLog.entityId, roundId))).orderBy(auditLog.id).then((rows) => rows.slice(-1));
    expect(audit!.after).toMatchObject({ entries: [late.id, refused.id], added: 1, outOfRound: [refused.id] });

    // Chosen again: it has its juror, so nothing changes.
    const again = await assign([late.id]);
    expect(again.body).toMatchObject({ added: 0, unmet: [], outOfRound: [] });
    expect(await pairsOf()).toEqual(after);
  });

  it("reports an entry no juror can take, and refuses a closed round", async () => {
    const own = await insertSubmittedEntry(db, jurors[0]!, { outlet: "Tạp chí Phân Công" });
    await db.update(entries).set({ ownerId: author.id }).where(eq(entries.id, own.id));
    // Every juror declared a conflict with it except the author-juror, who cannot judge their own work.
    for (const j of jurors.slice(1)) await call("POST", "/api/admin/conflicts", { as: secretariat.id, json: { jurorId: j.id, entryId: own.id, reason: "Cùng cơ quan với tác giả." } });
    const res = await assign([own.id]);
    expect(res.status).toBe(200);
    expect(res.body.unmet).toEqual([{ entryId: own.id, required: 1, assigned: 0, excluded: { panel: 0, author: 1, coAuthor: 0, outlet: 0, declared: 2 } }]);

    await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } });
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "closed", reason: "Hội đồng thống nhất đóng vòng." } })).status).toBe(200);
    const closed = await assign([own.id]);
    expect([closed.status, closed.body.error.code]).toEqual([409, "roundClosed"]);
  });
});
