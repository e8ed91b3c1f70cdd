// Co-authors consent (lib/contest/coauthors.ts): naming an account's e-mail makes it a pending
// co-author, which takes none of its entry limit until it accepts; the owner's answer is the
// same whatever the e-mail; the roles the contest excludes are refused on accept and on submit
// without naming the role; only the linked account answers.
import "../support/env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq, like } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { auditLog, contests, entries, entryAuthors, prizes, type User } from "@/lib/db/schema";
import { publishedResults, publishedWinner } from "@/lib/db/queries/results";
import { loadWinnerDocuments } from "@/lib/search/winner-index";
import { searchWinnersFallback } from "@/lib/search/winners";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, databaseState, form, makeUser, pdf, setWindow } from "../support/fixtures";

const DAY = 24 * 3600_000;
const ROLE_WORDS = /giám khảo|thư ký|jury|juror|secretariat/i;

describe.each(databaseKinds)("co-authors on %s", (kind) => {
  let database: TestDatabase;
  let carol: User;
  let dave: User;
  let juror: User;
  let secretariat: User;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    dave = await makeUser(database.db, "journalist", "Vũ Dave");
    juror = await makeUser(database.db, "juror", "Đinh Giám Khảo");
    secretariat = await makeUser(database.db, "secretariat", "Lý Thư Ký");
  });
  afterAll(() => database.dispose());
  // A fresh owner per test, so no test runs into another's entry limit.
  beforeEach(async () => {
    carol = await makeUser(database.db, "journalist", "Phạm Carol");
  });

  async function draft(owner: User, extra: Record<string, unknown> = {}) {
    const res = await call("POST", "/api/entries", { as: owner.id, json: { ...(await completeEntry(database.db)), ...extra } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await call("POST", `/api/entries/${res.body.id}/attachments`, { as: owner.id, body: form(pdf()) })).status).toBe(201);
    return res.body as { id: string; authors: unknown[] };
  }
  const submit = (owner: User, id: string) => call("POST", `/api/entries/${id}/submit`, { as: owner.id });
  async function submitted(owner: User, extra: Record<string, unknown> = {}) {
    const entry = await draft(owner, extra);
    const res = await submit(owner, entry.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { id: string; code: string };
  }
  const answer = (who: User, id: string, value: "accept" | "decline", headers: Record<string, string> = {}) =>
    call("POST", `/api/entries/${id}/coauthorship`, { as: who.id, json: { answer: value }, headers });
  const withCoauthor = (name: string, email: string) => ({ authors: [{ name: "Phạm Carol" }, { name, email }] });

  it("answers the author list alike for a journalist's, a juror's, the secretariat's and nobody's e-mail", async () => {
    const emails = [dave.email, juror.email, secretariat.email, `khong-co-ai-${randomUUID()}@example.vn`];
    const created = await Promise.all(emails.map(async (email) => call("POST", "/api/entries", { as: carol.id, json: { category: "print", title: "Cùng nội dung", ...withCoauthor("Người Được Mời", email) } })));
    const strip = (body: Record<string, unknown>) => JSON.stringify({ ...body, id: "", createdAt: "", updatedAt: "" }).replace(/"email":"[^"]*"/g, '"email":""');
    for (const [i, res] of created.entries()) {
      expect(res.status, emails[i]).toBe(201);
      expect(res.body.authors[1]).toEqual({ name: "Người Được Mời", email: emails[i], status: "pending" });
      expect(strip(res.body)).toBe(strip(created[0]!.body));
    }
    // The same through an edit, and with headers alike.
    const patched = await Promise.all(created.map((res, i) => call("PATCH", `/api/entries/${res.body.id}`, { as: carol.id, json: withCoauthor("Người Khác", emails[(i + 1) % emails.length]!) })));
    for (const res of patched) {
      expect(res.status).toBe(200);
      expect(strip(res.body)).toBe(strip(patched[0]!.body));
      expect([...res.headers.keys()].sort()).toEqual([...patched[0]!.headers.keys()].sort());
    }
  });

  it("takes no slot of a pending co-author's limit, and refuses to submit until they accept", async () => {
    const erin = await makeUser(database.db, "journalist", "Hồ Erin");
    // Carol names Erin on an entry already submitted: Erin is pending and keeps all three slots.
    const shared = await submitted(carol);
    const named = await call("PATCH", `/api/entries/${shared.id}`, { as: carol.id, json: withCoauthor("Hồ Erin", erin.email) });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    for (let i = 0; i < 3; i++) await submitted(erin);
    // Accepting now would be a fourth: refused, and the co-authorship stays pending.
    const full = await answer(erin, shared.id, "accept");
    expect([full.status, full.body.error.code]).toEqual([409, "entryLimit"]);
    expect(full.body.error.message).toContain("Hồ Erin");
    const [link] = await database.db.select().from(entryAuthors).where(and(eq(entryAuthors.entryId, shared.id), eq(entryAuthors.userId, erin.id)));
    expect(link!.status).toBe("pending");

    // A draft naming a pending co-author cannot be submitted; the owner is told who must accept.
    const waiting = await draft(carol, withCoauthor("Vũ Dave", dave.email));
    const refused = await submit(carol, waiting.id);
    expect([refused.status, refused.body.error.code]).toEqual([409, "coauthorPending"]);
    expect(refused.body.error.message).toContain("Vũ Dave");
    expect(refused.body.error.message).toContain("1");
    const accepted = await answer(dave, waiting.id, "accept");
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ entryId: waiting.id, status: "accepted", position: 1, mainAuthor: "Phạm Carol", answerable: true });
    expect((await submit(carol, waiting.id)).status).toBe(200);
    // An e-mail without an account waits for nobody.
    expect((await submit(carol, (await draft(carol, withCoauthor("Người Lạ", `nguoi-la-${randomUUID()}@example.vn`))).id)).status).toBe(200);
  });

  it("lets the secretariat move a merely named journalist to the jury, not an accepted co-author", async () => {
    const named = await makeUser(database.db, "journalist", "Chỉ Được Nêu Tên");
    const consenting = await makeUser(database.db, "journalist", "Đã Đồng Ý");
    const entry = await submitted(carol);
    expect((await call("PATCH", `/api/entries/${entry.id}`, { as: carol.id, json: withCoauthor(named.name, named.email) })).status).toBe(200);
    const other = await draft(carol, withCoauthor(consenting.name, consenting.email));
    expect((await answer(consenting, other.id, "accept")).status).toBe(200);
    expect((await submit(carol, other.id)).status).toBe(200);
    const change = (who: User) => call("PATCH", `/api/admin/accounts/${who.id}`, { as: secretariat.id, json: { role: "juror", reason: "Mời vào Ban Giám khảo" } });
    const refused = await change(consenting);
    expect([refused.status, refused.body.error.code]).toEqual([409, "accountHasEntries"]);
    const moved = await change(named);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it("lets the co-author see, accept, decline and leave; the owner sees each answer", async () => {
    const frank = await makeUser(database.db, "journalist", "Lâm Frank");
    const entry = await draft(carol, withCoauthor("Lâm Frank", frank.email));
    const list = await call("GET", "/api/entries", { as: frank.id });
    expect(list.body.entries).toEqual([]);
    expect(list.body.coauthorships).toEqual([expect.objectContaining({ entryId: entry.id, title: "Người thầy bản Mông", status: "pending", mainAuthor: "Phạm Carol", answeredAt: null })]);

    // Accepting twice (and replaying a key) changes nothing the second time.
    expect((await answer(frank, entry.id, "accept", { "idempotency-key": "frank-accept" })).body.status).toBe("accepted");
    expect((await answer(frank, entry.id, "accept", { "idempotency-key": "frank-accept" })).headers.get("idempotent-replayed")).toBe("true");
    expect((await answer(frank, entry.id, "accept")).status).toBe(200);
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, entry.id), like(auditLog.action, "entry.coauthorship.%")));
    expect(audits.map((a) => [a.actorId, a.action, a.after])).toEqual([[frank.id, "entry.coauthorship.accept", { position: 1, status: "accepted" }]]);
    expect((await call("GET", `/api/entries/${entry.id}`, { as: carol.id })).body.authors[1].status).toBe("accepted");
    // The owner's later edits keep the answer given.
    expect((await call("PATCH", `/api/entries/${entry.id}`, { as: carol.id, json: { authors: [{ name: "Phạm Carol" }, { name: "Lâm Frank (sửa tên)", email: frank.email }] } })).body.authors[1].status).toBe("accepted");
    expect((await submit(carol, entry.id)).status).toBe(200);

    // Leaving a submitted entry before the deadline: the slot is freed, the owner sees it and
    // must take the name off before any further change.
    const left = await answer(frank, entry.id, "decline");
    expect(left.body).toMatchObject({ status: "declined", entryStatus: "submitted" });
    expect((await call("GET", `/api/entries/${entry.id}`, { as: carol.id })).body.authors[1].status).toBe("declined");
    const again = await answer(frank, entry.id, "accept");
    expect([again.status, again.body.error.code]).toEqual([409, "coauthorshipDeclined"]);
    expect((await answer(frank, entry.id, "decline")).status).toBe(200);

    const other = await draft(carol, withCoauthor("Lâm Frank", frank.email));
    expect((await answer(frank, other.id, "decline")).status).toBe(200);
    const blocked = await submit(carol, other.id);
    expect([blocked.status, blocked.body.error.code]).toEqual([409, "coauthorDeclined"]);
    expect(blocked.body.error.message).toContain("Lâm Frank");
    expect((await call("PATCH", `/api/entries/${other.id}`, { as: carol.id, json: { authors: [{ name: "Phạm Carol" }] } })).status).toBe(200);
    expect((await submit(carol, other.id)).status).toBe(200);
  });

  it("refuses the excluded roles on accept and on submit without naming the role", async () => {
    for (const staff of [juror, secretariat]) {
      const entry = await draft(carol, withCoauthor("Người Được Nêu Tên", staff.email));
      const before = await databaseState(database.db);
      const accept = await answer(staff, entry.id, "accept");
      expect([accept.status, accept.body.error.code]).toEqual([409, "coauthorNotAllowed"]);
      expect(accept.body.error.message).toBe("Tài khoản này không thể làm đồng tác giả tác phẩm dự thi.");
      expect(await databaseState(database.db)).toBe(before);

      const refused = await submit(carol, entry.id);
      expect([refused.status, refused.body.error.code]).toEqual([409, "coauthorExcluded"]);
      expect(refused.body.error.message).toContain("Người Được Nêu Tên");
      expect(refused.body.error.message).not.toMatch(ROLE_WORDS);
      expect(refused.body.error.fields).toBeUndefined();
      const english = await call("POST", `/api/entries/${entry.id}/submit`, { as: carol.id, headers: { "accept-language": "en" } });
      expect(english.body.error.message).not.toMatch(ROLE_WORDS);
      // Declining is always allowed; the entry then waits only for the owner to take the name off.
      expect((await answer(staff, entry.id, "decline")).body.status).toBe("declined");
      expect((await submit(carol, entry.id)).body.error.code).toBe("coauthorDeclined");
    }
  });

  it("lets only the linked co-author answer; everyone else gets what a missing entry gets", async () => {
    const gina = await makeUser(database.db, "journalist", "Tạ Gina");
    const entry = await draft(carol, withCoauthor("Tạ Gina", gina.email));
    const before = await databaseState(database.db);
    const missing = await answer(gina, randomUUID(), "accept");
    expect(missing.status).toBe(404);
    for (const who of [carol, dave, juror, secretariat]) {
      const res = await answer(who, entry.id, "accept");
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
    expect((await call("POST", `/api/entries/${entry.id}/coauthorship`, { json: { answer: "accept" } })).status).toBe(401);
    for (const json of [{ answer: "maybe" }, {}, { answer: "accept", extra: 1 }]) {
      const res = await call("POST", `/api/entries/${entry.id}/coauthorship`, { as: gina.id, json });
      expect([res.status, res.body.error.code]).toEqual([422, "validation"]);
    }
    expect(await databaseState(database.db)).toBe(before);
  });

  it("leaves a co-author who declined after submission out of the published results", async () => {
    const kim = await makeUser(database.db, "journalist", "Ông Kim Rút Tên");
    const entry = await draft(carol, withCoauthor(kim.name, kim.email));
    expect((await answer(kim, entry.id, "accept")).status).toBe(200);
    const sent = await submit(carol, entry.id);
    expect(sent.status).toBe(200);
    expect((await answer(kim, entry.id, "decline")).status).toBe(200);
    // Published as data: the prize flow itself is tested in prizes.test.ts.
    const [row] = await database.db.select({ contestId: entries.contestId }).from(entries).where(eq(entries.id, entry.id));
    const [contest] = await database.db.select().from(contests).where(eq(contests.id, row!.contestId));
    await database.db.update(entries).set({ eligibility: "eligible" }).where(eq(entries.id, entry.id));
    await database.db.insert(prizes).values({ contestId: contest!.id, entryId: entry.id, tier: "A" });
    await database.db.update(contests).set({ resultsPublishedAt: new Date() }).where(eq(contests.id, contest!.id));
    try {
      const results = await publishedResults(database.db, contest!.year);
      const prize = results!.categories.flatMap((c) => c.prizes).find((p) => p.entry.code === sent.body.code)!;
      expect(prize.authors.map((a) => a.name)).toEqual(["Phạm Carol"]);
      expect((await publishedWinner(database.db, contest!.year, sent.body.code))!.authors.map((a) => a.name)).toEqual(["Phạm Carol"]);
      const [document] = await loadWinnerDocuments(database.db, [entry.id]);
      expect(JSON.stringify(document)).not.toContain(kim.name);
      const found = await searchWinnersFallback(database.db, { q: "Kim Rút Tên", page: 1 });
      expect(JSON.stringify(await searchWinnersFallback(database.db, { q: "Phạm Carol", page: 1 }))).toContain(sent.body.code);
      expect(JSON.stringify(found)).not.toContain(sent.body.code);
    } finally {
      await database.db.update(contests).set({ resultsPublishedAt: null }).where(eq(contests.id, contest!.id));
      await database.db.delete(prizes).where(eq(prizes.entryId, entry.id));
    }
  });

  it("tells a newly named account by e-mail, once, and nobody for an e-mail without an account", async () => {
    const lien = await makeUser(database.db, "journalist", "Hà Liên");
    const nobody = `khong-tai-khoan-${randomUUID()}@example.vn`;
    const dir = path.join(process.env.DATA_DIR!, "mail");
    const mailsTo = async (email: string) => (await readdir(dir).catch(() => [] as string[])).filter((f) => f.includes(email.replace(/[^a-z0-9@._-]/gi, "_")));
    const entry = await draft(carol, { title: "Mùa vàng trên bậc thang", authors: [{ name: "Phạm Carol" }, { name: "Hà Liên", email: lien.email }, { name: "Người Ngoài", email: nobody }] });
    // Sent after the answer, not awaited by it.
    for (let i = 0; i < 50 && (await mailsTo(lien.email)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const [mail] = await mailsTo(lien.email);
    const text = await readFile(path.join(dir, mail!), "utf8");
    expect(text).toContain(`To: ${lien.email}`);
    // Where to answer: the journalist's list of entries.
    expect(text).toContain("/bai-du-thi");
    // Saving the list again with the same account does not ask again.
    expect((await call("PATCH", `/api/entries/${entry.id}`, { as: carol.id, json: { title: "Mùa vàng trên bậc thang (sửa)", authors: [{ name: "Phạm Carol" }, { name: "Hà Liên", email: lien.email }] } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(lien.email)).toHaveLength(1);
    expect(await mailsTo(nobody)).toHaveLength(0);
  });

  it("closes answers at the deadline, like every other change", async () => {
    const hai = await makeUser(database.db, "journalist", "Mai Hải");
    const entry = await draft(carol, withCoauthor("Mai Hải", hai.email));
    await setWindow(database.db, new Date(Date.now() - 60 * DAY), new Date(Date.now() - DAY));
    try {
      const late = await answer(hai, entry.id, "accept");
      expect([late.status, late.body.error.code]).toEqual([409, "deadlinePassed"]);
      expect(late.body.error.message).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      expect((await call("GET", "/api/entries", { as: hai.id })).body.coauthorships[0]).toMatchObject({ entryId: entry.id, status: "pending", answerable: false });
    } finally {
      await setWindow(database.db, new Date(Date.now() - 30 * DAY), new Date(Date.now() + 90 * DAY));
    }
  });
});
