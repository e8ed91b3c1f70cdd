// GET /api/admin/rounds/{id}/ranking – mean and normalised scores, disagreement, ranks and ties per category
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getRound, roundResults } from "@/lib/db/queries/rounds";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: entryParams }, async ({ db, params }) => json({ results: await roundResults(db, await getRound(db, params.id)) }));
