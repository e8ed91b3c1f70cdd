// PUT /api/account/password – the signed-in person changes their own password (any role); every other session ends
import { changeOwnPassword } from "@/lib/auth/accounts";
import { guard } from "@/lib/auth/guard";
import { noStore } from "@/lib/http/response";
import { parseCookies, reissuedSessionCookie } from "@/lib/auth/session";
import { ROLES } from "@/lib/db/schema";
import { passwordChangeInput } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ROLES, body: passwordChangeInput }, async ({ req, db, caller, body, ip }) => {
  const version = await changeOwnPassword(db, caller, body, ip);
  // The change raised the session version, ending this device's session too: it gets a new one.
  const cookie = await reissuedSessionCookie(parseCookies(req.headers.get("cookie")), version);
  return new Response(null, { status: 204, headers: { ...noStore, ...(cookie ? { "Set-Cookie": cookie } : {}) } });
});
