// GET /api/admin/exports/{kind}?format=xlsx|csv&round={id} – entries, scores, ranking, prizes or all four, as a streamed download
import { z } from "zod";
import { guard, zodFields } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { exportQuery } from "@/lib/export/query";
import { exportResponse, prepareExport } from "@/lib/export/run";

export const dynamic = "force-dynamic";

// Any kind reaches the handler, so an unknown one is a 400 with the others' problems, not a 404.
const params = z.object({ kind: z.string() });

export const GET = guard({ access: ["secretariat"], params }, async ({ req, db, caller, params, locale }) => {
  const parsed = exportQuery.safeParse({ ...Object.fromEntries(new URL(req.url).searchParams), kind: params.kind }, { reportInput: true });
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    throw new AppError(400, "invalidExport", { fields: Object.keys(fields).join(", ") }, fields);
  }
  return exportResponse(await prepareExport(db, caller.id, parsed.data, locale));
});
