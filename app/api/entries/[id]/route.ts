// GET|PATCH|DELETE /api/entries/{id} – read, change (until the deadline) or delete a draft entry
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { deleteDraft, getOwnEntry, updateEntry, type Invitation } from "@/lib/db/queries/entries";
import { notifyInvited } from "@/lib/mail/invitations";
import { updateEntryInput } from "@/lib/validation/entry";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["journalist"], params: entryParams }, async ({ db, caller, params }) => json(await getOwnEntry(db, caller, params.id)));

export const PATCH = guard({ access: ["journalist"], params: entryParams, body: updateEntryInput }, async ({ db, caller, params, body, locale, log }) => {
  let invited: Invitation[] = [];
  const entry = await updateEntry(db, caller, params.id, body, new Date(), (list) => (invited = list));
  notifyInvited(db, invited, caller, entry, locale, log);
  return json(entry);
});

export const DELETE = guard({ access: ["journalist"], params: entryParams }, async ({ db, caller, params }) => {
  await deleteDraft(db, caller, params.id, new Date());
  return new Response(null, { status: 204 });
});
