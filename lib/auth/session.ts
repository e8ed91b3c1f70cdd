import "server-only";
import { decode, encode, type JWT } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import { findAccountById } from "@/lib/db/queries/accounts";
import type { Role, User } from "@/lib/db/schema";
import { authSecret } from "./secret";

export type Caller = { id: string; role: Role; name: string; email: string; outlet: string; penNames: string[] };

// next-auth's cookie names: the __Secure- prefix is used when the site is served over https.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** How long a session lasts (lib/auth/options.ts gives it to next-auth). */
export const SESSION_MAX_AGE = 30 * 24 * 3600;

export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) {
      const value = part.slice(eq + 1).trim();
      try {
        cookies.set(part.slice(0, eq).trim(), decodeURIComponent(value));
      } catch {
        cookies.set(part.slice(0, eq).trim(), value);
      }
    }
  }
  return cookies;
}

/** A decoded session token and the cookie name it came under. */
export type SessionToken = { name: (typeof SESSION_COOKIES)[number]; payload: JWT };

/** The request's session token, decoded; null without one or when it does not verify. */
export async function readSessionToken(cookies: Map<string, string>): Promise<SessionToken | null> {
  const name = SESSION_COOKIES.find((n) => cookies.get(n));
  if (!name) return null;
  const payload = await decode({ token: cookies.get(name)!, secret: authSecret() }).catch(() => null);
  if (!payload?.sub || !/^[0-9a-f-]{36}$/i.test(payload.sub)) return null;
  return { name, payload };
}

/**
 * Whether a token is still a session of `user`: the account exists, is not disabled, and its
 * session version is the one fixed in the token at sign-in (`sv`). A password change, "sign out
 * everywhere", disabling, re-enabling and a role change raise the version, so every token issued
 * before ends at once, whatever its `iat` (which next-auth refreshes on every renewal). A token
 * without `sv` (issued before versions existed) is no session: its owner signs in again.
 */
export function sessionIsCurrent(user: Pick<User, "disabledAt" | "sessionVersion"> | null, payload: JWT): boolean {
  return user !== null && user.disabledAt === null && typeof payload.sv === "number" && payload.sv === user.sessionVersion;
}

/**
 * The signed-in account behind a session token, read from the database on every request so a
 * disabled account, a changed role or an ended session takes effect at once; the token only
 * names the account and its session version.
 */
export async function callerFromCookies(db: Db, cookies: Map<string, string>): Promise<Caller | null> {
  const session = await readSessionToken(cookies);
  if (!session) return null;
  const user = await findAccountById(db, session.payload.sub!);
  if (!user || !sessionIsCurrent(user, session.payload)) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email, outlet: user.outlet, penNames: user.penNames };
}

/**
 * For next-auth's jwt callback (lib/auth/options.ts), which re-encodes the token whenever
 * /api/auth/session is read: whether the session has ended (unknown or disabled account, or an
 * older session version), so it is not renewed.
 */
export async function sessionEnded(db: Db, payload: JWT): Promise<boolean> {
  if (!payload.sub || !/^[0-9a-f-]{36}$/i.test(payload.sub)) return true;
  return !sessionIsCurrent(await findAccountById(db, payload.sub), payload);
}

/**
 * A Set-Cookie header that replaces the request's session with the same one at `sessionVersion`,
 * issued now, under the name it came with and next-auth's options for it (httpOnly, SameSite=Lax,
 * path /, Secure with the __Secure- prefix): after the version is raised (password change, sign
 * out everywhere), the device that asked stays signed in. Null when the request carries no valid session.
 */
export async function reissuedSessionCookie(cookies: Map<string, string>, sessionVersion: number): Promise<string | null> {
  const session = await readSessionToken(cookies);
  if (!session) return null;
  // encode() sets iat, exp and jti afresh, as next-auth does when it renews a session.
  const token = await encode({ token: { ...session.payload, sv: sessionVersion }, secret: authSecret(), maxAge: SESSION_MAX_AGE });
  const expires = new Date(Date.now() + SESSION_MAX_AGE * 1000);
  const name = session.name;
  return [`${name}=${token}`, "Path=/", `Expires=${expires.toUTCString()}`, "HttpOnly", "SameSite=Lax", ...(name.startsWith("__Secure-") ? ["Secure"] : [])].join("; ");
}
