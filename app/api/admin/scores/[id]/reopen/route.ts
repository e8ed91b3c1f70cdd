// POST /api/admin/scores/{id}/reopen – unlock one submitted sheet for its juror, with a reason (audited)
import { guard } from "@/lib/auth/guard";
import { reopenScore } from "@/lib/db/queries/scores";
import { reasonInput } from "@/lib/validation/jury";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: entryParams, body: reasonInput }, async ({ db, caller, params, body }) => {
  await reopenScore(db, caller, params.id, body.reason);
  return new Response(null, { status: 204 });
});
