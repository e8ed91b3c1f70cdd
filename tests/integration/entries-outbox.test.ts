// The search outbox against a real Meilisearch and a real database: changes made while
// Meilisearch is down reach the index once it is back, in their final state, none lost or
// doubled; a drainer killed between sending and marking resumes without loss; a rebuild swaps.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { Meilisearch } from "meilisearch";
import { seedContest } from "@/lib/db/seed";
import { entries, searchOutbox, type User } from "@/lib/db/schema";
import { openClients } from "@/lib/search/connection";
import { indexUid } from "@/lib/search/indexer";
import { entriesIndex } from "@/lib/search/settings";
import { rebuildEntriesIndex, type EntryDocument } from "@/lib/search/entry-index";
import { drainOutbox, ensureEntriesIndex, runOutboxDrainer, type DrainClients } from "@/lib/search/outbox";
import { outboxBacklog } from "@/lib/search/health";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";
import { closedPort, dropTestIndexes, testBackend } from "../support/search";

describe.each(databaseKinds)("search outbox on %s", (kind) => {
  const backend = testBackend();
  let database: TestDatabase;
  let author: User;
  let secretariat: User;
  let live: DrainClients;
  let down: DrainClients;
  const uid = indexUid(backend.indexPrefix, entriesIndex.name);

  const drainAll = async (clients: DrainClients) => {
    let total = 0;
    for (;;) {
      const { claimed } = await drainOutbox(database.db, clients, { prefix: backend.indexPrefix, batchSize: 3 });
      if (claimed === 0) return total;
      total += claimed;
    }
  };
  const indexed = async () => {
    const { results } = await live.admin.index(uid).getDocuments<EntryDocument>({ limit: 1000 });
    return results;
  };
  /** What the index must hold: every entry that is not a draft, as the database has it now. */
  const expected = async () => {
    const rows = await database.db.select().from(entries).where(ne(entries.status, "draft")).orderBy(asc(entries.id));
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, eligibility: r.eligibility ?? "pending" }));
  };
  const actual = async () =>
    (await indexed()).map((d) => ({ id: d.id, title: d.title, status: d.status, eligibility: d.eligibility })).sort((a, b) => (a.id < b.id ? -1 : 1));

  // Each author may submit three entries: every test writes as an author of its own.
  async function submitted(title: string): Promise<string> {
    const res = await call("POST", "/api/entries", { as: author.id, json: { ...(await completeEntry(database.db)), title } });
    expect(res.status).toBe(201);
    expect((await call("POST", `/api/entries/${res.body.id}/attachments`, { as: author.id, body: form(pdf()) })).status).toBe(201);
    expect((await call("POST", `/api/entries/${res.body.id}/submit`, { as: author.id })).status).toBe(200);
    return res.body.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
    author = await makeUser(database.db, "journalist", "Đỗ Thu Hà");
    secretariat = await makeUser(database.db, "secretariat", "Thư Ký");
    live = { admin: (await openClients(backend)).admin };
    down = { admin: new Meilisearch({ host: `http://127.0.0.1:${await closedPort()}`, timeout: 1_000 }) };
    expect(await ensureEntriesIndex(database.db, live.admin, backend.indexPrefix)).toBe("rebuilt");
  });
  afterAll(async () => {
    await dropTestIndexes(backend);
    await database.dispose();
  });

  it("writes an outbox row with every create, change, submit, withdraw, delete and eligibility decision", async () => {
    const before = (await database.db.select().from(searchOutbox)).length;
    const draft = await call("POST", "/api/entries", { as: author.id, json: { category: "print", title: "Nháp" } });
    await call("PATCH", `/api/entries/${draft.body.id}`, { as: author.id, json: { title: "Nháp hai" } });
    await call("DELETE", `/api/entries/${draft.body.id}`, { as: author.id });
    const id = await submitted("Một bài"); // create, attachment, submit
    await call("POST", `/api/admin/entries/${id}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } });
    await call("POST", `/api/entries/${id}/withdraw`, { as: author.id });
    const rows = await database.db.select().from(searchOutbox).orderBy(asc(searchOutbox.id));
    expect(rows.slice(before).map((r) => r.op)).toEqual(["upsert", "upsert", "delete", "upsert", "upsert", "upsert", "upsert", "upsert"]);
    await drainAll(live);
    expect(await actual()).toEqual(await expected());
  });

  it("keeps changes made while Meilisearch is down and delivers them all when it is back", async () => {
    author = await makeUser(database.db, "journalist", "Hoàng Văn Nam");
    const ids: string[] = [];
    for (const title of ["Người giữ rừng", "Cô giáo cắm bản", "Nông thôn mới"]) ids.push(await submitted(title));
    for (let n = 1; n <= 3; n++) {
      for (const id of ids) expect((await call("PATCH", `/api/entries/${id}`, { as: author.id, json: { title: `Sửa lần ${n} – ${id.slice(0, 4)}` } })).status).toBe(200);
    }
    await call("POST", `/api/admin/entries/${ids[0]}/eligibility`, { as: secretariat.id, json: { decision: "ineligible", reason: "Ngoài thời gian" } });
    await call("POST", `/api/entries/${ids[1]}/withdraw`, { as: author.id });

    // Down: the drain fails, nothing is marked, the failure is recorded on the rows.
    await expect(drainOutbox(database.db, down, { prefix: backend.indexPrefix })).rejects.toThrow();
    const pending = await database.db.select().from(searchOutbox).where(isNull(searchOutbox.processedAt));
    expect(pending.length).toBeGreaterThanOrEqual(ids.length * 5);
    expect(pending.every((r) => r.attempts >= 1 && r.lastError)).toBe(true);
    const backlog = await outboxBacklog(database.db);
    expect(backlog.pending).toBe(pending.length);
    expect(backlog.failing).toBe(pending.length);

    // The loop keeps retrying with backoff while down, and drains as soon as it is back.
    let up = false;
    const logs: string[] = [];
    const drainer = runOutboxDrainer({ db: async () => database.db, clients: async () => (up ? live : down), prefix: backend.indexPrefix, pollMs: 50, maxBackoffMs: 200, batchSize: 4, log: (m) => logs.push(m) });
    await new Promise((r) => setTimeout(r, 400));
    expect((await outboxBacklog(database.db)).pending).toBe(pending.length);
    up = true;
    const back = Date.now();
    while ((await outboxBacklog(database.db)).pending > 0) {
      expect(Date.now() - back).toBeLessThan(5_000);
      await new Promise((r) => setTimeout(r, 50));
    }
    await drainer.stop();
    expect(logs.some((m) => m.includes("recovered"))).toBe(true);

    const docs = await actual();
    expect(docs).toEqual(await expected());
    // The last change of each entry won, whatever order the rows were drained in.
    for (const id of ids) expect(docs.find((d) => d.id === id)!.title).toBe(`Sửa lần 3 – ${id.slice(0, 4)}`);
    expect(docs.find((d) => d.id === ids[0])!.eligibility).toBe("ineligible");
    expect(docs.find((d) => d.id === ids[1])!.status).toBe("withdrawn");
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it("resumes without loss after a drainer dies between sending and marking done", async () => {
    author = await makeUser(database.db, "journalist", "Lê Văn Ba");
    const id = await submitted("Bài trước sự cố");
    await call("PATCH", `/api/entries/${id}`, { as: author.id, json: { title: "Bài sau sự cố" } });
    const crash = drainOutbox(database.db, live, { prefix: backend.indexPrefix, afterSend: async () => Promise.reject(new Error("killed")) });
    await expect(crash).rejects.toThrow("killed");
    // Meilisearch has the document, the rows are still pending.
    expect((await indexed()).find((d) => d.id === id)?.title).toBe("Bài sau sự cố");
    const rows = await database.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, id));
    expect(rows.every((r) => r.processedAt === null && r.attempts === 1)).toBe(true);

    // Changed again before the next drain: the resumed drain sends the newest state, once.
    await call("PATCH", `/api/entries/${id}`, { as: author.id, json: { title: "Bài sửa lại" } });
    await drainAll(live);
    const after = await database.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, id));
    expect(after.every((r) => r.processedAt !== null)).toBe(true);
    expect(await actual()).toEqual(await expected());
    expect((await indexed()).filter((d) => d.id === id).map((d) => d.title)).toEqual(["Bài sửa lại"]);
  });

  it("rebuilds the index from the database and swaps it in, queueing again what was drained meanwhile", async () => {
    await drainAll(live);
    const processedBefore = await database.db.select({ id: searchOutbox.id }).from(searchOutbox);
    const result = await rebuildEntriesIndex(live.admin, { prefix: backend.indexPrefix, db: database.db });
    expect(result.documents).toBe((await expected()).length);
    expect(result.requeued).toBe(0);
    expect(await actual()).toEqual(await expected());
    const { results } = await live.admin.getRawIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((u) => u.startsWith(backend.indexPrefix))).toEqual([uid]);
    // Nothing pending was touched.
    const stillDone = await database.db.select().from(searchOutbox).where(inArray(searchOutbox.id, processedBefore.map((r) => r.id)));
    expect(stillDone.every((r) => r.processedAt !== null)).toBe(true);
  });

  it.runIf(kind === "postgres")("lets two drainers share the outbox without sending a row twice or out of order", async () => {
    author = await makeUser(database.db, "journalist", "Trần Thị Tư");
    const ids: string[] = [];
    for (const title of ["Song song một", "Song song hai"]) ids.push(await submitted(title));
    for (let n = 1; n <= 4; n++) for (const id of ids) await call("PATCH", `/api/entries/${id}`, { as: author.id, json: { title: `Song song ${n} ${id.slice(0, 4)}` } });
    const drains = async () => {
      for (;;) if ((await drainOutbox(database.db, live, { prefix: backend.indexPrefix, batchSize: 2 })).claimed === 0) return;
    };
    await Promise.all([drains(), drains(), drains()]);
    expect((await outboxBacklog(database.db)).pending).toBe(0);
    expect(await actual()).toEqual(await expected());
  });
});
