// GET|POST /api/admin/rounds – the current contest's rounds, or a new (draft) round
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { createRound, listRounds } from "@/lib/db/queries/rounds";
import { roundInput } from "@/lib/validation/jury";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ db }) => json({ rounds: await listRounds(db, (await getCurrentContest(db)).id) }));

export const POST = guard({ access: ["secretariat"], body: roundInput }, async ({ db, caller, body }) => json(await createRound(db, caller, (await getCurrentContest(db)).id, body), 201));
