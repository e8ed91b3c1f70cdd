import "server-only";
// The audit log as CSV: the page's filters and the page's words (lib/audit/words.ts), one row
// per change of a record so that a spreadsheet can filter on a field. Read by keyset in batches;
// the export itself is logged, since it names people.
import { lt, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { auditObjects, auditRows, auditWhere, recordAudit } from "@/lib/db/queries/audit";
import { CSV_BOM, csvLine } from "@/lib/export/csv";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import type { AuditExportQuery } from "@/lib/validation/admin";
import { auditTime, auditWords } from "./words";

/** More than a contest writes in a year; a larger log is exported with narrower filters. */
export const AUDIT_EXPORT_MAX = 100_000;
const BATCH = 1000;

export async function auditCsv(db: Db, actorId: string, query: AuditExportQuery, locale: Locale): Promise<string> {
  const t = translator(locale, "Admin.AuditList");
  const words = auditWords(locale);
  const filters = await auditWhere(db, query);
  let out = CSV_BOM + csvLine([t("when"), t("actor"), t("action"), t("objectKind"), t("object"), t("field"), t("before"), t("after")], false);
  let cursor: number | null = null;
  let count = 0;
  while (count < AUDIT_EXPORT_MAX) {
    const conditions: SQL[] = cursor === null ? filters : [...filters, lt(auditLog.id, cursor)];
    const rows = await auditRows(db, conditions, BATCH);
    if (rows.length === 0) break;
    const objects = await auditObjects(db, rows.map((r) => r.row));
    rows.forEach(({ row, actorName }, i) => {
      const head = [auditTime(row.createdAt), row.actorId ? (actorName ?? "") : words.actor(null, row.after), words.action(row.action), words.entity(row.entity), objects[i]!.label ?? ""];
      const changes = words.changes(row.before, row.after);
      if (changes.length === 0) out += csvLine([...head, "", "", ""]);
      for (const c of changes) out += csvLine([...head, c.label, c.before, c.after]);
    });
    count += rows.length;
    cursor = rows[rows.length - 1]!.row.id;
    if (rows.length < BATCH) break;
  }
  await recordAudit(db, { actorId, action: "export.audit", entity: "contest", entityId: "audit", after: { rows: count, filters: query } });
  return out;
}
