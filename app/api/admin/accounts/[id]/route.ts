// PATCH /api/admin/accounts/{id} – change an account's role or disable/enable it, with a reason (rules in lib/auth/accounts.ts, audited)
import { changeAccountAsSecretariat } from "@/lib/auth/accounts";
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { accountJson } from "@/lib/db/queries/accounts";
import { accountChangeInput } from "@/lib/validation/admin";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const PATCH = guard({ access: ["secretariat"], params: entryParams, body: accountChangeInput }, async ({ db, caller, params, body }) =>
  json(accountJson(await changeAccountAsSecretariat(db, caller.id, params.id, { role: body.role, disabled: body.disabled }, body.reason))),
);
