// POST /api/admin/mail-templates/{event}/test – send the preview to the caller's own address (recorded as a test)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { AppError } from "@/lib/errors";
import { assertKnownVariables } from "@/lib/mail/check";
import { sampleVars, sendEventMail } from "@/lib/mail/events";
import { draftInput, mailEventParams } from "@/lib/validation/mail";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: mailEventParams, body: draftInput }, async ({ db, caller, params, body, locale, log }) => {
  assertKnownVariables(params.event, body);
  try {
    const rendered = await sendEventMail(db, { event: params.event, to: caller.email, userId: caller.id, vars: sampleVars(params.event, caller.name), locale }, { test: true, sentBy: caller.id, drafts: body });
    return json({ to: caller.email, ...rendered });
  } catch (error) {
    log.error({ err: error, event: params.event }, "test message not sent");
    throw new AppError(502, "mailFailed");
  }
});
