import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { entries, idempotencyKeys } from "@/lib/db/schema";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";

describe.each(databaseKinds)("concurrency on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
  });
  afterAll(() => database.dispose());

  async function ready(ownerId: string) {
    const id = (await call("POST", "/api/entries", { as: ownerId, json: await completeEntry(database.db) })).body.id as string;
    expect((await call("POST", `/api/entries/${id}/attachments`, { as: ownerId, body: form(pdf()) })).status).toBe(201);
    return id;
  }

  it("creates one entry for retries of the same Idempotency-Key sent at once", async () => {
    const user = await makeUser(database.db);
    const json = { category: "print", title: "Gửi lại" };
    const results = await Promise.all(Array.from({ length: 8 }, () => call("POST", "/api/entries", { as: user.id, json, headers: { "idempotency-key": "create-1" } })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(7);
    expect(await database.db.select().from(entries).where(eq(entries.ownerId, user.id))).toHaveLength(1);

    const reused = await call("POST", "/api/entries", { as: user.id, json: { category: "radio" }, headers: { "idempotency-key": "create-1" } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotencyMismatch");
    // Keys belong to one user: another journalist's identical key is a different request.
    const stranger = await makeUser(database.db);
    const theirs = await call("POST", "/api/entries", { as: stranger.id, json, headers: { "idempotency-key": "create-1" } });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(results[0]!.body.id);
    expect((await call("POST", "/api/entries", { as: user.id, json, headers: { "idempotency-key": "bad key\u0001" } })).status).toBe(400);
  });

  it("does not store a key whose request failed, so a corrected retry goes through", async () => {
    const user = await makeUser(database.db);
    const id = (await call("POST", "/api/entries", { as: user.id, json: { category: "print" } })).body.id;
    const failed = await call("POST", `/api/entries/${id}/submit`, { as: user.id, headers: { "idempotency-key": "s-1" } });
    expect(failed.status).toBe(422);
    expect(await database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, user.id))).toHaveLength(0);
  });

  it("submits once when the same submit is sent twice at once, with and without a key", async () => {
    const user = await makeUser(database.db);
    const keyed = await ready(user.id);
    const withKey = await Promise.all(Array.from({ length: 5 }, () => call("POST", `/api/entries/${keyed}/submit`, { as: user.id, headers: { "idempotency-key": `submit-${keyed}` } })));
    expect(withKey.map((r) => r.status)).toEqual(Array(5).fill(200));
    expect(new Set(withKey.map((r) => r.body.code)).size).toBe(1);

    const bare = await ready(user.id);
    const without = await Promise.all([call("POST", `/api/entries/${bare}/submit`, { as: user.id }), call("POST", `/api/entries/${bare}/submit`, { as: user.id })]);
    expect(without.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(without.find((r) => r.status === 409)!.body.error.code).toBe("alreadySubmitted");
  });

  it("hands out distinct, consecutive codes to many simultaneous submissions", async () => {
    const authors = await Promise.all(Array.from({ length: 12 }, () => makeUser(database.db)));
    const ids = await Promise.all(authors.map((a) => ready(a.id)));
    const results = await Promise.all(ids.map((id, i) => call("POST", `/api/entries/${id}/submit`, { as: authors[i]!.id })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const codes = results.map((r) => r.body.code as string).sort();
    expect(new Set(codes).size).toBe(codes.length);
    const numbers = codes.map((c) => Number(c.split("-")[1]));
    expect(numbers.at(-1)! - numbers[0]!).toBe(codes.length - 1);
    const rows = await database.db.select().from(entries).where(inArray(entries.id, ids));
    expect(rows.every((r) => r.status === "submitted")).toBe(true);
  });

  it("never lets one author pass the limit through parallel submits", async () => {
    const user = await makeUser(database.db);
    const ids = await Promise.all(Array.from({ length: 5 }, () => ready(user.id)));
    const results = await Promise.all(ids.map((id) => call("POST", `/api/entries/${id}/submit`, { as: user.id })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "entryLimit")).toBe(true);
  });
});
