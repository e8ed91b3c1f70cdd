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
  const list = translator(locale, "Admin.AuditList");
  const categories = new Map(STANDARD_CATEGORIES.map((c) => [c.code as string, c.name[locale]]));
  // The vocabulary's words are plain messages: read from the catalogue, so a value it has no word
  // for is shown as stored without a missing-message error in the log.
  const admin = messages[locale].Admin as unknown as Record<string, unknown>;
  const word = (...path: string[]): string | undefined => {
    const found = path.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), admin);
    return typeof found === "string" ? found : undefined;
  };
  // A status in the words of the first group that knows it. A record need not say whose status it
  // holds, so the other statuses follow their own group ("open" is only a round's): never shown raw.
  const STATUS_GROUPS = ["entry", "round", "sheet", "coauthor"];
  const statusWord = (groups: string[], value: string): string => groups.map((g) => word("Status", g, value)).find((w) => w !== undefined) ?? value;
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
        return statusWord(["entry", ...STATUS_GROUPS], v.value);
      case "eligibility":
        return statusWord(["eligibility"], v.value);
      case "roundStatus":
        return statusWord(["round", ...STATUS_GROUPS], v.value);
      case "sheetStatus":
        return statusWord(["sheet", ...STATUS_GROUPS], v.value);
      case "coauthorStatus":
        return statusWord(["coauthor", ...STATUS_GROUPS], v.value);
      case "tier":
        return statusWord(["tier"], v.value);
      case "role":
        return statusWord(["role"], v.value);
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
    action: (action: string) => word("Actions", action.replace(/\./g, "_")) ?? action,
    entity: (entity: string) => word("Entities", entity) ?? entity,
    /** Who did it: an account's name, the holder of a nomination's link, or the system. */
    actor(actorName: string | null | undefined, after: unknown): string {
      if (actorName) return actorName;
      const by = typeof after === "object" && after !== null ? (after as Record<string, unknown>).by : undefined;
      return by === "nominator" ? list("byNominator") : by === "nominee" ? list("byNominee") : list("system");
    },
  };
}
