// POST /api/account/password-reset – anyone asks for a password reset link by e-mail; the answer
// is the same whether or not an account has that e-mail
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { guard } from "@/lib/auth/guard";
import { noStore } from "@/lib/http/response";
import { passwordResetRequestInput } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone", body: passwordResetRequestInput }, async ({ db, body, ip, locale }) => {
  await requestPasswordReset(db, body.email, locale, ip);
  return new Response(null, { status: 202, headers: noStore });
});
