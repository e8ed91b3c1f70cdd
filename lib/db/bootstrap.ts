import "server-only";
import type { Db } from "./client";
import type { User } from "./schema";
import { createAccount, findAccountByEmail } from "./queries/accounts";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

/**
 * The installation's first secretariat account, from LANTOA_ADMIN_EMAIL/PASSWORD. An existing
 * account with that e-mail is left exactly as it is (its password may have been changed since),
 * so restarting with the variables still set changes nothing.
 */
export async function ensureSecretariat(db: Db, email: string, password: string): Promise<{ user: User; created: boolean }> {
  const existing = await findAccountByEmail(db, email);
  if (existing) return { user: existing, created: false };
  const passwordHash = await hashPassword(password);
  try {
    return { user: await createAccount(db, { email: email.toLowerCase(), name: "Tổ Thư ký", passwordHash, role: "secretariat" }, null), created: true };
  } catch (error) {
    // Another instance created it a moment ago.
    if (error instanceof AppError && error.status === 409) return { user: (await findAccountByEmail(db, email))!, created: false };
    throw error;
  }
}
