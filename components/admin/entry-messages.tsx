import { getTranslations } from "next-intl/server";
import type { SentMessage } from "@/lib/db/queries/mail";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";

type Props = {
  entryId: string;
  locale: Locale;
  /** entryMessages(db, entryId) from lib/db/queries/mail.ts: the same list GET /api/admin/entries/{id} returns. */
  messages: SentMessage[];
  /** Show who each message went to (an entry's page); an account's page already says who. */
  showRecipient?: boolean;
};

/**
 * The messages sent about an entry (or to an account): when, to whom, which template, and
 * whether it went. Presentational: the page loads the list with entryMessages (or
 * accountMessages) and passes it in.
 */
export async function EntryMessages({ entryId, locale, messages, showRecipient = true }: Props) {
  const t = await getTranslations({ locale, namespace: "Admin.Messages" });
  if (messages.length === 0) return <p className="text-sm text-stone-700" data-testid="entry-messages-empty">{t("noneSent")}</p>;
  return (
    <ul className="space-y-2" data-testid="entry-messages" aria-label={t("sentList")} id={`messages-${entryId}`}>
      {messages.map((m) => (
        <li key={m.id} className="rounded-md border border-stone-200 bg-white p-2 text-sm" data-testid="sent-message">
          <span className="font-semibold">{t(`events.${m.event}`)}</span>
          {m.test && <span className="ml-2 rounded bg-stone-200 px-1 text-xs font-semibold">{t("testMark")}</span>}
          {m.status === "failed" && <span className="ml-2 rounded bg-red-100 px-1 text-xs font-semibold text-red-900">{t("failed")}</span>}
          <span className="block text-stone-700">
            {formatDateTime(m.sentAt, locale)}
            {showRecipient && ` · ${m.toName ? `${m.toName} <${m.to}>` : m.to}`}
            {m.entryCode && ` · ${m.entryCode}`}
          </span>
          {/* The subject as it was sent, in the message's language(s), not the page's. */}
          <span lang={m.language === "both" ? "mul" : m.language} className="block text-stone-600">
            {m.subject}
          </span>
        </li>
      ))}
    </ul>
  );
}
