// PUT /api/admin/rounds/{id}/levels – what each level of some criteria means, in both languages (not in a closed round; audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { setRubricLevels } from "@/lib/db/queries/rounds";
import { levelsInput } from "@/lib/validation/jury";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ["secretariat"], params: entryParams, body: levelsInput }, async ({ db, caller, params, body }) => {
  const round = await setRubricLevels(db, caller, params.id, body);
  return json({ id: round.id, rubric: round.rubric });
});
