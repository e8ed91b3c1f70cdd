// Searching entries through the real handlers, on a real Meilisearch fed by the outbox drainer,
// and on the database when Meilisearch is down: the secretariat finds entries by folded author
// names with facets; a juror finds only their own assignments and, in a blind round, can neither
// see nor search by anything that names the author.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { assignments, type User } from "@/lib/db/schema";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { openClients, type SearchBackend } from "@/lib/search/connection";
import { drainOutbox, ensureEntriesIndex } from "@/lib/search/outbox";
import { rebuildEntriesIndex } from "@/lib/search/entry-index";
import { searchEntriesAsJuror, searchEntriesAsSecretariat } from "@/lib/search/entries";
import { defaultBackend } from "@/lib/search/stories";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";
import { closedPort } from "../support/search";

const AUTHOR = "Nguyễn Bút Danh Lộ";
const PEN = "Bút Lộ Diện";
const OUTLET = "Báo Riêng Tư Tác Giả";
const TITLES = ["Người giữ rừng Pù Luông", "Cô giáo cắm bản vùng cao", "Nông thôn mới từ đôi tay"];

describe.each(databaseKinds)("entries search on %s", (kind) => {
  let database: TestDatabase;
  let backend: SearchBackend;
  let down: SearchBackend;
  let author: User;
  let secretariat: User;
  let jurors: User[];
  let entryIds: string[];
  const mine = new Map<string, string[]>();

  const drain = async () => {
    const { admin } = await openClients(backend);
    while ((await drainOutbox(database.db, { admin }, { prefix: backend.indexPrefix })).claimed > 0);
  };

  beforeAll(async () => {
    if (!defaultBackend) throw new Error("MEILI_HOST is not set");
    backend = defaultBackend;
    down = { ...backend, host: `http://127.0.0.1:${await closedPort()}` };
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    // The handlers search the run's own `entries` index: start it from this database.
    const { admin } = await openClients(backend);
    await ensureEntriesIndex(database.db, admin, backend.indexPrefix);
    await rebuildEntriesIndex(admin, { prefix: backend.indexPrefix, db: database.db });
    author = await makeUser(database.db, "journalist", AUTHOR);
    secretariat = await makeUser(database.db, "secretariat", "Thư Ký");
    jurors = [await makeUser(database.db, "juror", "Giám Khảo Một"), await makeUser(database.db, "juror", "Giám Khảo Hai"), await makeUser(database.db, "juror", "Giám Khảo Ba")];
    entryIds = [];
    for (const [i, title] of TITLES.entries()) {
      const category = i === 2 ? { category: "online", url: "https://example.vn/bai" } : {};
      const res = await call("POST", "/api/entries", { as: author.id, json: { ...(await completeEntry(database.db)), ...category, title, outlet: OUTLET, authors: [{ name: AUTHOR, penName: PEN }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await call("POST", `/api/entries/${res.body.id}/attachments`, { as: author.id, body: form(pdf()) })).status).toBe(201);
      expect((await call("POST", `/api/entries/${res.body.id}/submit`, { as: author.id })).status).toBe(200);
      expect((await call("POST", `/api/admin/entries/${res.body.id}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } })).status).toBe(200);
      entryIds.push(res.body.id);
    }
    // A draft: never indexed, never found by anyone but its owner.
    await call("POST", "/api/entries", { as: author.id, json: { category: "print", title: "Bản nháp riêng tư", outlet: OUTLET } });

    // A blind round, one juror per entry: each juror has one entry and two they must never see.
    const round = { name: { vi: "Sơ khảo", en: "Preliminary" }, scope: { kind: "eligible" }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null };
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: round });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call("PUT", `/api/admin/rounds/${created.body.id}/jurors`, { as: secretariat.id, json: { jurors: jurors.map((j) => ({ jurorId: j.id, panels: [] })) } })).status).toBe(204);
    expect((await call("POST", `/api/admin/rounds/${created.body.id}/assignment`, { as: secretariat.id })).status).toBe(200);
    expect((await call("PATCH", `/api/admin/rounds/${created.body.id}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    for (const juror of jurors) {
      const rows = await database.db.select({ entryId: assignments.entryId }).from(assignments).where(and(eq(assignments.jurorId, juror.id), eq(assignments.roundId, created.body.id)));
      mine.set(juror.id, rows.map((r) => r.entryId).sort());
    }
    expect([...mine.values()].flat().sort()).toEqual([...entryIds].sort());
    await drain();
  });
  afterAll(() => database.dispose());

  const leaks = (body: unknown) => [AUTHOR, PEN, OUTLET, author.id, author.email].filter((s) => JSON.stringify(body).includes(s));

  it("lets the secretariat find entries by a folded author name, with highlights, facets and a total", async () => {
    const res = await call("GET", `/api/admin/entries/search?q=${encodeURIComponent("nguyen but danh lo")}`, { as: secretariat.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.degraded).toBe(false);
    expect(res.body.total).toBe(3);
    expect(res.body.hits.map((h: { id: string }) => h.id).sort()).toEqual([...entryIds].sort());
    expect(res.body.hits[0].authors).toEqual([AUTHOR]);
    expect(res.body.facets).toEqual({ status: { submitted: 3 }, category: { print: 2, online: 1 } });

    const titled = await call("GET", `/api/admin/entries/search?q=nguoi+giu+rung`, { as: secretariat.id });
    expect(titled.body.hits[0].title).toBe("<mark>Người</mark> <mark>giữ</mark> <mark>rừng</mark> Pù Luông");

    const narrowed = await call("GET", `/api/admin/entries/search?category=online&status=submitted`, { as: secretariat.id });
    expect(narrowed.body.total).toBe(1);
    expect(narrowed.body.facets.category).toEqual({ print: 2, online: 1 });
    expect((await call("GET", `/api/admin/entries/search?q=${encodeURIComponent("Bản nháp riêng tư")}`, { as: secretariat.id })).body.total).toBe(0);
  });

  it("refuses other roles and bad parameters", async () => {
    expect((await call("GET", "/api/admin/entries/search?q=a")).status).toBe(401);
    expect((await call("GET", "/api/admin/entries/search?q=a", { as: jurors[0]!.id })).status).toBe(403);
    expect((await call("GET", "/api/admin/entries/search?q=a", { as: author.id })).status).toBe(403);
    expect((await call("GET", "/api/jury/search?q=a", { as: secretariat.id })).status).toBe(403);
    const bad = await call("GET", "/api/admin/entries/search?status=draft&page=0&extra=1", { as: secretariat.id });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["extra", "page", "status"]);
  });

  it("gives a juror only their assigned entries, blind, and never matches on the author", async () => {
    for (const juror of jurors) {
      const all = await call("GET", "/api/jury/search?q=", { as: juror.id });
      expect(all.status).toBe(200);
      expect(all.body.degraded).toBe(false);
      expect(all.body.blind).toBe(true);
      expect(all.body.hits.map((h: { id: string }) => h.id).sort()).toEqual(mine.get(juror.id));
      expect(leaks(all.body)).toEqual([]);
      for (const q of [AUTHOR, "nguyen but danh lo", PEN, OUTLET, "rieng tu tac gia"]) {
        const probe = await call("GET", `/api/jury/search?q=${encodeURIComponent(q)}`, { as: juror.id });
        expect(probe.body.total, q).toBe(0);
      }
      // Titles of other jurors' entries find nothing either.
      for (const [i, title] of TITLES.entries()) {
        const found = await call("GET", `/api/jury/search?q=${encodeURIComponent(title)}`, { as: juror.id });
        expect(found.body.hits.map((h: { id: string }) => h.id)).toEqual(mine.get(juror.id)!.includes(entryIds[i]!) ? [entryIds[i]] : []);
        expect(leaks(found.body)).toEqual([]);
      }
    }
  });

  it("follows assignments: a removed assignment leaves the juror's search once drained", async () => {
    const juror = jurors[0]!;
    const [entryId] = mine.get(juror.id)!;
    expect((await call("POST", "/api/jury/conflicts", { as: juror.id, json: { entryId, reason: "Cùng cơ quan" } })).status).toBe(204);
    await drain();
    expect((await call("GET", "/api/jury/search?q=", { as: juror.id })).body.total).toBe(0);
    mine.set(juror.id, []);
  });

  it("answers from the database with unaccent when Meilisearch is down, with the same restrictions", async () => {
    const secretariatResult = await searchEntriesAsSecretariat(database.db, { q: "nguyen but danh lo", page: 1 }, down);
    expect(secretariatResult.degraded).toBe(true);
    expect(secretariatResult.total).toBe(3);
    expect(secretariatResult.facets).toEqual({ status: { submitted: 3 }, category: { print: 2, online: 1 } });
    const live = await searchEntriesAsSecretariat(database.db, { q: "nguoi giu rung", page: 1 }, backend);
    const fallback = await searchEntriesAsSecretariat(database.db, { q: "nguoi giu rung", page: 1 }, down);
    expect(fallback.hits[0]!.title).toBe(live.hits[0]!.title);
    expect(Object.keys(fallback.hits[0]!).sort()).toEqual(Object.keys(live.hits[0]!).sort());
    expect((await searchEntriesAsSecretariat(database.db, { q: "", status: "withdrawn", page: 1 }, down)).total).toBe(0);

    for (const juror of jurors) {
      const all = await searchEntriesAsJuror(database.db, juror.id, { q: "", page: 1 }, down);
      expect(all.degraded).toBe(true);
      expect(all.hits.map((h) => h.id).sort()).toEqual(mine.get(juror.id));
      expect(leaks(all)).toEqual([]);
      for (const q of ["nguyen but danh lo", "but lo dien", "bao rieng tu"]) expect((await searchEntriesAsJuror(database.db, juror.id, { q, page: 1 }, down)).total).toBe(0);
    }
  });
});
