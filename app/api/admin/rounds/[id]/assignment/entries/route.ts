// POST /api/admin/rounds/{id}/assignment/entries – assign jurors to the chosen entries only, leaving the rest of the round as it is
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { assignChosenEntries, assignmentSummary } from "@/lib/db/queries/assignments";
import { chosenEntriesInput } from "@/lib/validation/admin";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: entryParams, body: chosenEntriesInput }, async ({ db, caller, params, body }) => {
  const result = await assignChosenEntries(db, caller, params.id, body.entryIds);
  return json({ ...assignmentSummary(result), added: result.added, outOfRound: result.outOfRound });
});
