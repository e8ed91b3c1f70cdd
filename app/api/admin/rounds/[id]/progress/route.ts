// GET /api/admin/rounds/{id}/progress – assigned, draft and submitted sheets per juror and per entry (every entry of the round, with the jurors it needs)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getRound } from "@/lib/db/queries/rounds";
import { roundProgress } from "@/lib/db/queries/scores";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: entryParams }, async ({ db, params }) => {
  return json(await roundProgress(db, await getRound(db, params.id)));
});
