// GET /api/admin/audit/export – the audit log with the page's filters, as CSV in the caller's language (the same words as the page)
import { guard } from "@/lib/auth/guard";
import { auditCsv } from "@/lib/audit/csv";
import { DOWNLOAD_HEADERS } from "@/lib/http/response";
import { auditExportQuery } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], query: auditExportQuery }, async ({ db, caller, query, locale }) => {
  const body = await auditCsv(db, caller.id, query, locale);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="nhat-ky-thao-tac.csv"`,
      "Cache-Control": "private, no-store",
      // As every other download: never sniffed, never run as a page.
      ...DOWNLOAD_HEADERS,
    },
  });
});
