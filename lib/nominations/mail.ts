import "server-only";
import { siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { translator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail";

type Base = { to: string; name: string; locale: Locale; code: string; nominee: string };

function compose(m: Base, subject: string, body: string, link: string | null): Mail {
  const t = translator(m.locale, "NominationMail");
  return { to: m.to, subject, text: [t("greeting", { name: m.name }), "", body, ...(link ? ["", link] : []), "", t("signature")].join("\n") };
}

/** The link that confirms the nomination, and is the nominator's page to follow it from then on. */
export function confirmMail(m: Base & { link: string }): Mail {
  const t = translator(m.locale, "NominationMail");
  return compose(m, t("confirmSubject", { code: m.code }), t("confirmBody", { nominee: m.nominee, code: m.code }), `${m.link}\n\n${t("confirmIgnore")}`);
}

export function moreMail(m: Base & { link: string; message: string }): Mail {
  const t = translator(m.locale, "NominationMail");
  return compose(m, t("moreSubject", { code: m.code }), t("moreBody", { message: m.message }), m.link);
}

export function rejectedMail(m: Base & { reason: string; days: number }): Mail {
  const t = translator(m.locale, "NominationMail");
  return compose(m, t("rejectedSubject", { code: m.code }), t("rejectedBody", { nominee: m.nominee, reason: m.reason, days: m.days }), null);
}

export function acceptedMail(m: Base & { link: string }): Mail {
  const t = translator(m.locale, "NominationMail");
  return compose(m, t("acceptedSubject", { code: m.code }), t("acceptedBody", { nominee: m.nominee }), m.link);
}

export function publishedMail(m: Base & { slug: string }): Mail {
  const t = translator(m.locale, "NominationMail");
  // Stories are written in Vietnamese first: the link is the Vietnamese page.
  const link = siteUrl + localizedPath("vi", "/stories/[slug]", { slug: m.slug });
  return compose(m, t("publishedSubject", { nominee: m.nominee }), t("publishedBody", { nominee: m.nominee }), link);
}
