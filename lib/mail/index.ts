import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env, siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { translator } from "@/lib/i18n/translator";
import type { PrizeTier } from "@/lib/contest/ranking";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

/**
 * Sends through SMTP_URL when set. Otherwise each message is written as an .eml file under
 * DATA_DIR/mail, where a developer (or a test) can open it.
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  transport ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  const dir = path.join(env.DATA_DIR, "mail");
  await mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.to.replace(/[^a-z0-9@._-]/gi, "_")}.eml`;
  await writeFile(path.join(dir, name), (info as unknown as { message: Buffer }).message);
}

export type ReceiptMail = { to: string; name: string; locale: Locale; entryId: string; code: string; title: string; submittedAt: Date; attachments: { fileName: string; sha256: string }[] };

export function receiptMail(r: ReceiptMail): Mail {
  const t = translator(r.locale, "Receipt");
  const link = siteUrl + localizedPath(r.locale, "/entries/[id]/receipt", { id: r.entryId });
  const when = new Intl.DateTimeFormat(r.locale === "vi" ? "vi-VN" : "en-GB", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Ho_Chi_Minh" }).format(r.submittedAt);
  const files = r.attachments.map((a) => `- ${a.fileName} (SHA-256 ${a.sha256})`).join("\n");
  return {
    to: r.to,
    subject: t("mailSubject", { code: r.code }),
    text: [t("mailGreeting", { name: r.name }), "", t("mailBody", { code: r.code, title: r.title, when }), "", files, "", t("mailLink", { link })].join("\n"),
  };
}


export type CoauthorInviteMail = { to: string; name: string; owner: string; title: string; locale: Locale };

/** Tells an account it was named as a co-author, and where to accept or decline. */
export function coauthorInviteMail(m: CoauthorInviteMail): Mail {
  const t = translator(m.locale, "Entries");
  const link = siteUrl + localizedPath(m.locale, "/entries");
  return {
    to: m.to,
    subject: t("inviteMailSubject", { owner: m.owner }),
    text: [t("inviteMailGreeting", { name: m.name }), "", t("inviteMailBody", { owner: m.owner, title: m.title || t("untitled") }), "", t("inviteMailLink", { link })].join("\n"),
  };
}

export type StaffAccountMail = { to: string; name: string; role: "juror" | "secretariat" | "editor"; password: string; locale: Locale };

/** The one message that carries a new staff account's generated password (it is stored nowhere else). */
export function staffAccountMail(m: StaffAccountMail): Mail {
  const t = translator(m.locale, "AdminMail");
  const role = t(`roles.${m.role}`);
  const link = siteUrl + localizedPath(m.locale, "/signin");
  return {
    to: m.to,
    subject: t("accountSubject", { role }),
    text: [t("greeting", { name: m.name }), "", t("accountBody", { role, email: m.to, password: m.password }), "", t("accountLink", { link }), "", t("signature")].join("\n"),
  };
}

export type ReminderMail = { to: string; name: string; locale: Locale; round: string; remaining: number; closesAt: Date | null };

/** Reminds a juror of the sheets they have left in an open round, with the deadline and their workspace. */
export function reminderMail(m: ReminderMail): Mail {
  const t = translator(m.locale, "AdminMail");
  const link = siteUrl + localizedPath(m.locale, "/jury");
  const time = m.closesAt ? new Intl.DateTimeFormat(m.locale === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" }).format(m.closesAt) : "";
  const deadline = m.closesAt ? t("deadline", { time, date: formatDate(m.closesAt, m.locale) }) : t("noDeadline");
  return {
    to: m.to,
    subject: t("reminderSubject", { remaining: m.remaining, round: m.round }),
    text: [t("greeting", { name: m.name }), "", t("reminderBody", { remaining: m.remaining, round: m.round }), deadline, "", t("reminderLink", { link }), "", t("signature")].join("\n"),
  };
}

export type ResultsMailEntry = { code: string; title: string; tier: PrizeTier | null; category: { vi: string; en: string } };
export type ResultsMail = { to: string; name: string; year: number; contest: { vi: string; en: string }; entries: ResultsMailEntry[] };

const TIER_KEYS: Record<PrizeTier, string> = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" };

/**
 * Tells an entrant the results are out: a congratulation with the prize for each winning entry,
 * thanks for the others, and the public results page. In Vietnamese, then in English: accounts
 * carry no language.
 */
export function resultsMail(m: ResultsMail): Mail {
  const part = (locale: Locale) => {
    const t = translator(locale, "Results");
    const lines = m.entries.map((e) =>
      e.tier
        ? t("mailWinner", { code: e.code, title: e.title, prize: t(TIER_KEYS[e.tier]), category: e.category[locale], link: siteUrl + localizedPath(locale, "/results/[year]/[code]", { year: m.year, code: e.code }) })
        : t("mailThanks", { code: e.code, title: e.title }),
    );
    const results = siteUrl + localizedPath(locale, "/results/[year]", { year: m.year });
    return [t("mailGreeting", { name: m.name }), "", t("mailIntro", { contest: m.contest[locale] }), "", lines.join("\n\n"), "", t("mailResultsLink", { link: results }), "", t("mailSignature")].join("\n");
  };
  return {
    to: m.to,
    subject: `${translator("vi", "Results")("mailSubject", { year: m.year })} / ${translator("en", "Results")("mailSubject", { year: m.year })}`,
    text: `${part("vi")}\n\n-----\n\n${part("en")}`,
  };
}

export type UnlockMail = { to: string; name: string; link: string; minutes: number };

/** Sent when repeated failed sign-ins block an address: who may ignore it, and the link that clears every block on the account. In Vietnamese, then in English. */
export function unlockMail(m: UnlockMail): Mail {
  const part = (locale: Locale) => {
    const t = translator(locale, "Auth");
    return [t("unlockMailGreeting", { name: m.name }), "", t("unlockMailBody", { minutes: m.minutes }), "", t("unlockMailLink", { link: m.link }), "", t("unlockMailIgnore")].join("\n");
  };
  return { to: m.to, subject: `${translator("vi", "Auth")("unlockMailSubject")} / ${translator("en", "Auth")("unlockMailSubject")}`, text: `${part("vi")}\n\n-----\n\n${part("en")}` };
}
