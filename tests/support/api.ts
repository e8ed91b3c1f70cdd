// Calls the real route handlers with real Request objects, as Next.js would.
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Module = Partial<Record<Method, Handler>>;

// Loaded on first use, so a suite only imports the routes it calls.
const table: [RegExp, () => Promise<Module>, string[]][] = [
  [/^\/api\/account$/, () => import("@/app/api/account/route"), []],
  [/^\/api\/contests\/current$/, () => import("@/app/api/contests/current/route"), []],
  [/^\/api\/health$/, () => import("@/app/api/health/route"), []],
  [/^\/api\/health\/ready$/, () => import("@/app/api/health/ready/route"), []],
  [/^\/api\/entries$/, () => import("@/app/api/entries/route"), []],
  [/^\/api\/entries\/([^/]+)$/, () => import("@/app/api/entries/[id]/route"), ["id"]],
  [/^\/api\/entries\/([^/]+)\/submit$/, () => import("@/app/api/entries/[id]/submit/route"), ["id"]],
  [/^\/api\/entries\/([^/]+)\/withdraw$/, () => import("@/app/api/entries/[id]/withdraw/route"), ["id"]],
  [/^\/api\/entries\/([^/]+)\/attachments$/, () => import("@/app/api/entries/[id]/attachments/route"), ["id"]],
  [/^\/api\/entries\/([^/]+)\/attachments\/([^/]+)$/, () => import("@/app/api/entries/[id]/attachments/[attachmentId]/route"), ["id", "attachmentId"]],
  [/^\/api\/jury\/assignments$/, () => import("@/app/api/jury/assignments/route"), []],
  [/^\/api\/jury\/entries\/([^/]+)$/, () => import("@/app/api/jury/entries/[id]/route"), ["id"]],
  [/^\/api\/jury\/entries\/([^/]+)\/attachments\/([^/]+)$/, () => import("@/app/api/jury/entries/[id]/attachments/[attachmentId]/route"), ["id", "attachmentId"]],
  [/^\/api\/jury\/scores\/([^/]+)$/, () => import("@/app/api/jury/scores/[entryId]/route"), ["entryId"]],
  [/^\/api\/jury\/conflicts$/, () => import("@/app/api/jury/conflicts/route"), []],
  [/^\/api\/jury\/search(?:\?.*)?$/, () => import("@/app/api/jury/search/route"), []],
  [/^\/api\/admin\/entries\/search(?:\?.*)?$/, () => import("@/app/api/admin/entries/search/route"), []],
  [/^\/api\/admin\/rounds$/, () => import("@/app/api/admin/rounds/route"), []],
  [/^\/api\/admin\/rounds\/([^/]+)$/, () => import("@/app/api/admin/rounds/[id]/route"), ["id"]],
  [/^\/api\/admin\/rounds\/([^/]+)\/jurors$/, () => import("@/app/api/admin/rounds/[id]/jurors/route"), ["id"]],
  [/^\/api\/admin\/rounds\/([^/]+)\/assignment$/, () => import("@/app/api/admin/rounds/[id]/assignment/route"), ["id"]],
  [/^\/api\/admin\/rounds\/([^/]+)\/ranking$/, () => import("@/app/api/admin/rounds/[id]/ranking/route"), ["id"]],
  [/^\/api\/admin\/rounds\/([^/]+)\/progress$/, () => import("@/app/api/admin/rounds/[id]/progress/route"), ["id"]],
  [/^\/api\/admin\/scores\/([^/]+)\/reopen$/, () => import("@/app/api/admin/scores/[id]/reopen/route"), ["id"]],
  [/^\/api\/admin\/entries\/([^/]+)\/eligibility$/, () => import("@/app/api/admin/entries/[id]/eligibility/route"), ["id"]],
];

export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

export type CallOptions = { as?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read response bodies ad hoc
export type CallResult = { status: number; headers: Headers; body: any; response: Response };

/** call("POST", "/api/entries", { as: userId, json: {...} }) */
export async function call(method: Method, path: string, options: CallOptions = {}): Promise<CallResult> {
  for (const [pattern, load, names] of table) {
    const match = pattern.exec(path);
    if (!match) continue;
    const handler = ((await load()) as Module)[method];
    if (!handler) throw new Error(`${method} ${path} has no handler`);
    const headers = new Headers({ "x-forwarded-for": "198.51.100.7", ...options.headers });
    if (options.as) headers.set("cookie", await sessionCookie(options.as));
    let body = options.body;
    if (options.json !== undefined) {
      body = typeof options.json === "string" ? options.json : JSON.stringify(options.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    const response = await handler(new Request(`http://localhost${path}`, { method, headers, body }), { params: Promise.resolve(params) });
    const text = response.headers.get("content-type")?.includes("json") ? await response.clone().text() : "";
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, response };
  }
  throw new Error(`no route for ${path}`);
}
