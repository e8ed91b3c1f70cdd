// PUT /api/admin/prizes/{entryId}/citation – the jury's citation of one prize, in Vietnamese and English (audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { setCitation } from "@/lib/db/queries/prizes";
import { citationInput, prizeParams } from "@/lib/validation/prizes";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ["secretariat"], params: prizeParams, body: citationInput }, async ({ db, caller, params, body }) => {
  const contest = await getCurrentContest(db);
  return json(await setCitation(db, caller, contest.id, params.entryId, body));
});
