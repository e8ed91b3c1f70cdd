import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { createAccount } from "@/lib/db/queries/accounts";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { contests, entries, entryAuthors, type CategoryCode, type Role, type User } from "@/lib/db/schema";
import { hashPassword } from "@/lib/auth/password";

export const PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export async function makeUser(db: Db, role: Role = "journalist", name = "Nguyễn Văn A"): Promise<User> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${role}-${randomBytes(5).toString("hex")}@example.vn`;
  return createAccount(db, { email, name, role, passwordHash: await passwordHash, outlet: "Báo Lao Động" }, null);
}

/** A complete print entry, valid for the current contest. */
export async function completeEntry(db: Db) {
  const contest = await getCurrentContest(db);
  return { category: "print", title: "Người thầy bản Mông", summary: "Một thầy giáo mười năm bám bản.", outlet: "Báo Lao Động", publishedAt: contest.publishedFrom, length: 1200 };
}

export { mp3, mp4, pdf } from "./files";

export function form(bytes: Buffer, fileName = "bai-bao.pdf", field = "file"): FormData {
  const data = new FormData();
  data.append(field, new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), fileName);
  return data;
}

/** Moves the current contest's deadline (tests of "after the deadline" and "not yet open"). */
export async function setWindow(db: Db, opensAt: Date, closesAt: Date): Promise<void> {
  const contest = await getCurrentContest(db);
  await db.update(contests).set({ submissionOpensAt: opensAt, submissionClosesAt: closesAt }).where(eq(contests.id, contest.id));
}

/** Everything a bad request could have touched, to check it left the database as it was. */
export async function databaseState(db: Db): Promise<string> {
  const { sql } = await import("drizzle-orm");
  const tables = ["users", "contests", "entries", "entry_authors", "attachments", "audit_log", "search_outbox", "idempotency_keys"];
  const parts: unknown[] = [];
  for (const table of tables) {
    const result = await db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n from ${table} t`));
    parts.push(table, (result as unknown as { rows: unknown[] }).rows[0]);
  }
  return JSON.stringify(parts);
}

type SubmittedEntryOptions = { category?: CategoryCode; outlet?: string; eligibility?: "eligible" | "ineligible" | null; status?: "submitted" | "withdrawn"; /** The title's first words; a random suffix keeps titles apart. */ title?: string; penName?: string };

/**
 * A submitted entry of the current contest written straight to the database, its owner as first
 * author (the journalist's API has its own tests): for the secretariat's and the jury's suites.
 */
export async function insertSubmittedEntry(db: Db, owner: User, { category = "print", outlet = "Báo Tiền Phong", eligibility = "eligible", status = "submitted", title, penName }: SubmittedEntryOptions = {}) {
  const contest = await getCurrentContest(db);
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const [entry] = await db
    .insert(entries)
    .values({ contestId: contest.id, ownerId: owner.id, category, status, code: `BC2026-T${suffix}`, title: `${title ?? "Bài"} ${suffix}`, outlet, eligibility, submittedAt: new Date() })
    .returning();
  await db.insert(entryAuthors).values({ entryId: entry!.id, position: 0, name: owner.name, penName: penName ?? "", userId: owner.id });
  return entry!;
}
