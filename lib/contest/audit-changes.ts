// An audit row as a committee reads it: the fields that changed, each "field: before → after".
// The log keeps whole records (an entry's view, a round, a sheet); this picks the fields a person
// cares about, in a fixed order, and says what kind of value each is so that the screen and the
// CSV export word it the same way (labels and words come from the messages, Admin.AuditFields
// and Admin.Status).

/** How a value is worded: a vocabulary word, a date, an instant, a list, or as it is. */
export type ValueKind = "text" | "number" | "date" | "instant" | "entryStatus" | "eligibility" | "roundStatus" | "sheetStatus" | "coauthorStatus" | "tier" | "role" | "category" | "list" | "scores" | "flag";

/** The fields shown, in this order, with how their values are worded. Others are not shown. */
export const AUDIT_FIELDS: readonly (readonly [string, ValueKind])[] = [
  ["status", "entryStatus"],
  ["eligibility", "eligibility"],
  ["eligibilityReason", "text"],
  ["title", "text"],
  ["category", "category"],
  ["summary", "text"],
  ["outlet", "text"],
  ["publishedAt", "date"],
  ["url", "text"],
  ["length", "number"],
  ["authors", "list"],
  ["attachments", "list"],
  ["parts", "list"],
  ["submittedAt", "instant"],
  ["withdrawnAt", "instant"],
  ["name", "text"],
  ["role", "role"],
  ["disabledAt", "instant"],
  ["jurorsPerEntry", "number"],
  ["disagreementThreshold", "number"],
  ["blind", "flag"],
  ["opensAt", "instant"],
  ["closesAt", "instant"],
  ["closeReason", "text"],
  ["missingSheets", "number"],
  ["values", "scores"],
  ["comment", "text"],
  ["tier", "tier"],
  ["reason", "text"],
  ["count", "number"],
];

/** A value ready for wording: null is "(none)". */
export type AuditValue = { kind: ValueKind; value: string | number | boolean | string[] | null };
export type AuditChange = { field: string; before: AuditValue; after: AuditValue };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// Round, sheet and co-authorship statuses share the key "status" with entries; the record says which.
function kindOf(field: string, kind: ValueKind, record: Record<string, unknown>): ValueKind {
  if (field !== "status") return kind;
  if ("position" in record) return "coauthorStatus";
  if ("rubric" in record || "jurorsPerEntry" in record) return "roundStatus";
  if ("values" in record && "jurorId" in record) return "sheetStatus";
  return kind;
}

function normalise(field: string, raw: unknown): AuditValue["value"] {
  if (raw === undefined || raw === null || raw === "") return null;
  if (field === "authors" && Array.isArray(raw)) return raw.map((a) => (isRecord(a) ? String(a.penName ? `${a.name} (${a.penName})` : a.name) : String(a)));
  if (field === "attachments" && Array.isArray(raw)) return raw.map((a) => (isRecord(a) ? String(a.fileName ?? "") : String(a)));
  if (field === "parts" && Array.isArray(raw)) return raw.map((p) => (isRecord(p) ? String(p.title ?? "") : String(p)));
  // "criterionKey points": lib/audit/words.ts words them with the criterion's name and the locale's decimal mark.
  if (field === "values" && isRecord(raw)) return Object.keys(raw).sort().map((k) => `${k} ${String(raw[k])}`);
  if (field === "name" && isRecord(raw)) return String(raw.vi ?? "");
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  if (isRecord(raw)) return null;
  return String(raw);
}

const same = (a: AuditValue["value"], b: AuditValue["value"]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes between two records of the audit log, in AUDIT_FIELDS order. A record created
 * (before null) lists its fields that have a value; a record removed lists what it had.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const record = { ...b, ...a };
  const changes: AuditChange[] = [];
  for (const [field, kind] of AUDIT_FIELDS) {
    if (!(field in b) && !(field in a)) continue;
    const from = normalise(field, b[field]);
    const to = normalise(field, a[field]);
    if (same(from, to)) continue;
    const k = kindOf(field, kind, record);
    changes.push({ field, before: { kind: k, value: from }, after: { kind: k, value: to } });
  }
  return changes;
}
