import "server-only";
// The audit log in words, for its page, an entry's page and the CSV export alike: one function,
// so the three say the same thing ("Tính hợp lệ: Chưa xét → Hợp lệ").
import { auditChanges, type AuditValue } from "@/lib/contest/audit-changes";
import { STANDARD_CATEGORIES } from "@/lib/contest/defaults";
import { DEFAULT_RUBRIC, formatScore } from "@/lib/contest/scoring";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatDateTimeShort, formatNumber } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translator";

export type WordedChange = { label: string; before: string; after: string };

/** dd/mm/yyyy hh:mm:ss in Asia/Ho_Chi_Minh, whoever reads it and wherever the server runs. */
export function auditTime(instant: Date | string): string {
  return formatDateTimeShort(instant, "vi", { seconds: true });
}

export function auditWords(locale: Locale) {
  const status = translator(locale, "Admin.Status");
  const fields = translator(locale, "Admin.AuditFields");
  const actions = translator(locale, "Admin.Actions");
  const entities = translator(locale, "Admin.Entities");
  const categories = new Map(STANDARD_CATEGORIES.map((c) => [c.code as string, c.name[locale]]));
  const known = (t: (k: string) => string, key: string, fallback: string) => {
    const v = t(key);
    return v.includes(key) ? fallback : v;
  };
  // A status in its own group's words; a record that does not say whose status it is may be worded
  // by another group that knows the value, never shown raw ("open" is only a round's).
  const statusWords = messages[locale].Admin.Status as unknown as Record<string, Record<string, string> | string>;
  const statusWord = (group: string, value: string): string => {
    for (const g of [group, "entry", "round", "sheet", "coauthor"]) {
      const words = statusWords[g];
      if (typeof words === "object" && typeof words[value] === "string") return words[value];
    }
    return value;
  };
  // A sheet's scores in the rubric's order, by criterion name: "Nghệ thuật báo chí 22,5; …".
  const criteria = new Map(DEFAULT_RUBRIC.map((c, i) => [c.key, { name: c.name[locale], order: i }]));
  const scores = (items: string[]): string =>
    items
      .map((item) => {
        const [key = "", points = ""] = item.split(" ");
        const criterion = criteria.get(key);
        return { order: criterion?.order ?? criteria.size, text: `${criterion?.name ?? key} ${Number.isNaN(Number(points)) ? points : formatScore(Number(points), locale)}` };
      })
      .sort((a, b) => a.order - b.order)
      .map((s) => s.text)
      .join("; ");
  const value = (v: AuditValue): string => {
    if (v.value === null) return fields("none");
    if (v.kind === "scores" && Array.isArray(v.value)) return v.value.length ? scores(v.value) : fields("none");
    if (Array.isArray(v.value)) return v.value.length ? v.value.join("; ") : fields("none");
    if (typeof v.value === "boolean") return fields(v.value ? "yes" : "no");
    if (typeof v.value === "number") return formatNumber(v.value, locale);
    switch (v.kind) {
      case "entryStatus":
        return statusWord("entry", v.value);
      case "eligibility":
        return known(status, `eligibility.${v.value}`, v.value);
      case "roundStatus":
        return statusWord("round", v.value);
      case "sheetStatus":
        return statusWord("sheet", v.value);
      case "coauthorStatus":
        return statusWord("coauthor", v.value);
      case "tier":
        return known(status, `tier.${v.value}`, v.value);
      case "role":
        return known(status, `role.${v.value}`, v.value);
      case "category":
        return categories.get(v.value) ?? v.value;
      case "date":
        return /^\d{4}-\d{2}-\d{2}/.test(v.value) ? formatDate(v.value, locale) : v.value;
      case "instant":
        return Number.isNaN(Date.parse(v.value)) ? v.value : formatDateTime(v.value, locale);
      default:
        return String(v.value);
    }
  };
  return {
    /** "field: before → after", each part worded. Eligibility with no decision reads "not decided". */
    changes(before: unknown, after: unknown): WordedChange[] {
      return auditChanges(before, after).map((c) => ({
        label: fields(c.field),
        before: c.field === "eligibility" && c.before.value === null ? status("eligibility.pending") : value(c.before),
        after: c.field === "eligibility" && c.after.value === null ? status("eligibility.pending") : value(c.after),
      }));
    },
    action: (action: string) => known(actions, action.replace(/\./g, "_"), action),
    entity: (entity: string) => known(entities, entity, entity),
  };
}
