// Calls the real route handlers with real Request objects, as Next.js would.
import { encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Module = Partial<Record<Method, Handler>>;

// Every route handler under app/ (app/api, app/og, the feeds and tables under app/[locale]), found
// the way Next.js finds them: a URL segment matches a folder of the same name or a [param] folder,
// and route groups are no segment. Modules load on first use, so a suite only imports the routes
// it calls.
const modules = import.meta.glob<Module>(["/app/**/route.ts", "/app/**/route.tsx"]);
const table = Object.keys(modules)
  .map((file) => {
    const segments = file.replace(/^\/app/, "").replace(/\/route\.tsx?$/, "").split("/").slice(1).filter((s) => !/^\(.*\)$/.test(s));
    const names: string[] = [];
    const source = segments.map((segment) => {
      const param = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param[1]!);
      return "([^/?]+)";
    });
    // Static folders win over [param] folders, as in Next.js.
    const dynamicCount = names.length;
    return { pattern: new RegExp(`^/${source.join("/")}(?:\\?.*)?$`), load: modules[file]!, names, dynamicCount };
  })
  .sort((a, b) => a.dynamicCount - b.dynamicCount);

/** A session as next-auth issues it at sign-in: the account and its session version then (`sv`). */
export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  const token = await encode({ token: { sub: userId, sv: sessionVersion }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

/**
 * The account's session version now: `as` signs in afresh on every call. 0 for no such account,
 * or while the database is down (the outage tests call through it).
 */
export async function currentSessionVersion(userId: string): Promise<number> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return 0;
  try {
    const [row] = await (await getDb()).select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId));
    return row?.sv ?? 0;
  } catch {
    return 0;
  }
}

export type CallOptions = { as?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read response bodies ad hoc
export type CallResult = { status: number; headers: Headers; body: any; response: Response };

/** call("POST", "/api/entries", { as: userId, json: {...} }) */
export async function call(method: Method, path: string, options: CallOptions = {}): Promise<CallResult> {
  for (const { pattern, load, names } of table) {
    const match = pattern.exec(path);
    if (!match) continue;
    const handler = (await load())[method];
    if (!handler) throw new Error(`${method} ${path} has no handler`);
    const headers = new Headers({ "x-forwarded-for": "198.51.100.7", ...options.headers });
    if (options.as) headers.set("cookie", await sessionCookie(options.as, await currentSessionVersion(options.as)));
    let body = options.body;
    if (options.json !== undefined) {
      body = typeof options.json === "string" ? options.json : JSON.stringify(options.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    const response = await handler(new Request(`http://localhost${path}`, { method, headers, body, duplex: "half" } as RequestInit), { params: Promise.resolve(params) });
    const text = response.headers.get("content-type")?.includes("json") ? await response.clone().text() : "";
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, response };
  }
  throw new Error(`no route for ${path}`);
}
