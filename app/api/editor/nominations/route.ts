// GET /api/editor/nominations – the editors' queue, one row per nominee (?status=open|accepted|rejected|published…)
import { guard } from "@/lib/auth/guard";
import { listQueue } from "@/lib/db/queries/nominations";
import { json } from "@/lib/http/response";
import { queueQuery } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["editor"], query: queueQuery }, async ({ db, caller, query }) => json({ items: await listQueue(db, query.status, caller.id) }));
