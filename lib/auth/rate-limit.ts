import "server-only";
import type { Db } from "@/lib/db/client";
import { clearCounter, hitCounter, peekCounter } from "@/lib/db/queries/rate-limits";
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

/** Refuses before checking a password once an account has had too many failures. */
export async function assertAccountNotLocked(db: Db, action: "signin" | "signup", email: string): Promise<void> {
  const { count, resetAt } = await peekCounter(db, `${action}:account:${email}`, WINDOW_SECONDS);
  if (count >= env.AUTH_RATE_LIMIT_ACCOUNT) throw limited(resetAt);
}

export async function countAccountFailure(db: Db, action: "signin" | "signup", email: string): Promise<void> {
  await hitCounter(db, `${action}:account:${email}`, WINDOW_SECONDS);
}

export async function clearAccountFailures(db: Db, action: "signin" | "signup", email: string): Promise<void> {
  await clearCounter(db, `${action}:account:${email}`);
}

/**
 * The client's address: the last X-Forwarded-For hop, which is the one our own server or the
 * proxy in front of it wrote. Deploy behind a proxy that sets the header from the socket.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}
