import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { eventTemplates, recentMessages } from "@/lib/db/queries/mail";
import { MAIL_EVENTS } from "@/lib/contest/vocabulary";
import { localizedPath } from "@/lib/i18n/paths";
import { MAIL_LANGUAGE, MAIL_VARIABLES } from "@/lib/mail/render";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { EntryMessages } from "@/components/admin/entry-messages";
import { TemplateEditor } from "@/components/admin/template-editor";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Messages" });
  return { title: t("title") };
}

/** The e-mail of each event, editable in both languages with a preview and a test send; then the latest messages sent. */
export default async function AdminMessagesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSecretariat(locale, localizedPath(locale, "/admin/messages"));
  const t = await getTranslations({ locale, namespace: "Admin.Messages" });
  const db = await getDb();
  const [templates, recent] = await Promise.all([Promise.all(MAIL_EVENTS.map((event) => eventTemplates(db, event))), recentMessages(db, 50)]);
  return (
    <AdminPage locale={locale} caller={caller} section="/admin/messages" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/messages")} forms={["Messages"]}>
      {MAIL_EVENTS.map((event, i) => (
        <section key={event} aria-labelledby={`tpl-${event}`} className="mt-8 first:mt-0">
          <h2 id={`tpl-${event}`} className="text-2xl font-bold">
            {t(`events.${event}`)}
          </h2>
          <p className="mt-1 max-w-3xl text-stone-700">
            {t(`about.${event}`)} {t(`language.${MAIL_LANGUAGE[event]}`)}
          </p>
          <div className="mt-3">
            <TemplateEditor locale={locale} event={event} title={t(`events.${event}`)} variables={MAIL_VARIABLES[event]} templates={templates[i]!} />
          </div>
        </section>
      ))}
      <section aria-labelledby="sent-heading" className="mt-12">
        <h2 id="sent-heading" className="text-2xl font-bold">
          {t("recent")}
        </h2>
        <div className="mt-3 max-w-3xl">
          <EntryMessages entryId="recent" locale={locale} messages={recent} />
        </div>
      </section>
    </AdminPage>
  );
}
