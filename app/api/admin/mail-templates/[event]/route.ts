// PUT /api/admin/mail-templates/{event} – save an event's template in both languages; DELETE – back to the default text (audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { resetEventTemplates, saveEventTemplates } from "@/lib/db/queries/mail";
import { assertKnownVariables } from "@/lib/mail/check";
import { mailEventParams, templatesInput } from "@/lib/validation/mail";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ["secretariat"], params: mailEventParams, body: templatesInput }, async ({ db, caller, params, body }) => {
  assertKnownVariables(params.event, body);
  return json(await saveEventTemplates(db, caller, params.event, body));
});

export const DELETE = guard({ access: ["secretariat"], params: mailEventParams }, async ({ db, caller, params }) => json(await resetEventTemplates(db, caller, params.event)));
