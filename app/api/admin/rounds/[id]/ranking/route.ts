// GET /api/admin/rounds/{id}/ranking – per category: ready entries ranked, the others apart; sheets done/required, spread, outliers, jurors' tendencies
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getRound, roundReview } from "@/lib/db/queries/rounds";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: entryParams }, async ({ db, params }) => {
  const { rows, jurors } = await roundReview(db, await getRound(db, params.id));
  return json({ results: rows, jurors });
});
