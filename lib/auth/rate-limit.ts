import "server-only";
import type { Db } from "@/lib/db/client";
import { blockedUntil, blockKey, clearCounter, clearCountersStartingWith, hitCounter, peekCounter } from "@/lib/db/queries/rate-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Counters live in the database so every instance sees the same attempts.
const WINDOW_SECONDS = 15 * 60;

function limited(resetAt: Date): AppError {
  const minutes = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 60_000));
  return new AppError(429, "rateLimited", { minutes });
}

/** One attempt from a client address (sign-in and sign-up count separately). */
export async function limitAddress(db: Db, action: "signin" | "signup", ip: string): Promise<void> {
  const { count, resetAt } = await hitCounter(db, `${action}:ip:${ip}`, WINDOW_SECONDS);
  if (count > env.AUTH_RATE_LIMIT_IP) throw limited(resetAt);
}

/** Refuses a sign-up attempt once an e-mail has had too many (every attempt on one e-mail counts). */
export async function assertAccountNotLocked(db: Db, action: "signup", email: string): Promise<void> {
  const { count, resetAt } = await peekCounter(db, `${action}:account:${email}`, WINDOW_SECONDS);
  if (count >= env.AUTH_RATE_LIMIT_ACCOUNT) throw limited(resetAt);
}

export async function countAccountFailure(db: Db, action: "signup", email: string): Promise<void> {
  await hitCounter(db, `${action}:account:${email}`, WINDOW_SECONDS);
}

/*
 * Sign-in throttling. Failures are counted per (account, client address) pair, never per account
 * alone: an account whose e-mail is published cannot be shut out by anyone who types wrong
 * passwords, and its owner's right password from an address that has not failed is still taken.
 * From AUTH_RATE_LIMIT_ACCOUNT failures on, each failure blocks the pair for a delay that doubles
 * (1, 2, 4 … minutes, at most an hour); while blocked, the password is not even checked. Failures
 * are forgotten a day after the first, and a success or the e-mailed unlock link clears them.
 */
const PAIR_WINDOW_SECONDS = 24 * 3600;
const FIRST_DELAY_SECONDS = 60;
const MAX_DELAY_SECONDS = 3600;

/** How long a pair is blocked after its `failures`-th failure (null: not yet). Pure. */
export function throttleDelaySeconds(failures: number, threshold = env.AUTH_RATE_LIMIT_ACCOUNT): number | null {
  if (failures < threshold) return null;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.min(failures - threshold, 12));
}

// No e-mail contains a space, so the address after it cannot make one account's prefix another's.
const accountPrefix = (email: string) => `signin:pair:${email.toLowerCase()} `;
const pairKey = (email: string, ip: string) => accountPrefix(email) + ip;

/** The 429 a blocked pair gets: "Try again in N minutes", with Retry-After in seconds. */
export function throttled(until: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(429, "signInThrottled", { minutes: Math.ceil(seconds / 60), retryAfter: seconds });
}

/** Refuses (429) before checking a password while this pair is blocked. */
export async function assertPairNotBlocked(db: Db, email: string, ip: string): Promise<void> {
  const until = await blockedUntil(db, pairKey(email, ip));
  if (until) throw throttled(until);
}

/** Counts a failure of this pair; returns when it is now blocked until, if this failure blocked it. */
export async function countPairFailure(db: Db, email: string, ip: string): Promise<{ failures: number; blockedUntil: Date | null }> {
  const key = pairKey(email, ip);
  const { count } = await hitCounter(db, key, PAIR_WINDOW_SECONDS);
  const delay = throttleDelaySeconds(count);
  return { failures: count, blockedUntil: delay === null ? null : await blockKey(db, key, delay) };
}

export async function clearPairFailures(db: Db, email: string, ip: string): Promise<void> {
  await clearCounter(db, pairKey(email, ip));
}

/** Clears every address's failures and blocks for one account (the unlock link); returns how many. */
export function clearAccountThrottles(db: Db, email: string): Promise<number> {
  return clearCountersStartingWith(db, accountPrefix(email));
}

/** Whether another unlock e-mail may go to this account now (at most 3 an hour). */
export async function mayMailUnlock(db: Db, email: string): Promise<boolean> {
  const { count } = await hitCounter(db, `signin:unlock-mail:${email.toLowerCase()}`, 3600);
  return count <= 3;
}

/** True the first time an unlock link is used (kept for its lifetime, 24 hours, by its signature). */
export async function firstUseOfUnlockLink(db: Db, token: string): Promise<boolean> {
  const { count } = await hitCounter(db, `signin:unlock-used:${token.split(".").at(-1)}`, 24 * 3600);
  return count === 1;
}

/**
 * The client's address: the last X-Forwarded-For hop, which is the one our own server or the
 * proxy in front of it wrote. Deploy behind a proxy that sets the header from the socket.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

/**
 * A password reset request: at most RESET_REQUESTS_PER_ADDRESS an hour from one client address
 * and RESET_REQUESTS_PER_EMAIL for one e-mail, counted whether or not an account has it, so the
 * 429 says nothing about which accounts exist.
 */
export async function limitResetRequest(db: Db, email: string, ip: string, limits: { perAddress: number; perEmail: number }): Promise<void> {
  const address = await hitCounter(db, `reset:ip:${ip}`, 3600);
  if (address.count > limits.perAddress) throw limited(address.resetAt);
  const mailbox = await hitCounter(db, `reset:email:${email.toLowerCase()}`, 3600);
  if (mailbox.count > limits.perEmail) throw limited(mailbox.resetAt);
}

/** Uses of reset links from one client address (each costs a password hash): the sign-in limit. */
export async function limitResetUse(db: Db, ip: string): Promise<void> {
  const { count, resetAt } = await hitCounter(db, `reset-use:ip:${ip}`, WINDOW_SECONDS);
  if (count > env.AUTH_RATE_LIMIT_IP) throw limited(resetAt);
}
