import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env, siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { portalMessage } from "@/lib/i18n/portal-messages";

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
  const t = (key: string, params = {}) => portalMessage(r.locale, `Receipt.${key}`, params);
  const link = siteUrl + localizedPath(r.locale, "/entries/[id]/receipt", { id: r.entryId });
  const when = new Intl.DateTimeFormat(r.locale === "vi" ? "vi-VN" : "en-GB", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Ho_Chi_Minh" }).format(r.submittedAt);
  const files = r.attachments.map((a) => `- ${a.fileName} (SHA-256 ${a.sha256})`).join("\n");
  return {
    to: r.to,
    subject: t("mailSubject", { code: r.code }),
    text: [t("mailGreeting", { name: r.name }), "", t("mailBody", { code: r.code, title: r.title, when }), "", files, "", t("mailLink", { link })].join("\n"),
  };
}
