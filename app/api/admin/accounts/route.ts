// GET|POST /api/admin/accounts – list accounts (role, name/e-mail without diacritics, page), or create a juror or secretariat account
import { createStaffAccount, staffAccountCreatedJson } from "@/lib/auth/accounts";
import { guard, json, zodFields } from "@/lib/auth/guard";
import { listAccounts } from "@/lib/db/queries/accounts";
import { AppError } from "@/lib/errors";
import { accountListQuery, staffAccountInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ req, db }) => {
  const query = accountListQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams), { reportInput: true });
  if (!query.success) throw new AppError(422, "validation", {}, zodFields(query.error));
  return json(await listAccounts(db, query.data));
});

// Not idempotent by key on purpose: a stored replay would keep the generated password in the database.
export const POST = guard({ access: ["secretariat"], body: staffAccountInput }, async ({ db, caller, body }) => {
  return json(staffAccountCreatedJson(await createStaffAccount(db, body, caller.id)), 201);
});
