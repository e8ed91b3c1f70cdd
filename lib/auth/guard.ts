import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import type { IdempotencyRequest } from "@/lib/db/queries/idempotency";
import type { Role } from "@/lib/db/schema";
import type { FieldIssue } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import { isConnectionError } from "@/lib/db/queries/errors";
import type { Locale } from "@/lib/i18n/config";
import { requestLocale, translator } from "@/lib/i18n/translator";
import { componentLogger, REQUEST_ID_HEADER, requestIdFrom, type Logger } from "@/lib/log";
import { clientAddress } from "./rate-limit";
import { callerFromCookies, parseCookies, type Caller } from "./session";

type Access = readonly Role[] | "public";

export type GuardContext<A extends Access, P, B> = {
  req: Request;
  db: Db;
  caller: A extends "public" ? Caller | null : Caller;
  params: P;
  body: B;
  locale: Locale;
  ip: string;
  /** Set when the route honours Idempotency-Key and the request carried one. */
  idempotency: IdempotencyRequest | null;
  /** This request's id (also sent back as x-request-id), and a logger whose lines carry it. */
  requestId: string;
  log: Logger;
};

type GuardConfig<A extends Access, P, B> = {
  access: A;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  idempotent?: boolean;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

// Large enough for the longest legitimate entry (and for a 1 MB string to be refused with a
// length message per field), small enough that nobody can make the server hold a huge body.
const MAX_JSON_BYTES = 4 * 1024 * 1024;

export const noStore = { "Cache-Control": "no-store" };

const apiLog = componentLogger("api");

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...noStore, ...headers } });
}

/**
 * The one wrapper around every route handler: it resolves the caller from the session and the
 * database, checks the role, validates params and body with zod, reads Idempotency-Key, and
 * turns every error into { error: { code, message, fields? } } in the caller's language.
 * Objects that belong to someone else are reported by the queries as 404, never 403.
 * Each request ends with one log line (id, method, path without the query, status, time, role,
 * user id) and its id in x-request-id; an unexpected error is logged with its stack and reaches
 * the client only as the generic message and that id.
 */
export function guard<A extends Access, P = Record<string, never>, B = undefined>(
  config: GuardConfig<A, P, B>,
  handler: (ctx: GuardContext<A, P, B>) => Promise<Response>,
) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
    const log = apiLog.child({ reqId: requestId });
    const locale = requestLocale(req.headers.get("accept-language"));
    let caller: Caller | null = null;
    // What made a 5xx, for the log: the response itself says nothing about it.
    let failure: unknown;
    let response: Response;
    try {
      if (req.method !== "GET" && req.method !== "HEAD" && isCrossOrigin(req)) throw new AppError(403, "crossOrigin");
      const params = config.params ? config.params.safeParse(await route.params) : { success: true as const, data: {} as P };
      // A malformed id is reported like someone else's: the response never says which ids exist.
      if (!params.success) throw new AppError(404, "notFound");

      const db = await getDb().catch((error: unknown) => {
        failure = error;
        throw new AppError(503, "databaseUnavailable");
      });
      caller = await callerFromCookies(db, parseCookies(req.headers.get("cookie")));
      if (config.access !== "public") {
        if (!caller) throw new AppError(401, "unauthenticated");
        if (!config.access.includes(caller.role)) throw new AppError(403, "forbidden");
      }

      let raw = "";
      let body = undefined as B;
      if (config.body) {
        if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) throw new AppError(415, "jsonRequired");
        raw = await readText(req, MAX_JSON_BYTES);
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          throw new AppError(400, "invalidJson");
        }
        const result = config.body.safeParse(parsed, { reportInput: true });
        if (!result.success) throw new AppError(422, "validation", {}, zodFields(result.error));
        body = result.data;
      }

      let idempotency: IdempotencyRequest | null = null;
      const key = req.headers.get("idempotency-key");
      if (config.idempotent && key !== null && caller) {
        if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new AppError(400, "idempotencyKeyInvalid");
        const fingerprint = createHash("sha256").update(`${req.method} ${new URL(req.url).pathname}\n${raw}`).digest("hex");
        idempotency = { userId: caller.id, key, fingerprint };
      }

      response = await handler({ req, db, caller: caller as GuardContext<A, P, B>["caller"], params: params.data, body, locale, ip: clientAddress(req.headers), idempotency, requestId, log });
    } catch (error) {
      if (!(error instanceof AppError)) failure = error;
      // The caller hung up mid-request (Node's "aborted" reset of the body stream): their fault, not
      // the database's; then, the database went away while the handler ran: the same 503 as when
      // it is known to be down.
      const shown = error instanceof AppError ? error : clientHungUp(req, error) ? new AppError(400, "requestAborted") : isConnectionError(error) ? new AppError(503, "databaseUnavailable") : error;
      response = errorResponse(shown, locale, requestId);
    }
    response = withHeader(response, REQUEST_ID_HEADER, requestId);
    const line = {
      method: req.method,
      // Never the query string: search terms are the caller's own words.
      path: new URL(req.url).pathname,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      role: caller?.role ?? null,
      userId: caller?.id ?? null,
    };
    if (response.status >= 500) log.error({ ...line, ...(failure === undefined ? {} : { err: failure }) }, "request failed");
    else log.info(line, "request");
    return response;
  };
}

