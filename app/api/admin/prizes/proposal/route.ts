// POST /api/admin/prizes/proposal – fill the prize decisions from the quotas (replacing existing ones needs a reason; audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { prizeOverview, proposePrizes } from "@/lib/db/queries/prizes";
import { proposalInput } from "@/lib/validation/prizes";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], body: proposalInput }, async ({ db, caller, body }) => {
  const contest = await getCurrentContest(db);
  await proposePrizes(db, caller, contest.id, body.reason);
  return json(await prizeOverview(db, contest));
});
