// The guard is the whole HTTP boundary: every method of every route handler under app/ is made by
// `guard` or its public mode (recognised by the brand they carry, not by reading source), the
// public mode is kept to the routes that must answer without a session or a database, and it
// never reads a session or opens the database itself. The authorisation table
// (authorization.test.ts) checks that each of these routes has its rows.
import "../support/env";
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { API_POLICY, DOWNLOAD_HEADERS, json } from "@/lib/http/response";
import { publicGuard } from "@/lib/http/route";
import { setLogDestination } from "@/lib/log";
import { call, sessionCookie } from "../support/api";
import { loadRoutes } from "../support/routes";

// What the public mode must never do, counted; the database behaves as if it were down.
const touched = vi.hoisted(() => {
  process.env.LOG_LEVEL = "info";
  return { getDb: 0, getDatabase: 0, callerFromCookies: 0, decode: 0 };
});
vi.mock("@/lib/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/client")>();
  const down = () => Promise.reject(new AppError(503, "databaseUnavailable"));
  return {
    ...actual,
    getDb: () => (touched.getDb++, down()),
    getDatabase: () => (touched.getDatabase++, down()),
  };
});
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...actual, callerFromCookies: (...args: Parameters<typeof actual.callerFromCookies>) => (touched.callerFromCookies++, actual.callerFromCookies(...args)) };
});
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...actual, decode: (...args: Parameters<typeof actual.decode>) => (touched.decode++, actual.decode(...args)) };
});

const written: string[] = [];
setLogDestination({ write: (line: string) => written.push(line) });
afterAll(() => setLogDestination());

// The routes that answer without a session or a database: liveness and readiness (which must
// report the database down, not be refused by it), the public search (it falls back by itself),
// next-auth's endpoints (which make sessions rather than check them), and the publication of stories
// (its caller proves itself with the token in DATA_DIR, not a session), the stories' preview
// images past PRERENDERED_STORIES (rendered on their first request), and the feeds and
// statistics tables a publication renders again.
const PUBLIC_MODE = ["/[locale]/feed.xml", "/[locale]/statistics/csv/[table]", "/api/[...path]", "/api/auth/[...nextauth]", "/api/content/published", "/api/health", "/api/health/ready", "/api/search", "/og/[locale]/story/[slug]"];

describe("route handlers", () => {
  it("are every one made by the guard; only build-time files are outside it", { timeout: 60_000 }, async () => {
    const routes = await loadRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const outside: string[] = [];
    for (const route of routes) {
      expect(route.methods.length, route.file).toBeGreaterThan(0);
      for (const { method, mode } of route.methods) {
        if (mode) continue;
        // Movements' preview images are rendered once, by `next build`, and served as files: no
        // request ever runs them. Anything that answers at request time is guarded (the feeds and
        // statistics tables too: a publication has them rendered again).
        const prerendered = route.module.dynamic === "force-static" && route.module.dynamicParams === false && !route.path.startsWith("/api/");
        if (!prerendered) outside.push(`${method} ${route.file}`);
      }
    }
    expect(outside).toEqual([]);
    const prerendered = routes.filter((r) => r.methods.some((m) => !m.mode)).map((r) => r.path);
    expect(prerendered.sort()).toEqual(["/og/[locale]/movement/[slug]"]);
  });

  it("use the public mode only where no session or database may be needed", { timeout: 60_000 }, async () => {
    const routes = await loadRoutes();
    const publicRoutes = routes.filter((r) => r.methods.some((m) => m.mode === "public")).map((r) => r.path);
    expect(publicRoutes.sort()).toEqual(PUBLIC_MODE);
  });
});

