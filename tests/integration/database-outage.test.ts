// PostgreSQL going away under a running instance: requests fail at once with 503 and the
// "temporarily unavailable" message (not 500), readiness says the database is down, nothing is
// half-written, and service comes back by itself. The outage is real: the pool talks to the
// server through a TCP relay that this test closes (refusing new connections, cutting the open
// ones) and opens again.
import "../support/env";
import { randomBytes } from "node:crypto";
import { createServer, connect, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, installDatabase, openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { seedContest } from "@/lib/db/seed";
import type { User } from "@/lib/db/schema";
import { setLogDestination } from "@/lib/log";
import { call } from "../support/api";
import { databaseState, makeUser } from "../support/fixtures";

const base = process.env.TEST_DATABASE_URL;

/** A TCP relay to PostgreSQL that can be cut and restored on the same port. */
function relay(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((incoming) => {
        const outgoing = connect(Number(target.port || 5432), target.hostname);
        for (const s of [incoming, outgoing]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => undefined);
        }
        incoming.pipe(outgoing).pipe(incoming);
      });
      server.on("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  return { open, cut, port: () => port };
}

describe.skipIf(!base)("PostgreSQL outage", () => {
  const name = `lantoa_outage_${randomBytes(5).toString("hex")}`;
  const link = relay(new URL(base ?? "postgres://x"));
  let handle: DatabaseHandle;
  let owner: User;
  const logged: { component?: string; msg?: string; status?: number }[] = [];

  beforeAll(async () => {
    setLogDestination({ write: (line: string) => logged.push(JSON.parse(line)) });
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    await link.open();
    const url = new URL(base!);
    url.hostname = "127.0.0.1";
    url.port = String(link.port());
    url.pathname = `/${name}`;
    handle = await openDatabase({ url: url.toString() });
    installDatabase(handle);
    await seedContest(handle.db, new Date());
    owner = await makeUser(handle.db);
  });

  afterAll(async () => {
    setLogDestination();
    await handle?.close();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("answers 503 at once while the database is gone, and recovers by itself", async () => {
    const entry = { category: "print", title: "Trước sự cố" };
    expect((await call("POST", "/api/entries", { as: owner.id, json: entry })).status).toBe(201);
    const before = await databaseState(handle.db);

    await link.cut();
    // The cut connections are noticed by the pool; readiness then probes a new one and fails.
    const deadline = Date.now() + 5_000;
    while ((await call("GET", "/api/health/ready")).status !== 503) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 50));
    }
    const ready = await call("GET", "/api/health/ready");
    expect(ready.body).toMatchObject({ status: "down", database: { ok: false } });
    // What every caller of getDb() sees (pages and the sign-in form too, not only the guard).
    await expect(getDb()).rejects.toMatchObject({ status: 503, code: "databaseUnavailable" });

    const failures = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const read = await call("GET", "/api/entries", { as: owner.id, headers: { "accept-language": "en" } });
      const write = await call("POST", "/api/entries", { as: owner.id, json: { ...entry, title: "Trong sự cố" }, headers: { "idempotency-key": "during-outage", "accept-language": "en" } });
      failures.push({ read: read.status, write: write.status, ms: performance.now() - started, message: read.body.error.message });
    }
    expect(failures.map((f) => [f.read, f.write])).toEqual(Array(10).fill([503, 503]));
    expect(failures[0]!.message).toBe("The service is temporarily unavailable. Please try again shortly.");
    // A refused connection, not a timeout: two requests well under a second.
    expect(Math.max(...failures.map((f) => f.ms))).toBeLessThan(1_000);
    // One line says the database is gone (not one per request); each refused request is logged as a 503.
    expect(logged.filter((l) => l.component === "db" && l.msg?.includes("cannot be reached"))).toHaveLength(1);
    expect(logged.filter((l) => l.component === "api" && l.status === 503).length).toBeGreaterThanOrEqual(20);

    await link.open();
    const back = await call("GET", "/api/entries", { as: owner.id });
    expect(back.status).toBe(200);
    expect(back.body.entries).toHaveLength(1);
    // Nothing of the refused write was kept; retried with its key it is done once.
    expect(await databaseState(handle.db)).toBe(before);
    const retried = await call("POST", "/api/entries", { as: owner.id, json: { ...entry, title: "Trong sự cố" }, headers: { "idempotency-key": "during-outage" } });
    expect(retried.status).toBe(201);
    const replay = await call("POST", "/api/entries", { as: owner.id, json: { ...entry, title: "Trong sự cố" }, headers: { "idempotency-key": "during-outage" } });
    expect(replay.body.id).toBe(retried.body.id);
    expect((await call("GET", "/api/entries", { as: owner.id })).body.entries).toHaveLength(2);
    expect((await call("GET", "/api/health/ready")).body.database.ok).toBe(true);
  });
});
