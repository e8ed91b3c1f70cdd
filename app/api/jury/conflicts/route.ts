// POST /api/jury/conflicts – a juror declares a conflict of interest on an assigned entry
import { guard } from "@/lib/auth/guard";
import { declareConflict } from "@/lib/db/queries/assignments";
import { conflictInput } from "@/lib/validation/jury";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["juror"], body: conflictInput }, async ({ db, caller, body }) => {
  await declareConflict(db, caller, body.entryId, body.reason ?? "");
  return new Response(null, { status: 204 });
});
