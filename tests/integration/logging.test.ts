import "../support/env";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import { setLogDestination } from "@/lib/log";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser } from "../support/fixtures";

// Request lines are written at info; under tests the default level is warn.
vi.hoisted(() => {
  process.env.LOG_LEVEL = "info";
});

type Line = Record<string, unknown> & { reqId: string; status: number; err?: { stack?: string; message?: string } };

const written: string[] = [];
setLogDestination({ write: (line: string) => written.push(line) });
afterAll(() => setLogDestination());

/** The lines written since `from`, parsed: each must be one JSON object ending in a newline. */
function linesSince(from: number): Line[] {
  return written.slice(from).map((raw) => {
    expect(raw.endsWith("\n") && !raw.slice(0, -1).includes("\n"), raw).toBe(true);
    return JSON.parse(raw) as Line;
  });
}

const requestLines = (from: number) => linesSince(from).filter((l) => l.component === "api");

describe.each(databaseKinds)("request logs on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedContest(database.db, new Date());
  });
  afterAll(() => database.dispose());
  afterEach(() => {
    written.length = 0;
  });

  it("writes one JSON line per request with its id, method, path, status, duration and caller", async () => {
    const user = await makeUser(database.db, "journalist");
    const from = written.length;
    const anonymous = await call("GET", "/api/contests/current?q=nguyen+van+a");
    const signedIn = await call("GET", "/api/entries", { as: user.id });
    const refused = await call("GET", "/api/jury/assignments", { as: user.id });
    expect([anonymous.status, signedIn.status, refused.status]).toEqual([200, 200, 403]);

    const lines = requestLines(from);
    expect(lines).toHaveLength(3);
    const [a, b, c] = lines as [Line, Line, Line];
    expect(a).toMatchObject({ level: "info", method: "GET", path: "/api/contests/current", status: 200, role: null, userId: null });
    // The query string (search terms, names) is never logged.
    expect(JSON.stringify(a)).not.toContain("nguyen");
    expect(b).toMatchObject({ path: "/api/entries", status: 200, role: "journalist", userId: user.id });
    expect(c).toMatchObject({ path: "/api/jury/assignments", status: 403, role: "journalist", userId: user.id });
    for (const [line, res] of [[a, anonymous], [b, signedIn], [c, refused]] as const) {
      expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("x-request-id")).toBe(line.reqId);
      expect(typeof line.durationMs).toBe("number");
      expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
      expect(typeof line.time).toBe("string");
    }
    expect(new Set(lines.map((l) => l.reqId)).size).toBe(3);
    // Nothing about the account but its id and role.
    for (const secret of [user.email, user.name, user.passwordHash]) expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it("keeps a sane incoming x-request-id and replaces anything else", async () => {
    const sane = "lb-7f3a9c01.edge_42";
    const from = written.length;
    const kept = await call("GET", "/api/contests/current", { headers: { "x-request-id": sane } });
    expect(kept.headers.get("x-request-id")).toBe(sane);
    expect(requestLines(from)).toMatchObject([{ reqId: sane }]);

    for (const insane of ["short", "x".repeat(81), "has spaces in it", 'quote"injected":"yes', "café-au-lait-1234", "a\\b\\c\\d\\e\\f"]) {
      const at = written.length;
      const res = await call("GET", "/api/contests/current", { headers: { "x-request-id": insane } });
      const [line] = requestLines(at);
      expect(line!.reqId, insane).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("x-request-id")).toBe(line!.reqId);
      expect(written.slice(at).join("")).not.toContain(insane);
    }
  });

  it("never writes a sign-up's password, e-mail, phone or name, whether it succeeds, is refused or fails", async () => {
    const body = { name: "Hoàng Thị Nhật Ký", email: `nhat.ky.${Date.now()}@baomoi.vn`, password: "mat-khau-khong-duoc-ghi", phone: "0987 654 321", outlet: "Báo Nhân Dân" };
    const secrets = [body.name, body.email, body.password, body.phone, "0987654321"];
    const from = written.length;
    expect((await call("POST", "/api/account", { json: body, headers: { "x-forwarded-for": "203.0.113.50" } })).status).toBe(201);
    // The same e-mail again (409), a bad one with the password (422), and one refused as unknown JSON.
    expect((await call("POST", "/api/account", { json: body, headers: { "x-forwarded-for": "203.0.113.51" } })).status).toBe(409);
    expect((await call("POST", "/api/account", { json: { ...body, email: "nhat.ky@", role: "secretariat" }, headers: { "x-forwarded-for": "203.0.113.52" } })).status).toBe(422);
    expect((await call("POST", "/api/account", { json: `{"password":"${body.password}","email":"${body.email}"`, headers: { "x-forwarded-for": "203.0.113.53" } })).status).toBe(400);

    // A failure inside the database: the driver's error quotes the statement and its values.
    await database.db.execute(sql.raw("alter table users rename to users_away"));
    let failed;
    try {
      failed = await call("POST", "/api/account", { json: { ...body, email: `b.${body.email}` }, headers: { "x-forwarded-for": "203.0.113.54" } });
    } finally {
      await database.db.execute(sql.raw("alter table users_away rename to users"));
    }
    expect(failed.status).toBe(500);

    const lines = linesSince(from);
    expect(lines.filter((l) => l.component === "api").map((l) => l.status)).toEqual([201, 409, 422, 400, 500]);
    const error = lines.find((l) => l.status === 500)!;
    // The cause is there to debug with (the statement, not its values)...
    expect(error.err?.message).toMatch(/insert into "users"/i);
    expect(error.err?.stack).toMatch(/\n\s+at /);
    // ...but not one of the personal values, in any line.
    const text = written.slice(from).join("");
    for (const secret of [...secrets, `b.${body.email}`]) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/scrypt\$/);
  });

  it("answers an unexpected error with the generic message and the request id; the log has the stack", async () => {
    const user = await makeUser(database.db, "journalist");
    await database.db.execute(sql.raw("alter table contests rename to contests_away"));
    const from = written.length;
    let res;
    try {
      res = await call("GET", "/api/contests/current", { as: user.id, headers: { "x-request-id": "support-ticket-0042" } });
    } finally {
      await database.db.execute(sql.raw("alter table contests_away rename to contests"));
    }
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("support-ticket-0042");
    expect(res.body).toEqual({ error: { code: "internal", message: expect.any(String), requestId: "support-ticket-0042" } });
    const raw = await res.response.text();
    for (const leak of [/\bat\s+\S+\s+\(/, /\.ts:\d+/, /node_modules/, /select/i, /contests/, /relation/i, /Failed query/i]) expect(raw, String(leak)).not.toMatch(leak);

    const lines = requestLines(from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", reqId: "support-ticket-0042", status: 500, path: "/api/contests/current", role: "journalist", userId: user.id });
    expect(lines[0]!.err?.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(lines[0]!.err)).toMatch(/contests/);
  });

  it("sends the request id with every error, and logs refusals without a stack", async () => {
    const from = written.length;
    const missing = await call("GET", "/api/entries/not-a-uuid", { headers: { "x-request-id": "trace-0000000001" } });
    const anonymous = await call("GET", "/api/entries");
    expect([missing.status, anonymous.status]).toEqual([404, 401]);
    expect(missing.headers.get("x-request-id")).toBe("trace-0000000001");
    expect(anonymous.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(anonymous.body.error.requestId).toBeUndefined();
    const lines = requestLines(from);
    expect(lines.map((l) => [l.status, l.level, l.err])).toEqual([
      [404, "info", undefined],
      [401, "info", undefined],
    ]);
  });
});