function clientHungUp(req: Request, error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return req.signal.aborted || (e?.code === "ECONNRESET" && e.message === "aborted");
}

/** The response with one more header; rebuilt when its headers are immutable (Response.redirect). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

export function errorResponse(error: unknown, locale: Locale, requestId?: string): Response {
  const t = translator(locale, "Errors");
  if (error instanceof AppError) {
    const fields = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([field, issue]) => [field, t(`fields.${issue.key}`, issue.params)]))
      : undefined;
    const headers: Record<string, string> = error.status === 429 ? { "Retry-After": String(Number(error.params.minutes ?? 1) * 60) } : {};
    const quote = requestId && error.status >= 500 ? { requestId } : {};
    return json({ error: { code: error.code, message: t(error.code, error.params), ...(fields ? { fields } : {}), ...quote } }, error.status, headers);
  }
  // The stack and the cause stay in the server's log (guard); the client gets the id to quote.
  return json({ error: { code: "internal", message: t("internal"), ...(requestId ? { requestId } : {}) } }, 500);
}

function isCrossOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Reads a body as text, refusing it (413) as soon as it passes `limit` bytes. */
async function readText(req: Request, limit: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw new AppError(413, "bodyTooLarge");
  if (!req.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new AppError(413, "bodyTooLarge");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** zod issues as one problem per field, in terms the messages in portal.json know. */
export function zodFields(error: z.ZodError): Record<string, FieldIssue> {
  const fields: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const name = path.length ? path.map(String).join(".") : "_";
      fields[name] ??= fieldIssue(issue);
    }
  }
  return fields;
}

function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", params: { max: Number(issue.maximum) } };
      if (issue.origin === "array") return { key: "tooMany", params: { max: Number(issue.maximum) } };
      return { key: "tooLarge", params: { max: Number(issue.maximum) } };
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", params: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { key: "tooFew", params: { min: Number(issue.minimum) } };
      return { key: "tooSmall", params: { min: Number(issue.minimum) } };
    case "invalid_type":
      return issue.input === undefined ? { key: "required" } : { key: "invalidType", params: { expected: issue.expected } };
    case "invalid_format":
      return { key: issue.format === "email" ? "invalidEmail" : "invalidFormat" };
    case "invalid_value":
      return { key: "invalidValue", params: { options: issue.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { key: "unknownField" };
    case "custom": {
      const key = (issue.params as { key?: unknown } | undefined)?.key;
      return { key: typeof key === "string" ? key : "invalidValue" };
    }
    default:
      return { key: "invalidValue" };
  }
}
