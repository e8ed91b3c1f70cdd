import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimits } from "../schema";

/**
 * Counts one hit against `key` in a fixed window and returns the count so far. One upsert, so
 * concurrent hits from several instances are all counted.
 */
export async function hitCounter(db: Db, key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const expired = sql`${rateLimits.windowStart} < now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return { count: row!.count, resetAt: new Date(row!.windowStart.getTime() + windowSeconds * 1000) };
}

/** The current count for `key` without adding to it (0 when the window has passed). */
export async function peekCounter(db: Db, key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const [row] = await db
    .select()
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, sql`now() - make_interval(secs => ${windowSeconds})`)));
  return row ? { count: row.count, resetAt: new Date(row.windowStart.getTime() + windowSeconds * 1000) } : { count: 0, resetAt: new Date() };
}

export async function clearCounter(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** When `key` is blocked until, if it is blocked now. */
export async function blockedUntil(db: Db, key: string): Promise<Date | null> {
  const [row] = await db
    .select({ blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.blockedUntil, sql`now()`)));
  return row?.blockedUntil ?? null;
}

/** Blocks `key` for `seconds` from now. */
export async function blockKey(db: Db, key: string, seconds: number): Promise<Date> {
  const [row] = await db
    .update(rateLimits)
    .set({ blockedUntil: sql`now() + make_interval(secs => ${seconds})` })
    .where(eq(rateLimits.key, key))
    .returning({ blockedUntil: rateLimits.blockedUntil });
  return row!.blockedUntil!;
}

/** Deletes every counter whose key starts with `prefix`; returns how many there were. */
export async function clearCountersStartingWith(db: Db, prefix: string): Promise<number> {
  const rows = await db.delete(rateLimits).where(sql`starts_with(${rateLimits.key}, ${prefix})`).returning({ key: rateLimits.key });
  return rows.length;
}
