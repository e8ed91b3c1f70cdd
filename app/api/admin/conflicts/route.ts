// GET|POST /api/admin/conflicts – conflicts of interest (recorded and, for a round, automatic), or record one (removes unscored assignments, audited)
import { guard, json, zodFields } from "@/lib/auth/guard";
import { addConflict, listConflicts } from "@/lib/db/queries/assignments";
import { AppError } from "@/lib/errors";
import { conflictListQuery, secretariatConflictInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ req, db }) => {
  const query = conflictListQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams), { reportInput: true });
  if (!query.success) throw new AppError(422, "validation", {}, zodFields(query.error));
  return json({ conflicts: await listConflicts(db, query.data.roundId) });
});

export const POST = guard({ access: ["secretariat"], body: secretariatConflictInput }, async ({ db, caller, body }) => {
  const { conflict, removed, kept, short } = await addConflict(db, caller, body.jurorId, body.entryId, body.reason);
  return json({ id: conflict.id, jurorId: conflict.jurorId, entryId: conflict.entryId, source: conflict.source, reason: conflict.reason, createdAt: conflict.createdAt.toISOString(), removed, kept, short }, 201);
});
