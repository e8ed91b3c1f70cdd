import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import type { IdempotencyRequest } from "@/lib/db/queries/idempotency";
import type { Role } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/request";
import { boundary, type GuardedHandler, type RequestContext, type RouteConfig } from "@/lib/http/route";
import { mustEnrolTwoFactor } from "@/lib/db/queries/two-factor";
import { clientAddress } from "./rate-limit";
import { callerFromCookies, parseCookies, type Caller } from "./session";

/** The roles a route admits, or "anyone": signed in or not (the session is still read when sent). */
type Access = readonly Role[] | "anyone";

export type GuardContext<A extends Access, P, B, Q = Record<string, never>> = RequestContext<P, Q> & {
  db: Db;
  caller: A extends "anyone" ? Caller | null : Caller;
  body: B;
  ip: string;
  /** Set when the route honours Idempotency-Key and the request carried one. */
  idempotency: IdempotencyRequest | null;
};

type GuardConfig<A extends Access, P, B, Q> = RouteConfig<P, Q> & {
  access: A;
  body?: z.ZodType<B>;
  idempotent?: boolean;
  /** The two-factor enrolment routes: open to staff who must still enrol (everything else answers them 403). */
  twoFactorEnrolment?: boolean;
};

/**
 * Who is calling, on the HTTP boundary of lib/http/route.ts (request id, log line, error shape,
 * params and query validation): the caller is resolved from the session cookie and loaded from
 * the database on every request (a disabled account or a changed role takes effect at once), the
 * role is checked (401, 403), then the JSON body is validated and Idempotency-Key read.
 * Objects that belong to someone else are reported by the queries as 404, never 403.
 * Routes that need neither session nor database use publicGuard (lib/http/route.ts).
 */
export function guard<A extends Access, P = Record<string, never>, B = undefined, Q = Record<string, never>>(
  config: GuardConfig<A, P, B, Q>,
  handler: (ctx: GuardContext<A, P, B, Q>) => Promise<Response>,
): GuardedHandler {
  return boundary(
    "session",
    config,
    async ({ req }, record) => {
      const db = await getDb().catch((error: unknown) => {
        record.failure = error;
        throw new AppError(503, "databaseUnavailable");
      });
      const caller = await callerFromCookies(db, parseCookies(req.headers.get("cookie")));
      record.role = caller?.role ?? null;
      record.userId = caller?.id ?? null;
      if (config.access !== "anyone") {
        if (!caller) throw new AppError(401, "unauthenticated");
        if (!config.access.includes(caller.role)) throw new AppError(403, "forbidden");
      }
      // When the secretariat requires two-factor for staff, a staff account without it enrols first.
      if (caller && caller.role !== "journalist" && !config.twoFactorEnrolment && (await mustEnrolTwoFactor(db, caller.id))) throw new AppError(403, "twoFactorRequired");
      return { db, caller, ip: clientAddress(req.headers) };
    },
    async (ctx) => {
      const { raw, body } = config.body ? await readJsonBody(ctx.req, config.body) : { raw: "", body: undefined as B };
      let idempotency: IdempotencyRequest | null = null;
      const key = ctx.req.headers.get("idempotency-key");
      if (config.idempotent && key !== null && ctx.caller) {
        if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new AppError(400, "idempotencyKeyInvalid");
        const fingerprint = createHash("sha256").update(`${ctx.req.method} ${new URL(ctx.req.url).pathname}\n${raw}`).digest("hex");
        idempotency = { userId: ctx.caller.id, key, fingerprint };
      }
      return handler({ ...ctx, caller: ctx.caller as GuardContext<A, P, B, Q>["caller"], body, idempotency });
    },
  );
}
