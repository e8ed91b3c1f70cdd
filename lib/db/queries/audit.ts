import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, searchOutbox, users } from "../schema";
import type { AuditQuery } from "@/lib/validation/admin";

export type AuditInput = { actorId: string | null; action: string; entity: "entry" | "account" | "contest" | "round" | "assignment" | "conflict" | "score" | "prize" | "setting" | "nomination"; entityId: string; before?: unknown; after?: unknown };

// Never kept, at any depth, whatever a caller passes: the audit log is read by every secretariat member.
const SECRET_KEYS = new Set(["password", "passwordHash", "password_hash", "currentPassword", "newPassword", "token", "secret"]);

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).flatMap(([key, v]) => (SECRET_KEYS.has(key) ? [] : [[key, withoutSecrets(v)]])));
  }
  return value;
}

/** Records who changed what; call it with the transaction that makes the change. */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({ ...input, before: withoutSecrets(input.before ?? null), after: withoutSecrets(input.after ?? null) });
}

/** Queues an entry for the search index, in the transaction that changed it. */
export async function enqueueSearch(tx: Db, entityId: string, op: "upsert" | "delete"): Promise<void> {
  await tx.insert(searchOutbox).values({ entity: "entry", entityId, op });
}

/** GET /api/admin/audit's answer: a page of rows and the cursor of the next one. */
export type AuditPage = { items: AuditItem[]; nextCursor: string | null };

export type AuditItem = {
  id: number;
  createdAt: string;
  actor: { id: string; name: string } | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/**
 * GET /api/admin/audit: newest first, a page of `limit` rows after the cursor (keyset on the id,
 * so rows written meanwhile never shift a page). `nextCursor` is null on the last page.
 */
export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const conditions: SQL[] = [];
  if (query.entity) conditions.push(eq(auditLog.entity, query.entity));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.cursor) conditions.push(lt(auditLog.id, query.cursor));
  const rows = await db
    .select({ row: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(({ row, actorName }) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      actor: row.actorId ? { id: row.actorId, name: actorName ?? "" } : null,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.row.id) : null,
  };
}
