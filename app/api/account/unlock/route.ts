// GET /api/account/unlock?token=… – the link e-mailed when failed sign-ins block an address: clears
// every block on its account, then sends the browser to the sign-in page, which says what happened
// (unlocked, expired or not valid) in the reader's language.
import { z } from "zod";
import { unlockWithLink } from "@/lib/auth/accounts";
import { guard } from "@/lib/auth/guard";
import { siteUrl } from "@/lib/env";
import { noStore } from "@/lib/http/response";
import { localizedPath } from "@/lib/i18n/paths";

export const dynamic = "force-dynamic";

const query = z.object({ token: z.string().max(200) });

export const GET = guard({ access: "anyone", query }, async ({ db, query, locale }) => {
  const outcome = await unlockWithLink(db, query.token);
  return new Response(null, { status: 303, headers: { ...noStore, Location: `${siteUrl}${localizedPath(locale, "/signin")}?unlock=${outcome}` } });
});
