// DELETE /api/admin/accounts/{id}/two-factor – the secretariat resets an account's two-factor (a lost phone), with a reason (audited)
import { guard } from "@/lib/auth/guard";
import { resetTwoFactor } from "@/lib/auth/enrolment";
import { twoFactorResetInput } from "@/lib/validation/admin";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const DELETE = guard({ access: ["secretariat"], params: entryParams, body: twoFactorResetInput }, async ({ db, caller, params, body }) => {
  await resetTwoFactor(db, caller.id, params.id, body.reason);
  return new Response(null, { status: 204 });
});
