// GET|POST /api/admin/accounts – list accounts (role, name/e-mail without diacritics, page), or create a juror or secretariat account
import { createStaffAccount, staffAccountCreatedJson } from "@/lib/auth/accounts";
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { listAccounts } from "@/lib/db/queries/accounts";
import { accountListQuery, staffAccountInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], query: accountListQuery }, async ({ db, query }) => json(await listAccounts(db, query)));

// Not idempotent by key on purpose: a stored replay would keep the generated password in the database.
export const POST = guard({ access: ["secretariat"], body: staffAccountInput }, async ({ db, caller, body }) => {
  return json(staffAccountCreatedJson(await createStaffAccount(db, body, caller.id)), 201);
});
