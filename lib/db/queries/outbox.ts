import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, searchOutbox } from "../schema";

/**
 * Queues entries whose search document changed without the entry itself changing (who is
 * assigned to them, a round opening or closing). Call it in the transaction that makes the change.
 */
export async function enqueueEntryReindex(tx: Db, entryIds: readonly string[]): Promise<void> {
  const ids = [...new Set(entryIds)];
  if (ids.length) await tx.insert(searchOutbox).values(ids.map((entityId) => ({ entity: "entry", entityId, op: "upsert" as const })));
}

/** Queues every entry assigned in a round (its open/closed status decides which jurors find them). */
export async function enqueueRoundReindex(tx: Db, roundId: string): Promise<void> {
  const rows = await tx.selectDistinct({ entryId: assignments.entryId }).from(assignments).where(eq(assignments.roundId, roundId));
  await enqueueEntryReindex(tx, rows.map((r) => r.entryId));
}
