// Templates of the event e-mails: plain text with {variables}, one per event and language.
// Pure: the same function renders the preview, the test send and the message actually sent, so
// what the secretariat sees is what people receive.
import type { MailEvent, MailLanguage } from "@/lib/contest/vocabulary";

export type Template = { subject: string; body: string };
export type MailLocale = "vi" | "en";
export type RenderedMail = { subject: string; text: string };

/** The variables each event's template may use (a template naming any other is refused). */
export const MAIL_VARIABLES: Record<MailEvent, readonly string[]> = {
  receipt: ["name", "code", "title", "when", "files", "link"],
  eligibility: ["name", "code", "title", "decision", "reason", "link"],
  reminder: ["name", "round", "remaining", "deadline", "link"],
  coauthorInvite: ["name", "owner", "title", "link"],
  results: ["name", "year", "contest", "entries", "resultsLink"],
};

/**
 * In which language an event's message goes: the language the person was using when it happened
 * (a journalist submitting, an owner naming a co-author), or both, Vietnamese first, when it
 * goes to someone the event does not say the language of (accounts carry none).
 */
export const MAIL_LANGUAGE: Record<MailEvent, "caller" | "both" | "vi"> = {
  receipt: "caller",
  coauthorInvite: "caller",
  reminder: "vi",
  eligibility: "both",
  results: "both",
};

const VARIABLE = /\{([A-Za-z]+)\}/g;

/** The variables a text names that its event does not have. */
export function unknownVariables(event: MailEvent, text: string): string[] {
  const allowed = new Set(MAIL_VARIABLES[event]);
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!).filter((name) => !allowed.has(name)))];
}

/** One template filled in; a variable without a value is left empty. Line ends as "\n", no trailing blanks. */
export function fillTemplate(template: Template, vars: Record<string, string>): RenderedMail {
  const fill = (text: string) => text.replace(VARIABLE, (_, name: string) => vars[name] ?? "");
  const text = fill(template.body.replace(/\r\n?/g, "\n"))
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    // A variable left empty on its own line leaves no hole of several blank lines.
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { subject: fill(template.subject).replace(/\s+/g, " ").trim(), text };
}

/** The message in one language, or in both (Vietnamese, a rule, English) with both subjects. */
export function renderMail(templates: Record<MailLocale, Template>, vars: (locale: MailLocale) => Record<string, string>, language: MailLanguage): RenderedMail {
  if (language !== "both") return fillTemplate(templates[language], vars(language));
  const vi = fillTemplate(templates.vi, vars("vi"));
  const en = fillTemplate(templates.en, vars("en"));
  return { subject: `${vi.subject} / ${en.subject}`, text: `${vi.text}\n\n-----\n\n${en.text}` };
}
