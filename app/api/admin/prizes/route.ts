// GET /api/admin/prizes – the final round's ranking per category with the quotas' proposal, and the prize decisions
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { prizeOverview } from "@/lib/db/queries/prizes";
import { translator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ db, locale }) => {
  const overview = await prizeOverview(db, await getCurrentContest(db));
  // Said in words as well as by `round: null`, so a screen can show it as it is.
  const notice = overview.round ? null : { code: "noClosedRound", message: translator(locale, "Errors")("noClosedRound") };
  return json({ ...overview, published: overview.contest.resultsPublishedAt !== null, notice });
});
