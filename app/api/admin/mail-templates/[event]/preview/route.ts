// POST /api/admin/mail-templates/{event}/preview – the message as it would be sent, from the drafts (or the stored templates) and sample facts
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { assertKnownVariables } from "@/lib/mail/check";
import { composeEventMail, sampleVars } from "@/lib/mail/events";
import { draftInput, mailEventParams } from "@/lib/validation/mail";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: mailEventParams, body: draftInput }, async ({ db, caller, params, body, locale }) => {
  assertKnownVariables(params.event, body);
  const rendered = await composeEventMail(db, { event: params.event, vars: sampleVars(params.event, caller.name), locale }, body);
  return json({ to: caller.email, ...rendered });
});
