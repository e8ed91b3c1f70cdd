// GET /api/admin/audit – the audit log, newest first, filtered by entity, entity id or actor, paged by cursor
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { listAudit } from "@/lib/db/queries/audit";
import { auditQuery } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], query: auditQuery }, async ({ db, query }) => json(await listAudit(db, query)));
