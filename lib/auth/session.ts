import "server-only";
import { decode } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import { findAccountById } from "@/lib/db/queries/accounts";
import type { Role } from "@/lib/db/schema";
import { authSecret } from "./secret";

export type Caller = { id: string; role: Role; name: string; email: string; outlet: string; penNames: string[] };

// next-auth's cookie names: the __Secure- prefix is used when the site is served over https.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

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
  if (!user || user.disabledAt) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email, outlet: user.outlet, penNames: user.penNames };
}
