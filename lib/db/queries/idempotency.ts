import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { idempotencyKeys } from "../schema";
import { AppError } from "@/lib/errors";

export type StoredResponse = { status: number; body: unknown };
export type OnceResult = StoredResponse & { replayed: boolean };
export type IdempotencyRequest = { userId: string; key: string; fingerprint: string };

/**
 * Runs `work` once per (user, key). The key is claimed first, inside the same transaction as
 * the work: a concurrent retry waits on the unique index until the first commits, then
 * replays its stored response; if the first failed and rolled back, the retry does the work.
 */
export async function once(db: Db, request: IdempotencyRequest | null, work: (tx: Db) => Promise<StoredResponse>): Promise<OnceResult> {
  if (!request) return { ...(await db.transaction((tx) => work(tx))), replayed: false };
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId: request.userId, key: request.key, fingerprint: request.fingerprint, statusCode: 0, response: {} })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id });
    if (claimed.length === 0) {
      const [stored] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, request.key)));
      if (!stored) throw new AppError(409, "idempotencyInProgress");
      if (stored.fingerprint !== request.fingerprint) throw new AppError(422, "idempotencyMismatch");
      return { status: stored.statusCode, body: stored.response, replayed: true };
    }
    const result = await work(tx);
    await tx.update(idempotencyKeys).set({ statusCode: result.status, response: result.body }).where(eq(idempotencyKeys.id, claimed[0]!.id));
    return { ...result, replayed: false };
  });
}