describe("the guard's public mode", () => {
  beforeEach(() => {
    Object.assign(touched, { getDb: 0, getDatabase: 0, callerFromCookies: 0, decode: 0 });
  });
  const nobodyTouched = () => expect(touched).toEqual({ getDb: 0, getDatabase: 0, callerFromCookies: 0, decode: 0 });
  // A well-formed session of an account that may or may not exist: the public mode never looks.
  const signedIn = async () => ({ cookie: await sessionCookie(randomUUID()) });
  const apiLines = (from: number) => written.slice(from).map((l) => JSON.parse(l)).filter((l) => l.component === "api");

  const probe = publicGuard(
    { params: z.object({ id: z.uuid() }), query: z.object({ n: z.coerce.number().int().max(9).optional(), tag: z.array(z.string()).optional() }).strict() },
    async (ctx) => {
      if (ctx.query.n === 7) throw new Error("boom");
      return json({ context: Object.keys(ctx).sort(), params: ctx.params, query: ctx.query });
    },
  );
  const hit = async (path: string, init: RequestInit = {}) => {
    const id = path.split("/")[2]!.split("?")[0]!;
    return probe(new Request(`http://localhost${path}`, init), { params: Promise.resolve({ id }) });
  };

  it("gives a handler the request, params, query, language, request id and logger, and nothing of a session or database", async () => {
    const headers = await signedIn();
    const from = written.length;
    const id = randomUUID();
    const res = await hit(`/probe/${id}?n=3&tag=a&tag=b`, { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ context: ["locale", "log", "params", "query", "req", "requestId"], params: { id }, query: { n: 3, tag: ["a", "b"] } });
    const [line] = apiLines(from);
    expect(line).toMatchObject({ component: "api", path: `/probe/${id}`, status: 200, role: null, userId: null });
    expect(res.headers.get("x-request-id")).toBe(line.reqId);
    nobodyTouched();
  });

  it("validates params (404) and the query string (422, a localised message per parameter; 400 for a repeated one)", async () => {
    expect((await hit("/probe/not-a-uuid")).status).toBe(404);
    const bad = await hit(`/probe/${randomUUID()}?n=12&x=1`, { headers: { "accept-language": "en" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toEqual({
      code: "validation",
      message: "Some fields are not valid.",
      fields: { n: "At most 9.", x: "This field is not accepted." },
    });
    // Repeated, whatever else is wrong: the request is malformed (400), and says which parameter.
    const twice = await hit(`/probe/${randomUUID()}?n=1&n=2&x=1`);
    expect(twice.status).toBe(400);
    expect((await twice.json()).error).toMatchObject({ code: "repeatedParameter", fields: { n: "Chỉ nêu tham số này một lần." } });
    // A parameter named __proto__ is an unknown parameter like any other, not a prototype.
    const proto = await hit(`/probe/${randomUUID()}?__proto__=x`);
    expect(proto.status).toBe(422);
    expect(Object.keys((await proto.json()).error.fields)).toEqual(["__proto__"]);
    nobodyTouched();
  });

  it("maps errors: cross-origin writes 403, a crash 500 with the request id to quote, logged with its stack", async () => {
    const cross = await hit(`/probe/${randomUUID()}`, { method: "POST", headers: { origin: "https://evil.example", host: "localhost" } });
    expect(cross.status).toBe(403);
    expect((await cross.json()).error.code).toBe("crossOrigin");
    const from = written.length;
    const crash = await hit(`/probe/${randomUUID()}?n=7`);
    expect(crash.status).toBe(500);
    const body = await crash.json();
    expect(body.error).toMatchObject({ code: "internal", requestId: crash.headers.get("x-request-id") });
    expect(JSON.stringify(body)).not.toContain("boom");
    expect(apiLines(from)[0]).toMatchObject({ level: "error", status: 500, err: { message: "boom" } });
    nobodyTouched();
  });

  it("gives an API response the API's own policy, unless its handler set one (a download's sandbox)", async () => {
    for (const res of [await hit(`/probe/${randomUUID()}`), await hit("/probe/not-a-uuid")]) {
      expect(res.headers.get("content-security-policy")).toBe(API_POLICY);
    }
    const download = publicGuard({}, async () => new Response("%PDF-1.7", { headers: { "content-type": "application/pdf", ...DOWNLOAD_HEADERS } }));
    const file = await download(new Request("http://localhost/file"), { params: Promise.resolve({}) });
    expect(file.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    nobodyTouched();
  });

  it("answers a path no route has with the API's JSON 404 in the caller's language, under the API's policy", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await call(method, "/api/khong-co-duong-nay", { headers: { "accept-language": "vi", origin: "http://localhost" } });
      expect(res.status, method).toBe(404);
      expect(res.body.error.code, method).toBe("notFound");
      expect(res.headers.get("content-security-policy"), method).toBe(API_POLICY);
    }
    const english = await call("GET", "/api/no-such-path", { headers: { "accept-language": "en" } });
    expect(english.body.error.message).toMatch(/not found|no longer/i);
    nobodyTouched();
  });

  it("answers liveness and the public search with a session cookie and the database down, never reading either", async () => {
    const headers = await signedIn();
    const live = await call("GET", "/api/health", { headers });
    expect([live.status, live.body]).toEqual([200, { status: "ok" }]);
    // Without words no prize-winner is looked for, so nothing here may open the database.
    const search = await call("GET", "/api/search?locale=vi", { headers });
    expect(search.status).toBe(200);
    expect(search.body.total).toBeGreaterThan(0);
    const refused = await call("GET", "/api/search?year=20x4", { headers });
    expect([refused.status, refused.body.error.code, Object.keys(refused.body.error.fields)]).toEqual([422, "validation", ["year"]]);
    nobodyTouched();
  });

  it("lets readiness report the database down itself: 503 with its report, no session read", async () => {
    const ready = await call("GET", "/api/health/ready", { headers: await signedIn() });
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: "down", database: { ok: false, latencyMs: null }, outbox: null });
    // The handler's own probe, once; the guard opened nothing before it.
    expect(touched).toEqual({ getDb: 0, getDatabase: 1, callerFromCookies: 0, decode: 0 });
  });

  it("is what the guard with a session is not: that one reads the session and opens the database", async () => {
    const res = await call("GET", "/api/contests/current", { headers: await signedIn() });
    expect([res.status, res.body.error.code]).toEqual([503, "databaseUnavailable"]);
    expect(touched.getDb).toBe(1);
  });
});
