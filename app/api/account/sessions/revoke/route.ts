// POST /api/account/sessions/revoke – sign out everywhere: every session of the caller's account ends except the one asking, which is re-issued
import { guard } from "@/lib/auth/guard";
import { parseCookies, readSessionToken, reissuedSessionCookie } from "@/lib/auth/session";
import { revokeSessions } from "@/lib/db/queries/accounts";
import { ROLES } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { noStore } from "@/lib/http/response";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ROLES }, async ({ req, db, caller }) => {
  const cookies = parseCookies(req.headers.get("cookie"));
  const session = await readSessionToken(cookies);
  // The guard has accepted this session, so its version is a number; checked again for the type.
  if (typeof session?.payload.sv !== "number") throw new AppError(401, "unauthenticated");
  const version = await revokeSessions(db, caller.id, session.payload.sv);
  const cookie = await reissuedSessionCookie(cookies, version);
  return new Response(null, { status: 204, headers: { ...noStore, ...(cookie ? { "Set-Cookie": cookie } : {}) } });
});
