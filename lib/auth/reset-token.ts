import { createHash, randomBytes } from "node:crypto";

// The rules of a password reset link, as pure functions (tests/unit/password-reset.test.ts).

/** How long a reset link works: long enough to reach a mailbox, short enough to go stale soon. */
export const RESET_LINK_MINUTES = 60;
/** Reset e-mails one address may ask for, and requests one client address may send, per hour. */
export const RESET_REQUESTS_PER_EMAIL = 3;
export const RESET_REQUESTS_PER_ADDRESS = 10;

export type ResetLinkState = "valid" | "expired" | "used" | "invalid";

/** A new token (256 random bits, base64url) and the hash that is stored in its place. */
export function newResetToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashResetToken(token)! };
}

/** The stored form of a token, or null for text that cannot be one (so it never reaches the database). */
export function hashResetToken(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return createHash("sha256").update(token).digest("hex");
}

/** When a link made at `now` stops working. */
export function resetLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
}

/**
 * Whether a stored link may still set a password. Used is checked before expired: a link that
 * already worked says so, even after its hour. A link of a disabled account is invalid.
 */
export function resetLinkState(link: { expiresAt: Date; usedAt: Date | null; accountDisabled: boolean } | null, now: Date): ResetLinkState {
  if (!link || link.accountDisabled) return "invalid";
  if (link.usedAt) return "used";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
