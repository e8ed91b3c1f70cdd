import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env, siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { translator } from "@/lib/i18n/translator";

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
  // A random part: two messages to one address in the same millisecond must not overwrite each other.
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}-${mail.to.replace(/[^a-z0-9@._-]/gi, "_")}.eml`;
  await writeFile(path.join(dir, name), (info as unknown as { message: Buffer }).message);
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

export type UnlockMail = { to: string; name: string; link: string; minutes: number };

/** Sent when repeated failed sign-ins block an address: who may ignore it, and the link that clears every block on the account. In Vietnamese, then in English. */
export function unlockMail(m: UnlockMail): Mail {
  const part = (locale: Locale) => {
    const t = translator(locale, "Auth");
    return [t("unlockMailGreeting", { name: m.name }), "", t("unlockMailBody", { minutes: m.minutes }), "", t("unlockMailLink", { link: m.link }), "", t("unlockMailIgnore")].join("\n");
  };
  return { to: m.to, subject: `${translator("vi", "Auth")("unlockMailSubject")} / ${translator("en", "Auth")("unlockMailSubject")}`, text: `${part("vi")}\n\n-----\n\n${part("en")}` };
}

export type PasswordResetMail = { to: string; name: string; link: string; minutes: number; locale: Locale };

/** The single-use link that sets a new password, in the language of the page it was asked from, then the other. */
export function passwordResetMail(m: PasswordResetMail): Mail {
  const order: Locale[] = m.locale === "en" ? ["en", "vi"] : ["vi", "en"];
  const part = (locale: Locale) => {
    const t = translator(locale, "PasswordReset");
    return [t("mailGreeting", { name: m.name }), "", t("mailBody"), "", t("mailLink", { link: m.link, minutes: m.minutes }), "", t("mailIgnore")].join("\n");
  };
  return { to: m.to, subject: order.map((l) => translator(l, "PasswordReset")("mailSubject")).join(" / "), text: order.map(part).join("\n\n-----\n\n") };
}
