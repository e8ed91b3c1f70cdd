// DELETE /api/admin/rounds/{id}/assignments/{entryId}/{jurorId} – remove one assignment and its draft sheet (audited)
import { guard } from "@/lib/auth/guard";
import { removeAssignment } from "@/lib/db/queries/assignments";
import { roundAssignmentParams } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const DELETE = guard({ access: ["secretariat"], params: roundAssignmentParams }, async ({ db, caller, params }) => {
  await removeAssignment(db, caller, params.id, params.entryId, params.jurorId);
  return new Response(null, { status: 204 });
});
