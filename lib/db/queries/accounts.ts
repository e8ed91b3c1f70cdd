import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, entries, entryAuthors, rounds, users, type Role, type User } from "../schema";
import { recordAudit } from "./audit";
import { countsTowardLimitWhere } from "../conditions";
import { isUniqueViolation } from "./errors";
import { spendPasswordResets } from "./password-resets";
import { findCurrentContest } from "./contests";
import { accountChangeRefusal } from "@/lib/contest/accounts";
import { AppError, invalid } from "@/lib/errors";
import { ACCOUNTS_PER_PAGE, type AccountListQuery } from "@/lib/validation/admin";

export type NewAccount = { email: string; name: string; passwordHash: string; role: Role; phone?: string; outlet?: string; penNames?: string[] };

/** What the audit log keeps of an account: never the password hash. */
function auditView(user: User) {
  return { email: user.email, name: user.name, role: user.role, phone: user.phone, outlet: user.outlet, penNames: user.penNames, disabledAt: user.disabledAt };
}


export async function createAccount(db: Db, account: NewAccount, actorId: string | null): Promise<User> {
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(account).returning();
      await recordAudit(tx, { actorId: actorId ?? user!.id, action: "account.create", entity: "account", entityId: user!.id, after: auditView(user!) });
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, "emailTaken", {}, { email: { key: "emailTaken" } });
    throw error;
  }
}

export async function findAccountByEmail(db: Db, email: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user ?? null;
}

export async function findAccountById(db: Db, id: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function findAccountsByEmail(db: Db, emails: string[]): Promise<User[]> {
  return emails.length === 0 ? [] : db.select().from(users).where(inArray(users.email, emails));
}

// Raising an account's session version ends every session issued before (lib/auth/session.ts).
const nextSessionVersion = sql<number>`${users.sessionVersion} + 1`;

/**
 * Replaces the password of `before` (read when the current password was checked), unless it
 * changed meanwhile: then the password that was checked is no longer the current one. Every
 * session ends (the session version is raised); the caller re-issues its own at the version
 * returned. Audited without the hashes.
 */
export async function replacePassword(db: Db, before: User, passwordHash: string, changedAt: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, before.id)).for("update");
    if (!row) throw new AppError(404, "notFound");
    if (row.passwordHash !== before.passwordHash) throw invalid({ currentPassword: { key: "wrongPassword" } });
    const [after] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: changedAt, sessionVersion: nextSessionVersion, updatedAt: changedAt })
      .where(eq(users.id, before.id))
      .returning({ sessionVersion: users.sessionVersion });
    // A reset link still in a mailbox must not undo the password just chosen.
    await spendPasswordResets(tx, before.id, changedAt);
    await recordAudit(tx, { actorId: before.id, action: "account.password", entity: "account", entityId: before.id, before: { passwordChangedAt: before.passwordChangedAt }, after: { passwordChangedAt: changedAt } });
    return after!.sessionVersion;
  });
}

/**
 * POST /api/account/sessions/revoke: ends every session of the account by raising its session
 * version, only if it is still `fromVersion`, the one of the session asking — a session another
 * one has just ended cannot outlive it this way (401). Audited. Returns the new version.
 */
export async function revokeSessions(db: Db, userId: string, fromVersion: number): Promise<number> {
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ sessionVersion: nextSessionVersion, updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.sessionVersion, fromVersion), isNull(users.disabledAt)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!after) throw new AppError(401, "unauthenticated");
    await recordAudit(tx, { actorId: userId, action: "account.sessions", entity: "account", entityId: userId, before: { sessionVersion: fromVersion }, after: { sessionVersion: after.sessionVersion } });
    return after.sessionVersion;
  });
}

/** Changes a role or the disabled flag (no rules: see changeAccount); either ends the account's sessions. */
export async function updateAccount(db: Db, id: string, change: { role?: Role; disabled?: boolean }, actorId: string): Promise<User> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw new AppError(404, "notFound");
    return writeAccountChange(tx, before, change, actorId);
  });
}

function changesAccess(before: User, change: { role?: Role; disabled?: boolean }): boolean {
  return (change.role !== undefined && change.role !== before.role) || (change.disabled !== undefined && change.disabled !== (before.disabledAt !== null));
}

