// GET|PATCH /api/admin/rounds/{id} – a round, or move it forward (draft → open → closed; closing with sheets missing needs a reason)
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { text } from "@/lib/validation/text";
import { json } from "@/lib/http/response";
import { getRound, moveRound } from "@/lib/db/queries/rounds";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: entryParams }, async ({ db, params }) => json(await getRound(db, params.id)));

export const PATCH = guard({ access: ["secretariat"], params: entryParams, body: z.object({ status: z.enum(["open", "closed"]), reason: text({ max: 1000 }).optional() }).strict() }, async ({ db, caller, params, body }) =>
  json(await moveRound(db, caller, params.id, body.status, body.reason ?? "")),
);
