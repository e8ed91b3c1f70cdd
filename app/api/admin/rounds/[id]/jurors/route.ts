// PUT /api/admin/rounds/{id}/jurors – the round's jurors and their panels (categories)
import { guard } from "@/lib/auth/guard";
import { setRoundJurors } from "@/lib/db/queries/rounds";
import { roundJurorsInput } from "@/lib/validation/jury";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ["secretariat"], params: entryParams, body: roundJurorsInput }, async ({ db, caller, params, body }) => {
  await setRoundJurors(db, caller, params.id, body.jurors);
  return new Response(null, { status: 204 });
});
