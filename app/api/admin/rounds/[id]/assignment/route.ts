// POST /api/admin/rounds/{id}/assignment – run the balanced automatic assignment (scored assignments stay)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { assignmentSummary, runAssignment } from "@/lib/db/queries/assignments";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: entryParams }, async ({ db, caller, params }) => {
  return json(assignmentSummary(await runAssignment(db, caller, params.id)));
});
