// GET /api/admin/audit – the audit log, newest first, filtered by entity, entity id or actor, paged by cursor
import { guard, json, zodFields } from "@/lib/auth/guard";
import { listAudit } from "@/lib/db/queries/audit";
import { AppError } from "@/lib/errors";
import { auditQuery } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ req, db }) => {
  const query = auditQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams), { reportInput: true });
  if (!query.success) throw new AppError(422, "validation", {}, zodFields(query.error));
  return json(await listAudit(db, query.data));
});
