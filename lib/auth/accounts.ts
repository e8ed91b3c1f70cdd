import "server-only";
import type { Db } from "@/lib/db/client";
import { createAccount, findAccountByEmail } from "@/lib/db/queries/accounts";
import type { Role, User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SignUpInput } from "@/lib/validation/account";
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

/** The secretariat creates juror and secretariat accounts. */
export async function createStaffAccount(db: Db, input: { email: string; name: string; password: string; role: Exclude<Role, "journalist"> }, actorId: string): Promise<User> {
  return createAccount(db, { email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role: input.role }, actorId);
}

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
