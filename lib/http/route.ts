import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { isConnectionError } from "@/lib/db/queries/errors";
import type { Locale } from "@/lib/i18n/config";
import { requestLocale } from "@/lib/i18n/translator";
import { componentLogger, REQUEST_ID_HEADER, requestIdFrom, type Logger } from "@/lib/log";
import { clientHungUp, isCrossOrigin, readQuery } from "./request";
import { API_POLICY, errorResponse, withHeader } from "./response";

/** What Next.js passes a route handler beside the request. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * How a handler was made: by `guard` (lib/auth/guard.ts: session, database, role) or by
 * `publicGuard` (neither). Every exported method of every route handler carries one, under a
 * non-enumerable symbol: tests/integration/route-guard.test.ts checks them all.
 */
export type GuardMode = "session" | "public";
export const GUARD_MODE = Symbol.for("lantoa.guardMode");
export type GuardedHandler = ((req: Request, route: RouteContext) => Promise<Response>) & { readonly [GUARD_MODE]: GuardMode };

/** The mode a handler was made with, or undefined when it did not come from the guard. */
export function guardModeOf(handler: unknown): GuardMode | undefined {
  return typeof handler === "function" ? (handler as Partial<GuardedHandler>)[GUARD_MODE] : undefined;
}

export type RouteConfig<P, Q> = {
  /** Route params; a malformed one is answered 404, like someone else's object. */
  params?: z.ZodType<P>;
  /** The query string, read once (lib/http/request.ts readQuery); a bad one is 422 validation. */
  query?: z.ZodType<Q>;
};

/** What every handler gets, in either mode. */
export type RequestContext<P, Q> = {
  req: Request;
  params: P;
  query: Q;
  locale: Locale;
  /** This request's id (also sent back as x-request-id), and a logger whose lines carry it. */
  requestId: string;
  log: Logger;
};

/** What the request log line says about the caller, filled in by `admit`; and what made a 5xx. */
export type RequestRecord = { role: string | null; userId: string | null; failure?: unknown };

const apiLog = componentLogger("api");

/**
 * The HTTP boundary every route handler goes through. In order: a request id (kept from a sane
 * x-request-id, else new), the caller's language, cross-origin writes refused (403), route params
 * (404 when malformed), `admit` (the guard's session, database and role checks; nothing in the
 * public mode), the query string (422), then the handler. Every error becomes
 * { error: { code, message, fields? } } in the caller's language; one that is not an AppError is
 * logged with its stack and reaches the client only as the generic message and the request id.
 * Each request ends with one JSON log line (id, method, path without the query, status, time,
 * role, user id).
 */
export function boundary<P, Q, C extends object>(
  mode: GuardMode,
  config: RouteConfig<P, Q>,
  admit: (base: Omit<RequestContext<P, Q>, "query">, record: RequestRecord) => Promise<C>,
  handler: (ctx: RequestContext<P, Q> & C) => Promise<Response>,
): GuardedHandler {
  const wrapped = async (req: Request, route: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
    const log = apiLog.child({ reqId: requestId });
    const locale = requestLocale(req.headers.get("accept-language"));
    const url = new URL(req.url);
    const record: RequestRecord = { role: null, userId: null };
    let response: Response;
    try {
      if (req.method !== "GET" && req.method !== "HEAD" && isCrossOrigin(req)) throw new AppError(403, "crossOrigin");
      const params = config.params ? config.params.safeParse(await route.params) : { success: true as const, data: {} as P };
      // A malformed id is reported like someone else's: the response never says which ids exist.
      if (!params.success) throw new AppError(404, "notFound");
      const base = { req, params: params.data, locale, requestId, log };
      const admitted = await admit(base, record);
      const query = config.query ? readQuery(url, config.query) : ({} as Q);
      response = await handler({ ...base, ...admitted, query });
    } catch (error) {
      if (!(error instanceof AppError)) record.failure = error;
      // The caller hung up mid-request: their fault, not the database's; then, the database went
      // away while the handler ran: the same 503 as when it is known to be down.
      const shown = error instanceof AppError ? error : clientHungUp(req, error) ? new AppError(400, "requestAborted") : isConnectionError(error) ? new AppError(503, "databaseUnavailable") : error;
      response = errorResponse(shown, locale, requestId);
    }
    response = withHeader(response, REQUEST_ID_HEADER, requestId);
    // A handler's own policy (a download's sandbox) is kept; any other response gets the API's.
    if (!response.headers.has("content-security-policy")) response = withHeader(response, "Content-Security-Policy", API_POLICY);
    const line = {
      method: req.method,
      // Never the query string: search terms are the caller's own words.
      path: url.pathname,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      role: record.role,
      userId: record.userId,
    };
    if (response.status >= 500) log.error({ ...line, ...(record.failure === undefined ? {} : { err: record.failure }) }, "request failed");
    else log.info(line, "request");
    return response;
  };
  Object.defineProperty(wrapped, GUARD_MODE, { value: mode });
  return wrapped as GuardedHandler;
}

/**
 * The guard's public mode: request id, log line, error mapping, params and query validation,
 * and nothing else — no session is read, no database is opened, no rate-limit row is written, so
 * it answers while the database is down (liveness, readiness, the public search) and can wrap a
 * handler that makes sessions itself (next-auth's).
 */
export function publicGuard<P = Record<string, never>, Q = Record<string, never>>(
  config: RouteConfig<P, Q>,
  handler: (ctx: RequestContext<P, Q>) => Promise<Response>,
): GuardedHandler {
  return boundary("public", config, async () => ({}), handler);
}
