import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { settings, users } from "../schema";
import { recordAudit } from "./audit";

export const TWO_FACTOR_REQUIRED = "twoFactorRequiredForStaff";

/** Keeps a new, not yet confirmed secret (replacing an earlier unconfirmed one); false once two-factor is on. */
export async function storePendingSecret(db: Db, userId: string, sealed: string): Promise<boolean> {
  const rows = await db.update(users).set({ totpSecret: sealed }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))).returning({ id: users.id });
  return rows.length === 1;
}

/** Turns two-factor on with the confirmed secret and the recovery codes' hashes; false if it already was. */
export async function enableTwoFactor(db: Db, userId: string, sealed: string, recoveryHashes: string[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpEnabledAt: sql`now()`, recoveryCodes: recoveryHashes })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpSecret, sealed)))
      .returning({ id: users.id });
    if (rows.length !== 1) return false;
    await recordAudit(tx, { actorId: userId, action: "account.twoFactor.enable", entity: "account", entityId: userId });
    return true;
  });
}

/** Turns two-factor off (by its owner, or a reset by the secretariat), audited; false if it was not on. */
export async function disableTwoFactor(db: Db, userId: string, actorId: string, action: "account.twoFactor.disable" | "account.twoFactor.reset", reason?: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, recoveryCodes: [] })
      .where(and(eq(users.id, userId), sql`(${users.totpEnabledAt} is not null or ${users.totpSecret} is not null)`))
      .returning({ id: users.id });
    if (rows.length !== 1) return false;
    await recordAudit(tx, { actorId, action, entity: "account", entityId: userId, ...(reason ? { after: { reason } } : {}) });
    return true;
  });
}

/** Spends one recovery code: false when it was already spent (two requests at once spend it once). */
export async function spendRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ recoveryCodes: sql`${users.recoveryCodes} - ${hash}::text` })
      .where(and(eq(users.id, userId), sql`jsonb_exists(${users.recoveryCodes}, ${hash}::text)`))
      .returning({ left: sql<number>`jsonb_array_length(${users.recoveryCodes})` });
    if (rows.length !== 1) return false;
    await recordAudit(tx, { actorId: userId, action: "account.twoFactor.recoveryCode", entity: "account", entityId: userId, after: { left: Number(rows[0]!.left) } });
    return true;
  });
}

export async function twoFactorRequiredForStaff(db: Db): Promise<boolean> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, TWO_FACTOR_REQUIRED));
  return row?.value === true;
}

export async function setTwoFactorRequiredForStaff(db: Db, required: boolean, actorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: TWO_FACTOR_REQUIRED, value: required })
      .onConflictDoUpdate({ target: settings.key, set: { value: required, updatedAt: sql`now()` } });
    await recordAudit(tx, { actorId, action: "settings.twoFactorRequiredForStaff", entity: "setting", entityId: TWO_FACTOR_REQUIRED, after: { required } });
  });
}

/** Whether a staff account must enrol before doing anything else: two-factor is required and it has none. */
export async function mustEnrolTwoFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        isNull(users.totpEnabledAt),
        sql`${users.role} in ('juror', 'secretariat')`,
        sql`exists (select 1 from ${settings} where ${settings.key} = ${TWO_FACTOR_REQUIRED} and ${settings.value} = 'true'::jsonb)`,
      ),
    );
  return row !== undefined;
}
