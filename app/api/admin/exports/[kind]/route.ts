// GET /api/admin/exports/{kind}?format=xlsx|csv&round={id} – entries, scores, ranking, prizes or all four, as a streamed download
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { validationError, zodFields } from "@/lib/http/validation";
import { exportChoice, exportQuery } from "@/lib/export/query";
import { exportResponse, prepareExport } from "@/lib/export/run";

export const dynamic = "force-dynamic";

// Any kind reaches the handler, so an unknown one is a 422 naming `kind`, not a 404.
const params = z.object({ kind: z.string() });

export const GET = guard({ access: ["secretariat"], params, query: exportQuery }, async ({ db, caller, params, query, locale }) => {
  const choice = exportChoice.safeParse({ kind: params.kind, format: query.format }, { reportInput: true });
  if (!choice.success) throw validationError(zodFields(choice.error));
  return exportResponse(await prepareExport(db, caller.id, { ...query, kind: choice.data.kind }, locale));
});
