import "server-only";
import type { Db } from "@/lib/db/client";
import { entryOwner, eventTemplates, recordMail } from "@/lib/db/queries/mail";
import type { MailEvent, MailLanguage, PrizeTier } from "@/lib/contest/vocabulary";
import { siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { translator } from "@/lib/i18n/translator";
import { MAIL_LANGUAGE, renderMail, type MailLocale, type RenderedMail, type Template } from "./render";
import { sendMail } from "./index";

type Vars = (locale: MailLocale) => Record<string, string>;

/** An event's message to one person: the variables per language, and what it is about. */
/** `entryIds`: a message about several entries (the results) is recorded once per entry, so each entry's page lists it. */
export type EventMail = { event: MailEvent; to: string; userId?: string | null; entryId?: string | null; entryIds?: string[]; vars: Vars; locale?: Locale };

/** The language a message goes in: the caller's for some events, both (or Vietnamese) for others (lib/mail/render.ts). */
function languageOf(event: MailEvent, locale: Locale | undefined): MailLanguage {
  const rule = MAIL_LANGUAGE[event];
  return rule === "caller" ? (locale ?? "vi") : rule;
}

/** The message as it would be sent now, with the stored templates or the given drafts. */
export async function composeEventMail(db: Db, mail: Pick<EventMail, "event" | "vars" | "locale">, drafts?: Partial<Record<MailLocale, Template>>): Promise<RenderedMail> {
  const stored = await eventTemplates(db, mail.event);
  return renderMail({ vi: drafts?.vi ?? stored.vi, en: drafts?.en ?? stored.en }, mail.vars, languageOf(mail.event, mail.locale));
}

/**
 * Sends an event's message from its template and records it (to whom, when, which template, which
 * entry), sent or failed. A failure is recorded, then thrown for the caller to handle as before.
 */
export async function sendEventMail(db: Db, mail: EventMail, options: { test?: boolean; sentBy?: string | null; drafts?: Partial<Record<MailLocale, Template>> } = {}): Promise<RenderedMail> {
  const rendered = await composeEventMail(db, mail, options.drafts);
  const language = languageOf(mail.event, mail.locale);
  const record = { event: mail.event, to: mail.to, userId: mail.userId ?? null, subject: rendered.subject, language, test: options.test ?? false, sentBy: options.sentBy ?? null };
  const about = mail.entryIds?.length ? mail.entryIds : [mail.entryId ?? null];
  const recordAll = (status: "sent" | "failed") => Promise.all(about.map((entryId) => recordMail(db, { ...record, entryId, status })));
  try {
    await sendMail({ to: mail.to, subject: rendered.subject, text: rendered.text });
  } catch (error) {
    await recordAll("failed").catch(() => undefined);
    throw error;
  }
  await recordAll("sent");
  return rendered;
}

const dateTime = (date: Date, locale: MailLocale) =>
  new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Ho_Chi_Minh" }).format(date);
const link = (locale: MailLocale, route: string, params?: Record<string, string | number>) => siteUrl + localizedPath(locale, route, params);

// The variables of each event, from the facts of the moment.

export type ReceiptFacts = { name: string; entryId: string; code: string; title: string; submittedAt: Date; attachments: { fileName: string; sha256: string }[] };
export const receiptVars =
  (f: ReceiptFacts): Vars =>
  (locale) => ({
    name: f.name,
    code: f.code,
    title: f.title,
    when: dateTime(f.submittedAt, locale),
    files: f.attachments.map((a) => `- ${a.fileName} (SHA-256 ${a.sha256})`).join("\n"),
    link: link(locale, "/entries/[id]/receipt", { id: f.entryId }),
  });

export type EligibilityFacts = { name: string; entryId: string; code: string; title: string; eligible: boolean; reason: string };
export const eligibilityVars =
  (f: EligibilityFacts): Vars =>
  (locale) => {
    const t = translator(locale, "MailWords");
    return {
      name: f.name,
      code: f.code,
      title: f.title,
      decision: t(f.eligible ? "eligible" : "ineligible"),
      reason: f.reason ? t("reason", { reason: f.reason }) : "",
      link: link(locale, "/entries/[id]", { id: f.entryId }),
    };
  };

export type ReminderFacts = { name: string; round: string; remaining: number; closesAt: Date | null };
export const reminderVars =
  (f: ReminderFacts): Vars =>
  (locale) => {
    const t = translator(locale, "AdminMail");
    const time = f.closesAt ? new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" }).format(f.closesAt) : "";
    return {
      name: f.name,
      round: f.round,
      remaining: new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB").format(f.remaining),
      deadline: f.closesAt ? t("deadline", { time, date: formatDate(f.closesAt, locale) }) : t("noDeadline"),
      link: link(locale, "/jury"),
    };
  };

/** The reminder to one juror of a round, as sent and as previewed. Jurors read Vietnamese (the template's rule); the account holds no language of its own. */
export const reminderMail = (r: { jurorId: string; to: string; name: string; round: { name: { vi: string }; closesAt: Date | null }; remaining: number }): EventMail => ({
  event: "reminder",
  to: r.to,
  userId: r.jurorId,
  vars: reminderVars({ name: r.name, round: r.round.name.vi, remaining: r.remaining, closesAt: r.round.closesAt }),
});

export type InviteFacts = { name: string; owner: string; title: string };
export const inviteVars =
  (f: InviteFacts): Vars =>
  (locale) => ({ name: f.name, owner: f.owner, title: f.title || translator(locale, "Entries")("untitled"), link: link(locale, "/entries") });

const TIER_KEYS: Record<PrizeTier, string> = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" };
export type ResultsFacts = { name: string; year: number; contest: { vi: string; en: string }; entries: { code: string; title: string; tier: PrizeTier | null; category: { vi: string; en: string } }[] };
export const resultsVars =
  (f: ResultsFacts): Vars =>
  (locale) => {
    const t = translator(locale, "Results");
    const lines = f.entries.map((e) =>
      e.tier
        ? t("mailWinner", { code: e.code, title: e.title, prize: t(TIER_KEYS[e.tier]), category: e.category[locale], link: link(locale, "/results/[year]/[code]", { year: f.year, code: e.code }) })
        : t("mailThanks", { code: e.code, title: e.title }),
    );
    return { name: f.name, year: String(f.year), contest: f.contest[locale], entries: lines.join("\n\n"), resultsLink: link(locale, "/results/[year]", { year: f.year }) };
  };

/**
 * Made-up facts for the template editor's preview and test send: the same variables the real
 * event fills, with values in the language of each part.
 */
export function sampleVars(event: MailEvent, name: string): Vars {
  const sample = { entryId: "00000000-0000-4000-8000-000000000000", code: "BC2026-0042", title: "Người giữ rừng ở bản Khe Ẩn" };
  const when = new Date("2026-05-13T08:30:00+07:00");
  switch (event) {
    case "receipt":
      return receiptVars({ name, ...sample, submittedAt: when, attachments: [{ fileName: "Bài báo.pdf", sha256: "9f2c…e41a" }] });
    case "eligibility":
      return eligibilityVars({ name, ...sample, eligible: false, reason: "Tác phẩm đăng ngoài thời gian quy định." });
    case "reminder":
      return reminderVars({ name, round: "Vòng sơ khảo", remaining: 3, closesAt: new Date("2026-06-30T17:00:00+07:00") });
    case "coauthorInvite":
      return inviteVars({ name, owner: "Đỗ Thu Hà", title: sample.title });
    case "results":
      return resultsVars({ name, year: 2026, contest: { vi: "Cuộc thi báo chí năm 2026", en: "2026 journalism contest" }, entries: [{ code: sample.code, title: sample.title, tier: "A", category: { vi: "Báo in", en: "Print" } }] });
  }
}

/**
 * Tells an entry's owner the secretariat's eligibility decision, after it is committed. A mail
 * that fails is recorded as failed and logged; the decision stands.
 */
export async function notifyEligibility(db: Db, entry: { id: string; code: string | null; title: string; eligibility: "eligible" | "ineligible" | null; eligibilityReason: string }, sentBy: string, log: { error: (obj: object, msg: string) => void }): Promise<void> {
  if (!entry.eligibility) return;
  const owner = await entryOwner(db, entry.id);
  if (!owner) return;
  await sendEventMail(
    db,
    { event: "eligibility", to: owner.email, userId: owner.userId, entryId: entry.id, vars: eligibilityVars({ name: owner.name, entryId: entry.id, code: entry.code ?? "", title: entry.title, eligible: entry.eligibility === "eligible", reason: entry.eligibilityReason }) },
    { sentBy },
  ).catch((error: unknown) => log.error({ err: error, entryId: entry.id }, "eligibility decision not sent"));
}
