// GET /api/jury/entries/{id} – an assigned entry through the blind projection, with the caller's sheet
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getJurorEntry } from "@/lib/db/queries/scores";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"], params: entryParams }, async ({ db, caller, params }) => json(await getJurorEntry(db, caller, params.id, new Date())));
