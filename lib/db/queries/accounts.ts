import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { users, type Role, type User } from "../schema";
import { recordAudit } from "./audit";
import { AppError } from "@/lib/errors";

export type NewAccount = { email: string; name: string; passwordHash: string; role: Role; phone?: string; outlet?: string; penNames?: string[] };

/** What the audit log keeps of an account: never the password hash. */
function auditView(user: User) {
  return { email: user.email, name: user.name, role: user.role, phone: user.phone, outlet: user.outlet, penNames: user.penNames, disabledAt: user.disabledAt };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
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

/** The secretariat changes a role or disables an account; both take effect on the next request. */
export async function updateAccount(db: Db, id: string, change: { role?: Role; disabled?: boolean }, actorId: string): Promise<User> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw new AppError(404, "notFound");
    const [after] = await tx
      .update(users)
      .set({
        ...(change.role ? { role: change.role } : {}),
        ...(change.disabled === undefined ? {} : { disabledAt: change.disabled ? new Date() : null }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, { actorId, action: "account.update", entity: "account", entityId: id, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}
