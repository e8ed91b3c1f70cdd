// GET /api/jury/assignments – the caller's assigned entries per round, with their own progress
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { listJurorAssignments } from "@/lib/db/queries/scores";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"] }, async ({ db, caller }) => json(await listJurorAssignments(db, caller, new Date())));
