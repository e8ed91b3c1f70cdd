import "server-only";
import type { Db } from "../client";
import { auditLog, searchOutbox } from "../schema";

export type AuditInput = { actorId: string | null; action: string; entity: "entry" | "account" | "contest" | "round" | "assignment" | "conflict" | "score" | "prize"; entityId: string; before?: unknown; after?: unknown };

/** Records who changed what; call it with the transaction that makes the change. */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({ ...input, before: input.before ?? null, after: input.after ?? null });
}

/** Queues an entry for the search index, in the transaction that changed it. */
export async function enqueueSearch(tx: Db, entityId: string, op: "upsert" | "delete"): Promise<void> {
  await tx.insert(searchOutbox).values({ entity: "entry", entityId, op });
}
