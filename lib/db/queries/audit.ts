import "server-only";
import { and, desc, eq, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, contests, entries, rounds, scores, searchOutbox, users } from "../schema";
import type { AuditQuery } from "@/lib/validation/admin";

export type AuditInput = { actorId: string | null; action: string; entity: "entry" | "account" | "contest" | "round" | "assignment" | "conflict" | "score" | "prize" | "setting" | "mailTemplate" | "nomination"; entityId: string; before?: unknown; after?: unknown };

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
  /** What the row is about, by name: an entry's code and title, a person's name, a round's name. */
  object: AuditObject;
  before: unknown;
  after: unknown;
};

/** `entryId`/`roundId` link the object's page (a sheet and an assignment belong to an entry). */
export type AuditObject = { label: string | null; entryId: string | null; roundId: string | null };

const str = (v: unknown) => (typeof v === "string" ? v : null);
const field = (record: unknown, key: string) => (record && typeof record === "object" && !Array.isArray(record) ? str((record as Record<string, unknown>)[key]) : null);

/**
 * Names for the objects of audit rows, in a handful of queries whatever the number of rows:
 * entries by code and title, accounts and jurors by name, rounds by name, sheets by entry and juror.
 */
export async function auditObjects(db: Db, rows: { entity: string; entityId: string; before: unknown; after: unknown }[]): Promise<AuditObject[]> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && uuid.test(r.entityId)).map((r) => r.entityId))];
  const payload = (key: string) => [...new Set(rows.flatMap((r) => [field(r.before, key), field(r.after, key)]).filter((v): v is string => v !== null && uuid.test(v)))];
  const scoreRows = ids("score").length ? await db.select({ id: scores.id, entryId: scores.entryId, jurorId: scores.jurorId, roundId: scores.roundId }).from(scores).where(inArray(scores.id, ids("score"))) : [];
  const entryIds = [...new Set([...ids("entry"), ...ids("prize"), ...payload("entryId"), ...scoreRows.map((s) => s.entryId)])];
  const userIds = [...new Set([...ids("account"), ...payload("jurorId"), ...scoreRows.map((s) => s.jurorId)])];
  const [entryRows, userRows, roundRows, contestRows] = await Promise.all([
    entryIds.length ? db.select({ id: entries.id, code: entries.code, title: entries.title }).from(entries).where(inArray(entries.id, entryIds)) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
    ids("round").length ? db.select({ id: rounds.id, name: rounds.name }).from(rounds).where(inArray(rounds.id, ids("round"))) : [],
    ids("contest").length ? db.select({ id: contests.id, year: contests.year }).from(contests).where(inArray(contests.id, ids("contest"))) : [],
  ]);
  const entry = new Map(entryRows.map((e) => [e.id, e]));
  const user = new Map(userRows.map((u) => [u.id, u.name]));
  const round = new Map(roundRows.map((r) => [r.id, r.name.vi]));
  const contest = new Map(contestRows.map((c) => [c.id, String(c.year)]));
  const sheet = new Map(scoreRows.map((s) => [s.id, s]));
  const entryLabel = (id: string | null) => {
    const e = id ? entry.get(id) : undefined;
    return e ? [e.code, e.title && `“${e.title}”`].filter(Boolean).join(" ") : null;
  };
  return rows.map((r) => {
    switch (r.entity) {
      case "entry":
      case "prize":
        return { label: entryLabel(r.entityId), entryId: entry.has(r.entityId) ? r.entityId : null, roundId: null };
      case "account":
        return { label: user.get(r.entityId) ?? null, entryId: null, roundId: null };
      case "round":
        return { label: round.get(r.entityId) ?? null, entryId: null, roundId: round.has(r.entityId) ? r.entityId : null };
      case "contest":
        return { label: contest.get(r.entityId) ?? null, entryId: null, roundId: null };
      case "nomination":
        // Its code (DC-…): the nominee's name stays with the editors.
        return { label: r.entityId, entryId: null, roundId: null };
      case "score": {
        const s = sheet.get(r.entityId);
        return s ? { label: [entryLabel(s.entryId), user.get(s.jurorId)].filter(Boolean).join(" · "), entryId: s.entryId, roundId: s.roundId } : { label: null, entryId: null, roundId: null };
      }
      case "assignment":
      case "conflict": {
        const entryId = field(r.after, "entryId") ?? field(r.before, "entryId");
        const jurorId = field(r.after, "jurorId") ?? field(r.before, "jurorId");
        const label = [entryLabel(entryId), jurorId ? user.get(jurorId) : null].filter(Boolean).join(" · ");
        return { label: label || null, entryId: entryId && entry.has(entryId) ? entryId : null, roundId: field(r.after, "roundId") ?? field(r.before, "roundId") };
      }
      default:
        return { label: null, entryId: null, roundId: null };
    }
  });
}

/** The filters of the audit log as SQL: kind of object, object, entry code, actor, action or its family. */
export async function auditWhere(db: Db, query: Pick<AuditQuery, "entity" | "entityId" | "actorId" | "action" | "code">): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (query.entity) conditions.push(eq(auditLog.entity, query.entity));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conditions.push(or(eq(auditLog.action, query.action), like(auditLog.action, `${query.action}.%`))!);
  if (query.code) {
    const [found] = await db.select({ id: entries.id }).from(entries).where(eq(entries.code, query.code));
    if (!found) conditions.push(sql`false`);
    else {
      const sheetIds = db.select({ id: sql`${scores.id}::text` }).from(scores).where(eq(scores.entryId, found.id));
      conditions.push(or(and(inArray(auditLog.entity, ["entry", "prize"]), eq(auditLog.entityId, found.id)), and(eq(auditLog.entity, "score"), inArray(auditLog.entityId, sheetIds)))!);
    }
  }
  return conditions;
}

/** Log rows meeting every condition, newest first, at most `limit`, each with its actor's name. */
export function auditRows(db: Db, conditions: SQL[], limit: number) {
  return db
    .select({ row: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/**
 * GET /api/admin/audit: newest first, a page of `limit` rows after the cursor (keyset on the id,
 * so rows written meanwhile never shift a page). `nextCursor` is null on the last page.
 */
export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const conditions = await auditWhere(db, query);
  if (query.cursor) conditions.push(lt(auditLog.id, query.cursor));
  const rows = await auditRows(db, conditions, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const objects = await auditObjects(db, page.map((p) => p.row));
  return {
    items: page.map(({ row, actorName }, i) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      actor: row.actorId ? { id: row.actorId, name: actorName ?? "" } : null,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      object: objects[i]!,
      before: row.before,
      after: row.after,
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.row.id) : null,
  };
}

/** Accounts that appear as actors in the log, for the actor filter. */
export async function auditActors(db: Db): Promise<{ id: string; name: string }[]> {
  const rows = await db.selectDistinct({ id: users.id, name: users.name }).from(auditLog).innerJoin(users, eq(users.id, auditLog.actorId));
  return rows.sort((a, b) => a.name.localeCompare(b.name, "vi"));
}
