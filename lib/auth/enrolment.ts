import "server-only";
import type { Db } from "@/lib/db/client";
import { findAccountById } from "@/lib/db/queries/accounts";
import { disableTwoFactor, enableTwoFactor, setTwoFactorRequiredForStaff, storePendingSecret, twoFactorRequiredForStaff } from "@/lib/db/queries/two-factor";
import { AppError, invalid } from "@/lib/errors";
import { checkSecondFactor } from "./accounts";
import { groupedSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeCode, openSecret, sealSecret, totpUri, verifyTotp } from "./two-factor";

/** POST /api/account/two-factor's answer: what the authenticator app needs (shown once, never stored in the clear). */
export type TwoFactorSetup = { secret: string; uri: string };
/** PUT /api/account/two-factor's answer: the recovery codes, shown this once. */
export type TwoFactorEnabled = { recoveryCodes: string[] };
/** GET/PUT /api/admin/settings. */
export type SiteSettings = { twoFactorRequiredForStaff: boolean };

async function account(db: Db, id: string) {
  const user = await findAccountById(db, id);
  if (!user) throw new AppError(401, "unauthenticated");
  return user;
}

/** Step 1: a new secret, kept sealed until confirmed; starting again replaces an unconfirmed one. */
export async function startEnrolment(db: Db, callerId: string): Promise<TwoFactorSetup> {
  const user = await account(db, callerId);
  if (user.totpEnabledAt) throw new AppError(409, "twoFactorAlreadyOn");
  const secret = newTotpSecret();
  if (!(await storePendingSecret(db, user.id, sealSecret(secret)))) throw new AppError(409, "twoFactorAlreadyOn");
  return { secret: groupedSecret(secret), uri: totpUri(secret, user.email) };
}

/** Step 2: a code from the app proves it holds the secret; two-factor is on, with ten recovery codes. Audited. */
export async function confirmEnrolment(db: Db, callerId: string, code: string): Promise<TwoFactorEnabled> {
  const user = await account(db, callerId);
  if (user.totpEnabledAt) throw new AppError(409, "twoFactorAlreadyOn");
  if (!user.totpSecret) throw new AppError(409, "twoFactorNotStarted");
  if (!verifyTotp(openSecret(user.totpSecret), normalizeCode(code))) throw invalid({ code: { key: "wrongCode" } });
  const recoveryCodes = newRecoveryCodes();
  // Compared with the secret just read: a setup restarted meanwhile (another tab) is not confirmed by this code.
  if (!(await enableTwoFactor(db, user.id, user.totpSecret, recoveryCodes.map((c) => hashRecoveryCode(c))))) throw new AppError(409, "twoFactorNotStarted");
  return { recoveryCodes };
}

/** Its owner turns two-factor off with a current code (or a recovery code); a wrong one counts as a failed sign-in. Audited. */
export async function disableOwnTwoFactor(db: Db, callerId: string, code: string, ip: string): Promise<void> {
  const user = await account(db, callerId);
  if (!user.totpEnabledAt) throw new AppError(409, "twoFactorOff");
  await checkSecondFactor(db, user, code, ip);
  await disableTwoFactor(db, user.id, user.id, "account.twoFactor.disable");
}

/** The secretariat clears another account's two-factor (a lost phone); the account enrols again. Audited with the reason. */
export async function resetTwoFactor(db: Db, actorId: string, userId: string, reason: string): Promise<void> {
  const user = await findAccountById(db, userId);
  if (!user) throw new AppError(404, "notFound");
  if (user.id === actorId) throw new AppError(409, "twoFactorResetSelf");
  if (!(await disableTwoFactor(db, user.id, actorId, "account.twoFactor.reset", reason))) throw new AppError(409, "twoFactorOff");
}

export async function siteSettings(db: Db): Promise<SiteSettings> {
  return { twoFactorRequiredForStaff: await twoFactorRequiredForStaff(db) };
}

export async function changeSiteSettings(db: Db, actorId: string, change: SiteSettings): Promise<SiteSettings> {
  // Whoever requires it has it: otherwise they would be sent to enrol by their own click.
  if (change.twoFactorRequiredForStaff && !(await account(db, actorId)).totpEnabledAt) throw new AppError(409, "twoFactorEnrolFirst");
  await setTwoFactorRequiredForStaff(db, change.twoFactorRequiredForStaff, actorId);
  return siteSettings(db);
}

/** What the two-factor page shows: whether it is on for this account, and whether the secretariat requires it. */
export async function twoFactorStatus(db: Db, userId: string): Promise<{ enabled: boolean; required: boolean; recoveryCodesLeft: number }> {
  const user = await account(db, userId);
  return { enabled: user.totpEnabledAt !== null, required: await twoFactorRequiredForStaff(db), recoveryCodesLeft: user.recoveryCodes.length };
}
