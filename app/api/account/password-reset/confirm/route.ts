// POST /api/account/password-reset/confirm – sets a new password through an e-mailed link, once;
// every session of the account ends
import { resetPassword } from "@/lib/auth/password-reset";
import { guard } from "@/lib/auth/guard";
import { noStore } from "@/lib/http/response";
import { passwordResetInput } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone", body: passwordResetInput }, async ({ db, body, ip }) => {
  await resetPassword(db, body, ip);
  return new Response(null, { status: 204, headers: noStore });
});
