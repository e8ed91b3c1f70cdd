// PUT /api/account/password – the signed-in person changes their own password (any role); every other session ends
import { changeOwnPassword } from "@/lib/auth/accounts";
import { guard } from "@/lib/auth/guard";
import { noStore } from "@/lib/http/response";
import { parseCookies, renewedSessionCookie } from "@/lib/auth/session";
import { ROLES } from "@/lib/db/schema";
import { passwordChangeInput } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ROLES, body: passwordChangeInput }, async ({ req, db, caller, body, ip }) => {
  await changeOwnPassword(db, caller, body, ip);
  // This device's session was issued before the change too: it gets a new one.
  const cookie = await renewedSessionCookie(parseCookies(req.headers.get("cookie")));
  return new Response(null, { status: 204, headers: { ...noStore, ...(cookie ? { "Set-Cookie": cookie } : {}) } });
});
