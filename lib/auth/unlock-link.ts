import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

// A key of its own, derived from AUTH_SECRET: an unlock token can never pass for a session or
// any other signed value, nor another purpose's token for this one.
const PURPOSE = "lantoa:signin-unlock:v1";
export const UNLOCK_LINK_SECONDS = 24 * 3600;

const key = () => createHmac("sha256", authSecret()).update(PURPOSE).digest();
const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

/** "<account id>.<expiry, unix seconds>.<HMAC>": clears that account's sign-in throttles until it expires. */
export function unlockToken(userId: string, now = Date.now()): string {
  const payload = `${userId}.${Math.floor(now / 1000) + UNLOCK_LINK_SECONDS}`;
  return `${payload}.${sign(payload)}`;
}

/** The account a token was made for, or why it cannot be used. */
export function readUnlockToken(token: string, now = Date.now()): { userId: string } | "invalid" | "expired" {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/i.exec(token);
  if (!match) return "invalid";
  const [, userId, expires, signature] = match;
  const expected = Buffer.from(sign(`${userId}.${expires}`));
  if (!timingSafeEqual(expected, Buffer.from(signature!))) return "invalid";
  if (Number(expires) * 1000 < now) return "expired";
  return { userId: userId! };
}
