import type { MailEvent } from "@/lib/contest/vocabulary";
import { invalid } from "@/lib/errors";
import { unknownVariables, type MailLocale, type Template } from "./render";

/** Refuses (422) a draft that names a variable its event does not have, naming the field and the variables. */
export function assertKnownVariables(event: MailEvent, drafts: Partial<Record<MailLocale, Template>>): void {
  const fields: Record<string, { key: string; params: { names: string } }> = {};
  for (const locale of ["vi", "en"] as const) {
    for (const part of ["subject", "body"] as const) {
      const text = drafts[locale]?.[part];
      const unknown = text ? unknownVariables(event, text) : [];
      if (unknown.length) fields[`${locale}.${part}`] = { key: "unknownVariable", params: { names: unknown.map((n) => `{${n}}`).join(", ") } };
    }
  }
  if (Object.keys(fields).length) throw invalid(fields);
}
