// GET|POST /api/admin/conflicts – conflicts of interest (recorded and, for a round, automatic), or record one (removes unscored assignments, audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { addConflict, listConflicts } from "@/lib/db/queries/assignments";
import { conflictListQuery, secretariatConflictInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], query: conflictListQuery }, async ({ db, query }) => json({ conflicts: await listConflicts(db, query.roundId) }));

export const POST = guard({ access: ["secretariat"], body: secretariatConflictInput }, async ({ db, caller, body }) => {
  const { conflict, removed, kept, short } = await addConflict(db, caller, body.jurorId, body.entryId, body.reason);
  return json({ id: conflict.id, jurorId: conflict.jurorId, entryId: conflict.entryId, source: conflict.source, reason: conflict.reason, createdAt: conflict.createdAt.toISOString(), removed, kept, short }, 201);
});
