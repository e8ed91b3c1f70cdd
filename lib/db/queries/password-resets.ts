import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { passwordResets, users, type User } from "../schema";
import { recordAudit } from "./audit";
import { resetLinkState, type ResetLinkState } from "@/lib/auth/reset-token";
import { AppError } from "@/lib/errors";

/** Stores a new link's hash for the account, and audits the request (never the token). */
export async function createPasswordReset(db: Db, user: User, tokenHash: string, expiresAt: Date, address: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({ userId: user.id, tokenHash, expiresAt });
    await recordAudit(tx, { actorId: null, action: "account.passwordReset.request", entity: "account", entityId: user.id, after: { address, expiresAt: expiresAt.toISOString() } });
  });
}

/** What the reset page says before a password is typed: can this link still be used? */
export async function passwordResetState(db: Db, tokenHash: string | null, now = new Date()): Promise<ResetLinkState> {
  if (!tokenHash) return "invalid";
  const [row] = await db
    .select({ expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt, disabledAt: users.disabledAt })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, tokenHash));
  return resetLinkState(row ? { ...row, accountDisabled: row.disabledAt !== null } : null, now);
}

const ERROR_CODES = { invalid: "resetLinkInvalid", expired: "resetLinkExpired", used: "resetLinkUsed" } as const;
const ERROR_STATUS = { invalid: 404, expired: 410, used: 410 } as const;

/**
 * Sets a new password through a link, in one transaction: the link row is locked, so two uses at
 * once cannot both succeed. Every link of the account is spent, every session ends (the session
 * version is raised), and the change is audited without hashes. Returns the account.
 */
export async function resetPasswordWithLink(db: Db, tokenHash: string | null, passwordHash: string, now: Date): Promise<User> {
  return db.transaction(async (tx) => {
    const [link] = tokenHash ? await tx.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).for("update") : [];
    const [before] = link ? await tx.select().from(users).where(eq(users.id, link.userId)).for("update") : [];
    const state = resetLinkState(link && before ? { expiresAt: link.expiresAt, usedAt: link.usedAt, accountDisabled: before.disabledAt !== null } : null, now);
    if (state !== "valid") throw new AppError(ERROR_STATUS[state], ERROR_CODES[state]);
    const [after] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, before!.id))
      .returning();
    // This link and any other still open for the account: one reset ends them all.
    await spendPasswordResets(tx, before!.id, now);
    await recordAudit(tx, {
      actorId: before!.id,
      action: "account.passwordReset",
      entity: "account",
      entityId: before!.id,
      before: { passwordChangedAt: before!.passwordChangedAt, sessionVersion: before!.sessionVersion },
      after: { passwordChangedAt: now, sessionVersion: after!.sessionVersion },
    });
    return after!;
  });
}

/** A password changed by its owner also spends the links still open (called in that transaction). */
export async function spendPasswordResets(tx: Db, userId: string, now: Date): Promise<void> {
  await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
