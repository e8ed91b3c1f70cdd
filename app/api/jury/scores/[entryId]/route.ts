// PUT /api/jury/scores/{entryId} – autosave the caller's draft sheet, or submit it (then locked)
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { saveScore } from "@/lib/db/queries/scores";
import { scoreInput } from "@/lib/validation/jury";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ["juror"], params: z.object({ entryId: z.uuid() }), body: scoreInput }, async ({ db, caller, params, body }) =>
  json(await saveScore(db, caller, params.entryId, body, new Date())),
);
