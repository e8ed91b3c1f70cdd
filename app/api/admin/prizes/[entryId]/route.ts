// PUT /api/admin/prizes/{entryId} – award, change or (tier null) remove one entry's prize, with a reason (audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { setPrize } from "@/lib/db/queries/prizes";
import { prizeInput, prizeParams } from "@/lib/validation/prizes";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ["secretariat"], params: prizeParams, body: prizeInput }, async ({ db, caller, params, body }) => {
  const contest = await getCurrentContest(db);
  return json(await setPrize(db, caller, contest.id, params.entryId, body));
});