async function writeAccountChange(tx: Db, before: User, change: { role?: Role; disabled?: boolean }, actorId: string, reason?: string): Promise<User> {
  const [after] = await tx
    .update(users)
    .set({
      ...(change.role ? { role: change.role } : {}),
      // Re-disabling keeps the first date: it says since when the account has been off.
      ...(change.disabled === undefined ? {} : { disabledAt: change.disabled ? (before.disabledAt ?? new Date()) : null }),
      // A new role or a change of the disabled flag (either way) ends the account's sessions:
      // re-enabling must not revive the ones open when it was disabled.
      ...(changesAccess(before, change) ? { sessionVersion: nextSessionVersion } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, before.id))
    .returning();
  await recordAudit(tx, { actorId, action: "account.update", entity: "account", entityId: before.id, before: auditView(before), after: { ...auditView(after!), ...(reason === undefined ? {} : { reason }) } });
  return after!;
}

/**
 * PATCH /api/admin/accounts/{id}: the secretariat changes a role or the disabled flag under the
 * rule of `accountChangeRefusal` (lib/contest/accounts.ts). Every active secretariat row is
 * locked first, in id order, so two members demoting each other at once cannot leave the
 * contest with none.
 */
export async function changeAccount(
  db: Db,
  actorId: string,
  id: string,
  change: { role?: Role; disabled?: boolean },
  reason: string,
): Promise<User> {
  return db.transaction(async (tx) => {
    const secretariat = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "secretariat"), isNull(users.disabledAt)))
      .orderBy(asc(users.id))
      .for("update");
    const activeSecretariatIds = secretariat.map((u) => u.id);
    // The caller's own rights may have gone while this request waited for the lock.
    if (!activeSecretariatIds.includes(actorId)) throw new AppError(403, "forbidden");
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw new AppError(404, "notFound");
    const contest = await findCurrentContest(tx);
    const [competing] = contest
      ? await tx
          .select({ n: count() })
          .from(entries)
          .where(
            and(
              eq(entries.contestId, contest.id),
              ne(entries.status, "withdrawn"),
              // A pending or declined co-authorship is not competing: only an accepted one counts.
              or(eq(entries.ownerId, id), inArray(entries.id, tx.select({ id: entryAuthors.entryId }).from(entryAuthors).where(and(eq(entryAuthors.userId, id), countsTowardLimitWhere(entryAuthors))))),
            ),
          )
      : [{ n: 0 }];
    const [open] = await tx
      .select({ n: count() })
      .from(assignments)
      .innerJoin(rounds, eq(rounds.id, assignments.roundId))
      .where(and(eq(assignments.jurorId, id), eq(rounds.status, "open")));
    const refusal = accountChangeRefusal({
      actorId,
      target: { id, role: before.role, disabled: before.disabledAt !== null },
      change,
      activeSecretariatIds,
      currentEntries: Number(competing?.n ?? 0),
      excludedRoles: contest?.excludedRoles ?? ["juror", "secretariat"],
      openAssignments: Number(open?.n ?? 0),
    });
    if (refusal) throw new AppError(409, refusal.code, refusal.params);
    if (!changesAccess(before, change)) return before;
    return writeAccountChange(tx, before, change, actorId, reason);
  });
}

/** An account as the secretariat's list shows it: never the password hash. */
export function accountJson(user: User) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    outlet: user.outlet,
    disabled: user.disabledAt !== null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    twoFactor: user.totpEnabledAt !== null,
  };
}
export type AccountJson = ReturnType<typeof accountJson>;

/**
 * GET /api/admin/accounts: newest first, filtered by role and by words of `q` that must all occur
 * in the name or e-mail, compared without case or diacritics (unaccent: "nguyen van" finds
 * "Nguyễn Văn", "do" finds "Đỗ").
 */
export async function listAccounts(db: Db, query: AccountListQuery): Promise<{ accounts: AccountJson[]; total: number; page: number; pageCount: number }> {
  const conditions: SQL[] = [];
  if (query.role) conditions.push(eq(users.role, query.role));
  for (const word of query.q.split(" ").filter(Boolean).slice(0, 10)) {
    // LIKE's own wildcards in the query are matched literally.
    const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
    conditions.push(sql`unaccent(lower(${users.name} || ' ' || ${users.email})) like unaccent(${pattern})`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(ACCOUNTS_PER_PAGE)
      .offset((query.page - 1) * ACCOUNTS_PER_PAGE),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const n = Number(total?.n ?? 0);
  return { accounts: rows.map(accountJson), total: n, page: query.page, pageCount: Math.ceil(n / ACCOUNTS_PER_PAGE) };
}
