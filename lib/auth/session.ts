import "server-only";
import { decode, encode, type JWT } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import { findAccountById } from "@/lib/db/queries/accounts";
import type { Role } from "@/lib/db/schema";
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

/**
 * The signed-in account behind a session token, read from the database on every request so a
 * disabled account or a changed role takes effect at once; the token only names the account.
 */
export async function callerFromCookies(db: Db, cookies: Map<string, string>): Promise<Caller | null> {
  const token = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  if (!token) return null;
  const payload = await decode({ token, secret: authSecret() }).catch(() => null);
  if (!payload?.sub || !/^[0-9a-f-]{36}$/i.test(payload.sub)) return null;
  const user = await findAccountById(db, payload.sub);
  if (!user || user.disabledAt || issuedBeforePasswordChange(payload, user.passwordChangedAt)) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email, outlet: user.outlet, penNames: user.penNames };
}

/**
 * A password change ends every session issued before it. `iat` has whole seconds, so the change
 * is truncated to its second: the session re-issued right after it (renewedSessionCookie) stands.
 */
export function issuedBeforePasswordChange(payload: JWT, passwordChangedAt: Date | null): boolean {
  if (!passwordChangedAt) return false;
  const issuedAt = typeof payload.iat === "number" ? payload.iat : 0;
  return issuedAt < Math.floor(passwordChangedAt.getTime() / 1000);
}

/**
 * Whether a token names an account whose password changed after the token was issued. next-auth
 * re-encodes the token with a fresh `iat` whenever /api/auth/session is read, so its jwt callback
 * (lib/auth/options.ts) asks this first; an unknown or disabled account is left to callerFromCookies.
 */
export async function endedByPasswordChange(db: Db, payload: JWT): Promise<boolean> {
  if (!payload.sub || !/^[0-9a-f-]{36}$/i.test(payload.sub)) return false;
  const user = await findAccountById(db, payload.sub);
  return user !== null && issuedBeforePasswordChange(payload, user.passwordChangedAt);
}

/**
 * A Set-Cookie header that replaces the request's session with the same one issued now, under the
 * name it came with and next-auth's options for it (httpOnly, SameSite=Lax, path /, Secure with
 * the __Secure- prefix): after a password change, the device that made it stays signed in.
 * Null when the request carries no valid session.
 */
export async function renewedSessionCookie(cookies: Map<string, string>): Promise<string | null> {
  const name = SESSION_COOKIES.find((n) => cookies.get(n));
  if (!name) return null;
  const payload = await decode({ token: cookies.get(name)!, secret: authSecret() }).catch(() => null);
  if (!payload) return null;
  // encode() sets iat, exp and jti afresh, as next-auth does when it renews a session.
  const token = await encode({ token: payload, secret: authSecret(), maxAge: SESSION_MAX_AGE });
  const expires = new Date(Date.now() + SESSION_MAX_AGE * 1000);
  return [`${name}=${token}`, "Path=/", `Expires=${expires.toUTCString()}`, "HttpOnly", "SameSite=Lax", ...(name.startsWith("__Secure-") ? ["Secure"] : [])].join("; ");
}
