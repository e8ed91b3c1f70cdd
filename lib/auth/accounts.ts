import "server-only";
import { randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { accountJson, changeAccount, createAccount, findAccountByEmail, findAccountById, replacePassword } from "@/lib/db/queries/accounts";
import type { Role, User } from "@/lib/db/schema";
import { AppError, invalid } from "@/lib/errors";
import { componentLogger } from "@/lib/log";
import { sendMail, staffAccountMail } from "@/lib/mail";
import type { PasswordChangeInput, SignUpInput } from "@/lib/validation/account";
import type { StaffAccountInput } from "@/lib/validation/admin";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { assertAccountNotLocked, clearAccountFailures, countAccountFailure, limitAddress } from "./rate-limit";

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

/** Checks a password, with attempts limited per address and per account. */
export async function signInWithPassword(db: Db, email: string, password: string, ip: string): Promise<User> {
  await limitAddress(db, "signin", ip);
  await assertAccountNotLocked(db, "signin", email);
  const user = await findAccountByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await countAccountFailure(db, "signin", email);
    throw new AppError(401, "invalidCredentials");
  }
  if (user.disabledAt) throw new AppError(403, "accountDisabled");
  await clearAccountFailures(db, "signin", email);
  return user;
}

/**
 * PUT /api/account/password: a signed-in person replaces their own password. A wrong current
 * password counts against the same per-account limit as a failed sign-in, so a session left open
 * cannot be used to guess it; past the limit, both are refused (429). Every session of the
 * account ends; returns the new session version, for the caller's own to be re-issued.
 */
export async function changeOwnPassword(db: Db, caller: { id: string; email: string }, input: PasswordChangeInput): Promise<number> {
  await assertAccountNotLocked(db, "signin", caller.email);
  const user = await findAccountById(db, caller.id);
  if (!user) throw new AppError(401, "unauthenticated");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await countAccountFailure(db, "signin", caller.email);
    throw invalid({ currentPassword: { key: "wrongPassword" } });
  }
  await clearAccountFailures(db, "signin", caller.email);
  return replacePassword(db, user, await hashPassword(input.newPassword), new Date());
}

/** PATCH /api/admin/accounts/{id}: the change, if `accountChangeRefusal` (lib/contest/accounts.ts) allows it (409 with its reason otherwise). */
export function changeAccountAsSecretariat(db: Db, actorId: string, id: string, change: { role?: Role; disabled?: boolean }, reason: string): Promise<User> {
  return changeAccount(db, actorId, id, change, reason);
}
