// Reminders to jurors of an open round: who is e-mailed and who is skipped (and why), what the
// message says, and that neither a second click nor two clicks at once e-mail anyone twice
// within the hour.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { sendReminders } from "@/lib/db/queries/reminders";
import { auditLog, entries, entryAuthors, roundEntries, users, type User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser } from "../support/fixtures";

const full = { truthfulness: 25, value: 20, craft: 20.5, impact: 15 };

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

/** dd/mm/yyyy and HH:mm in Vietnam (UTC+7, no daylight saving), worked out by hand. */
function vietnamese(date: Date) {
  const local = new Date(date.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return { date: `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`, time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}` };
}

const roundBody = (closesAt: Date | null) => ({ name: { vi: "Vòng sơ khảo thử", en: "Trial preliminary" }, scope: { kind: "eligible" }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: closesAt?.toISOString() ?? null });

describe.each(databaseKinds)("reminders on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let secretariat: User;
  let j: User[];
  let stranger: User;
  let roundId: string;
  const closesAt = new Date(Date.now() + 5 * 86400_000);
  closesAt.setUTCSeconds(0, 0);

  const remind = (json: unknown = {}, as = secretariat.id, id = roundId) => call("POST", `/api/admin/rounds/${id}/reminders`, { as, json });
  // Moves every reminder so far back two hours: the hour has passed.
  const anHourLater = () => db.update(auditLog).set({ createdAt: sql`${auditLog.createdAt} - interval '2 hours'` }).where(inArray(auditLog.action, ["reminder.send", "reminder.fail"]));
  const byId = <T extends { jurorId: string }>(list: T[]) => [...list].sort((a, b) => a.jurorId.localeCompare(b.jurorId));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedContest(db, new Date());
    secretariat = await makeUser(db, "secretariat", "Thư Ký Nhắc");
    const author = await makeUser(db, "journalist", "Tác Giả");
    j = [];
    for (const name of ["Giám Khảo Một", "Giám Khảo Hai", "Giám Khảo Ba", "Giám Khảo Bốn"]) j.push(await makeUser(db, "juror", name));
    stranger = await makeUser(db, "juror", "Giám Khảo Vòng Khác");
    const contest = await getCurrentContest(db);
    const works = [];
    for (let i = 0; i < 3; i++) {
      const [entry] = await db
        .insert(entries)
        .values({ contestId: contest.id, ownerId: author.id, category: "print", status: "submitted", code: `BC2026-R${randomBytes(3).toString("hex")}`, title: `Bài ${i}`, eligibility: "eligible", submittedAt: new Date() })
        .returning();
      await db.insert(entryAuthors).values({ entryId: entry!.id, position: 0, name: author.name, userId: author.id });
      works.push(entry!.id);
    }
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: roundBody(closesAt) });
    roundId = created.body.id;
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: j.map((u) => ({ jurorId: u.id, panels: [] })) } })).status).toBe(204);
    await db.insert(roundEntries).values(works.map((entryId) => ({ roundId, entryId })));
    // One: 2 sheets (1 submitted below); two: 1 (submitted); three: 2; four: 1, then disabled.
    const plan: [number, number][] = [[0, 0], [0, 1], [1, 0], [2, 1], [2, 2], [3, 2]];
    for (const [juror, work] of plan) {
      const res = await call("POST", `/api/admin/rounds/${roundId}/assignments`, { as: secretariat.id, json: { entryId: works[work], jurorId: j[juror]!.id } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const draft = await remind();
    expect([draft.status, draft.body.error.code]).toEqual([409, "reminderRoundNotOpen"]);
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    expect((await call("PUT", `/api/jury/scores/${works[0]}`, { as: j[0]!.id, json: { values: full, submit: true } })).status).toBe(200);
    expect((await call("PUT", `/api/jury/scores/${works[0]}`, { as: j[1]!.id, json: { values: full, submit: true } })).status).toBe(200);
    expect((await call("PUT", `/api/jury/scores/${works[1]}`, { as: j[2]!.id, json: { values: { craft: 3 } } })).status).toBe(200);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, j[3]!.id));
  });
  afterAll(() => database.dispose());

  it("only the secretariat sends reminders, for a round that exists, with a valid list", async () => {
    expect((await remind({}, j[0]!.id)).status).toBe(403);
    expect((await call("POST", `/api/admin/rounds/${roundId}/reminders`, { json: {} })).status).toBe(401);
    expect((await remind({}, secretariat.id, randomUUID())).status).toBe(404);
    const bad = await remind({ jurorIds: ["x"], all: true });
    expect([bad.status, Object.keys(bad.body.error.fields).sort()]).toEqual([422, ["all", "jurorIds.0"]]);
    expect(await mailsTo(j[0]!.email)).toEqual([]);
  });

  let previewed: { to: string; subject: string; text: string };
  it("previews who a click would remind, and the message, sending and claiming nothing", async () => {
    const res = await call("POST", `/api/admin/rounds/${roundId}/reminders/preview`, { as: secretariat.id, json: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(byId(res.body.sendTo)).toEqual(byId([{ jurorId: j[0]!.id, name: "Giám Khảo Một", remaining: 1 }, { jurorId: j[2]!.id, name: "Giám Khảo Ba", remaining: 2 }]));
    expect(byId(res.body.skipped)).toEqual(byId([{ jurorId: j[1]!.id, reason: "nothingLeft", remaining: 0 }, { jurorId: j[3]!.id, reason: "disabled", remaining: 1 }]));
    const first = j.find((u) => u.id === res.body.sendTo[0].jurorId)!;
    previewed = res.body.message;
    expect(previewed.to).toBe(first.email);
    expect(previewed.text).toContain(`Kính gửi ${first.name},`);
    expect(previewed.text).toContain(`Hạn chót: ${vietnamese(closesAt).time} ngày ${vietnamese(closesAt).date}.`);
    // Nothing was sent, and nobody counts as reminded.
    expect(await mailsTo(first.email)).toEqual([]);
    expect(await db.select().from(auditLog).where(inArray(auditLog.action, ["reminder.send", "round.remind"]))).toEqual([]);

    const one = await call("POST", `/api/admin/rounds/${roundId}/reminders/preview`, { as: secretariat.id, json: { jurorIds: [j[1]!.id] } });
    expect(one.body).toEqual({ sendTo: [], skipped: [{ jurorId: j[1]!.id, reason: "nothingLeft", remaining: 0 }], message: null });
    expect((await call("POST", `/api/admin/rounds/${roundId}/reminders/preview`, { as: j[0]!.id, json: {} })).status).toBe(403);
  });

  it("e-mails each juror with sheets left their count, the deadline and their workspace", async () => {
    const res = await remind();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(byId(res.body.sent)).toEqual(byId([{ jurorId: j[0]!.id, remaining: 1 }, { jurorId: j[2]!.id, remaining: 2 }]));
    expect(byId(res.body.skipped)).toEqual(byId([{ jurorId: j[1]!.id, reason: "nothingLeft", remaining: 0 }, { jurorId: j[3]!.id, reason: "disabled", remaining: 1 }]));

    const [mail] = await mailsTo(j[2]!.email);
    const when = vietnamese(closesAt);
    expect(mail).toContain("Kính gửi Giám Khảo Ba,");
    expect(mail).toContain("Bạn còn 2 phiếu chấm chưa nộp ở Vòng sơ khảo thử.");
    expect(mail).toContain(`Hạn chót: ${when.time} ngày ${when.date}.`);
    expect(mail).toContain("http://localhost:3000/giam-khao");
    expect(await mailsTo(j[0]!.email)).toHaveLength(1);
    // The preview was the message itself.
    const [sent] = await mailsTo(previewed.to);
    expect(sent).toContain(previewed.text.trim());
    expect(await mailsTo(j[1]!.email)).toEqual([]);
    expect(await mailsTo(j[3]!.email)).toEqual([]);

    const claims = await db.select().from(auditLog).where(eq(auditLog.action, "reminder.send"));
    expect(claims.map((c) => c.entityId).sort()).toEqual([j[0]!.id, j[2]!.id].sort());
    expect(claims.find((c) => c.entityId === j[0]!.id)).toMatchObject({ actorId: secretariat.id, entity: "account", after: { roundId, remaining: 1 } });
    const [summary] = await db.select().from(auditLog).where(and(eq(auditLog.action, "round.remind"), eq(auditLog.entityId, roundId)));
    expect(summary!.after).toMatchObject({ sent: expect.arrayContaining([{ jurorId: j[2]!.id, remaining: 2 }]) });
  });

  it("does not e-mail anyone twice within the hour, even on a double click", async () => {
    const again = await remind();
    expect(again.body.sent).toEqual([]);
    const recent = again.body.skipped.filter((s: { reason: string }) => s.reason === "recentlyReminded");
    expect(byId(recent)).toEqual(byId([j[0]!, j[2]!].map((u, i) => ({ jurorId: u.id, reason: "recentlyReminded", remaining: [1, 2][i], lastSentAt: expect.any(String) }))));
    expect(await mailsTo(j[0]!.email)).toHaveLength(1);

    await anHourLater();
    const clicks = await Promise.all([remind({ jurorIds: [j[0]!.id] }), remind({ jurorIds: [j[0]!.id] })]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    expect(clicks.flatMap((c) => c.body.sent)).toEqual([{ jurorId: j[0]!.id, remaining: 1 }]);
    expect(clicks.flatMap((c) => c.body.skipped).map((s: { reason: string }) => s.reason)).toEqual(["recentlyReminded"]);
    expect(await mailsTo(j[0]!.email)).toHaveLength(2);
    // Only the listed juror was reminded.
    expect(await mailsTo(j[2]!.email)).toHaveLength(1);
  });

  it("names the listed jurors who are not on the round", async () => {
    await anHourLater();
    const unknown = randomUUID();
    const res = await remind({ jurorIds: [j[2]!.id, stranger.id, unknown] });
    expect(res.body.sent).toEqual([{ jurorId: j[2]!.id, remaining: 2 }]);
    expect(res.body.skipped).toEqual([
      { jurorId: stranger.id, reason: "notInRound" },
      { jurorId: unknown, reason: "notInRound" },
    ]);
    expect(await mailsTo(stranger.email)).toEqual([]);
  });

  it("a reminder whose e-mail failed is reported and may be retried at once", async () => {
    await anHourLater();
    const caller = { id: secretariat.id, role: "secretariat" as const, name: secretariat.name, email: secretariat.email, outlet: "", penNames: [] };
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failed = await sendReminders(db, caller, roundId, [j[0]!.id], new Date(), async () => {
      throw new Error("SMTP down");
    }).finally(() => quiet.mockRestore());
    expect(failed).toEqual({ sent: [], skipped: [{ jurorId: j[0]!.id, reason: "mailFailed", remaining: 1 }] });
    expect((await db.select().from(auditLog).where(and(eq(auditLog.action, "reminder.fail"), eq(auditLog.entityId, j[0]!.id)))).length).toBe(1);
    const retry = await remind({ jurorIds: [j[0]!.id] });
    expect(retry.body.sent).toEqual([{ jurorId: j[0]!.id, remaining: 1 }]);
    expect(await mailsTo(j[0]!.email)).toHaveLength(3);
  });

  it("refuses rounds that are past their deadline or closed", async () => {
    const late = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: roundBody(new Date(Date.now() - 3600_000)) });
    expect((await call("PATCH", `/api/admin/rounds/${late.body.id}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    const past = await remind({}, secretariat.id, late.body.id);
    expect([past.status, past.body.error.code]).toEqual([409, "reminderRoundNotOpen"]);
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "closed", reason: "Hội đồng thống nhất đóng vòng." } })).status).toBe(200);
    await anHourLater();
    const closed = await call("POST", `/api/admin/rounds/${roundId}/reminders`, { as: secretariat.id, json: {}, headers: { "accept-language": "en" } });
    expect([closed.status, closed.body.error.message]).toEqual([409, "Reminders are sent only while the round is open and before it closes."]);
  });
});
