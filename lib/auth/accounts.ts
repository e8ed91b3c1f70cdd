import "server-only";
import { randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { accountJson, changeAccount, createAccount, findAccountByEmail, findAccountById, replacePassword } from "@/lib/db/queries/accounts";
import type { Role, User } from "@/lib/db/schema";
import { AppError, invalid } from "@/lib/errors";
import { componentLogger } from "@/lib/log";
import { sendMail, staffAccountMail, unlockMail } from "@/lib/mail";
import { recordAudit } from "@/lib/db/queries/audit";
import { siteUrl } from "@/lib/env";
import type { PasswordChangeInput, SignUpInput } from "@/lib/validation/account";
import type { StaffAccountInput } from "@/lib/validation/admin";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { assertAccountNotLocked, assertPairNotBlocked, clearAccountThrottles, clearPairFailures, countAccountFailure, countPairFailure, firstUseOfUnlockLink, limitAddress, mayMailUnlock, throttled } from "./rate-limit";
import { matchRecoveryCode, normalizeCode, openSecret, verifyTotp } from "./two-factor";
import { readUnlockToken, unlockToken } from "./unlock-link";
import { spendRecoveryCode } from "@/lib/db/queries/two-factor";

/** A journalist signs up themselves; every other role is created by the secretariat. */
export async function signUpJournalist(db: Db, input: SignUpInput, ip: string): Promise<User> {
  await limitAddress(db, "signup", ip);
  await assertAccountNotLocked(db, "signup", input.email);
  // Each attempt on one e-mail counts, so nobody can probe or squat addresses in a loop.
  await countAccountFailure(db, "signup", input.email);
  return createAccount(
    db,
    { email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role: "journalist", phone: input.phone, outlet: input.outlet, penNames: input.penNames ?? [] },
    null,
  );
}

// No 0/o, 1/l/i: the password is read off an e-mail and typed by hand.
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 16 characters in groups of four (about 79 bits), e.g. "k7pm-3xqa-vd9e-t2wh". */
export function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/**
 * The secretariat creates a juror or secretariat account with a generated password. The password
 * is returned to the caller once and e-mailed to the account; only its hash is stored, and it is
 * never logged or audited. A failed e-mail does not undo the account (`mailSent: false`): the
 * secretariat still has the password from the response.
 */
export async function createStaffAccount(db: Db, input: StaffAccountInput, actorId: string): Promise<{ user: User; password: string; mailSent: boolean }> {
  const password = generatePassword();
  const user = await createAccount(db, { email: input.email, name: input.name, passwordHash: await hashPassword(password), role: input.role, outlet: input.outlet ?? "" }, actorId);
  let mailSent = true;
  try {
    await sendMail(staffAccountMail({ to: user.email, name: user.name, role: input.role, password, locale: "vi" }));
  } catch (error) {
    mailSent = false;
    // Only the error's kind: the message being sent holds the password.
    componentLogger("mail").error({ accountId: user.id, errorType: error instanceof Error ? error.name : "unknown" }, "account e-mail not sent");
  }
  return { user, password, mailSent };
}

/** POST /api/admin/accounts's answer: the account, its generated password (shown once) and whether the e-mail went out. */
export function staffAccountCreatedJson({ user, password, mailSent }: Awaited<ReturnType<typeof createStaffAccount>>) {
  return { account: accountJson(user), password, mailSent };
}
export type StaffAccountCreated = ReturnType<typeof staffAccountCreatedJson>;

/**
 * Checks a password: attempts are limited per client address, and failures throttle the
 * (account, address) pair with growing delays (lib/auth/rate-limit.ts), never the account as a
 * whole. The failure that blocks a pair is already answered 429.
 */
export async function signInWithPassword(db: Db, email: string, password: string, ip: string, code?: string): Promise<User> {
  await limitAddress(db, "signin", ip);
  await assertPairNotBlocked(db, email, ip);
  const user = await findAccountByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await failedAttempt(db, user, email, ip);
    throw new AppError(401, "invalidCredentials");
  }
  if (user.disabledAt) throw new AppError(403, "accountDisabled");
  // With two-factor on, the right password alone is not enough: the form then asks for a code.
  if (user.totpEnabledAt) {
    if (!code) throw new AppError(401, "codeRequired");
    await checkSecondFactor(db, user, code, ip);
  }
  await clearPairFailures(db, email, ip);
  return user;
}

