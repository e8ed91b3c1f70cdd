// POST /api/account – a journalist signs up
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { signUpJournalist } from "@/lib/auth/accounts";
import { signUpInput } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone", body: signUpInput }, async ({ db, body, ip }) => {
  const user = await signUpJournalist(db, body, ip);
  return json({ id: user.id, email: user.email, name: user.name, role: user.role }, 201);
});
