// Liveness and readiness: /api/health answers without touching anything; /api/health/ready
// reports the database (503 when down), search, the outbox backlog and whether uploads can be written.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { installDatabase, type DatabaseHandle, type Db } from "@/lib/db/client";
import { readiness } from "@/lib/ops/readiness";
import { getStorage } from "@/lib/storage";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, makeUser } from "../support/fixtures";

const brokenDatabase = (): DatabaseHandle => ({
  kind: "postgres",
  close: async () => undefined,
  db: { execute: () => Promise.reject(new Error("connection refused")) } as unknown as Db,
});

describe.each(databaseKinds)("health and readiness on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
  });
  afterAll(() => database.dispose());

  it("reports a ready instance: database latency, outbox backlog, writable storage", async () => {
    const res = await call("GET", "/api/health/ready");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({ database: { ok: true }, storage: { ok: true, writable: true }, outbox: { pending: 0, failing: 0, oldestPendingSeconds: null } });
    expect(res.body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(["ok", "degraded"]).toContain(res.body.search);
    // Without a reachable Meilisearch the instance still serves (search falls back): degraded, not down.
    expect(res.body.status).toBe(res.body.search === "ok" ? "ok" : "degraded");
  });

  it("counts the outbox backlog an entry change leaves behind", async () => {
    const author = await makeUser(database.db);
    const created = await call("POST", "/api/entries", { as: author.id, json: await completeEntry(database.db) });
    expect(created.status).toBe(201);
    await database.db.execute(sql`update search_outbox set created_at = now() - interval '90 seconds', attempts = 1 where processed_at is null`);
    const report = await readiness({ search: async () => "ok" });
    expect(report.status).toBe("ok");
    expect(report.outbox!.pending).toBeGreaterThan(0);
    expect(report.outbox!.failing).toBe(report.outbox!.pending);
    expect(report.outbox!.oldestPendingSeconds).toBeGreaterThanOrEqual(90);
    await database.db.execute(sql`update search_outbox set processed_at = now() where processed_at is null`);
  });

  it("is degraded, still 200, when search or storage cannot serve", async () => {
    expect((await readiness({ search: async () => "degraded" })).status).toBe("degraded");
    const readOnly = await readiness({ search: async () => "ok", storage: () => ({ ...getStorage(), probe: async () => ({ ok: true, writable: false }) }) });
    expect(readOnly).toMatchObject({ status: "degraded", storage: { ok: true, writable: false }, database: { ok: true } });
    const failing = await readiness({ search: async () => "ok", storage: () => ({ ...getStorage(), probe: () => Promise.reject(new Error("EIO")) }) });
    expect(failing.storage).toEqual({ ok: false, writable: false });
  });

  it("is down with 503 when the database fails or hangs, while liveness still answers 200", async () => {
    installDatabase(brokenDatabase());
    try {
      const res = await call("GET", "/api/health/ready");
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: "down", database: { ok: false, latencyMs: null }, outbox: null });
      const live = await call("GET", "/api/health");
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: "ok" });
    } finally {
      installDatabase(database);
    }
    const started = performance.now();
    const hung = await readiness({ database: () => new Promise<DatabaseHandle>(() => undefined), search: async () => "ok", timeoutMs: 200 });
    expect(hung.status).toBe("down");
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