/**
 * A TOTP code from the account's app, or one of its recovery codes (spent on use, audited). A
 * wrong code counts as a failed sign-in of the pair, so codes cannot be guessed faster than passwords.
 */
export async function checkSecondFactor(db: Db, user: User, code: string, ip: string): Promise<void> {
  const given = normalizeCode(code);
  if (user.totpSecret && user.totpEnabledAt) {
    if (/^\d{6}$/.test(given)) {
      if (verifyTotp(openSecret(user.totpSecret), given)) return;
    } else {
      const hash = matchRecoveryCode(given, user.recoveryCodes);
      if (hash && (await spendRecoveryCode(db, user.id, hash))) return;
    }
  }
  await failedAttempt(db, user, user.email, ip);
  throw new AppError(401, "wrongCode");
}

/**
 * Counts a failed password (or, later, second-factor code) for the pair. When it blocks the pair,
 * the block is audited and the account, if there is one, is e-mailed an unlock link (at most a
 * few an hour); then the attempt is answered 429. An unknown e-mail is throttled the same way, so
 * the answers say nothing about which accounts exist.
 */
export async function failedAttempt(db: Db, user: User | null, email: string, ip: string): Promise<void> {
  const { failures, blockedUntil } = await countPairFailure(db, email, ip);
  if (!blockedUntil) return;
  if (user) {
    await recordAudit(db, { actorId: null, action: "account.throttle", entity: "account", entityId: user.id, after: { address: ip, failures, blockedUntil: blockedUntil.toISOString() } });
    if (await mayMailUnlock(db, email)) {
      const link = `${siteUrl}/api/account/unlock?token=${unlockToken(user.id)}`;
      const minutes = Math.max(1, Math.round((blockedUntil.getTime() - Date.now()) / 60_000));
      await sendMail(unlockMail({ to: user.email, name: user.name, link, minutes })).catch((error: unknown) => {
        componentLogger("mail").error({ accountId: user.id, errorType: error instanceof Error ? error.name : "unknown" }, "unlock e-mail not sent");
      });
    }
  }
  throw throttled(blockedUntil);
}

/**
 * GET /api/account/unlock: the e-mailed link clears every address's failures and blocks on the
 * account it was made for, and is audited. Returns what the sign-in page tells the person.
 */
export async function unlockWithLink(db: Db, token: string): Promise<"unlocked" | "invalid" | "expired" | "used"> {
  const read = readUnlockToken(token);
  if (typeof read === "string") return read;
  const user = await findAccountById(db, read.userId);
  if (!user) return "invalid";
  // Once only: a link left in a mailbox cannot clear the blocks again and again.
  if (!(await firstUseOfUnlockLink(db, token))) return "used";
  const cleared = await clearAccountThrottles(db, user.email);
  await recordAudit(db, { actorId: user.id, action: "account.unlock", entity: "account", entityId: user.id, after: { cleared } });
  return "unlocked";
}

/**
 * PUT /api/account/password: a signed-in person replaces their own password. A wrong current
 * password counts as a failed sign-in from the same address, so a session left open cannot be
 * used to guess it; once the pair is blocked, both are refused there (429). Every session of the
 * account ends; returns the new session version, for the caller's own to be re-issued.
 */
export async function changeOwnPassword(db: Db, caller: { id: string; email: string }, input: PasswordChangeInput, ip: string): Promise<number> {
  await assertPairNotBlocked(db, caller.email, ip);
  const user = await findAccountById(db, caller.id);
  if (!user) throw new AppError(401, "unauthenticated");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await failedAttempt(db, user, caller.email, ip);
    throw invalid({ currentPassword: { key: "wrongPassword" } });
  }
  await clearPairFailures(db, caller.email, ip);
  return replacePassword(db, user, await hashPassword(input.newPassword), new Date());
}

/** PATCH /api/admin/accounts/{id}: the change, if `accountChangeRefusal` (lib/contest/accounts.ts) allows it (409 with its reason otherwise). */
export function changeAccountAsSecretariat(db: Db, actorId: string, id: string, change: { role?: Role; disabled?: boolean }, reason: string): Promise<User> {
  return changeAccount(db, actorId, id, change, reason);
}
