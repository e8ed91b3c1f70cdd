// POST /api/admin/rounds/{id}/assignments – give one entry of the round to one juror by hand (panel and conflict checks, audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { addAssignment } from "@/lib/db/queries/assignments";
import { assignmentInput } from "@/lib/validation/admin";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: entryParams, body: assignmentInput }, async ({ db, caller, params, body }) => {
  const row = await addAssignment(db, caller, params.id, body.entryId, body.jurorId);
  return json({ id: row.id, roundId: row.roundId, entryId: row.entryId, jurorId: row.jurorId, createdAt: row.createdAt.toISOString() }, 201);
});
