"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { formatTime } from "@/lib/i18n/format";
import type { ReminderResult, ReminderSkip } from "@/lib/db/queries/reminders";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Juror = { id: string; name: string; left: number };
type Props = { locale: string; roundId: string; jurors: Juror[]; names: Record<string, string> };
/** POST /api/admin/rounds/{id}/reminders/preview */
type ReminderPreview = { sendTo: { jurorId: string; name: string; remaining: number }[]; skipped: ReminderSkip[]; message: { to: string; subject: string; text: string } | null };

const SKIP_KEYS = { notInRound: "skipNotInRound", disabled: "skipDisabled", nothingLeft: "skipNothingLeft", recentlyReminded: "skipRecent", mailFailed: "skipMailFailed" } as const;

/**
 * E-mails the chosen jurors (none chosen: all with sheets left) and says who got a reminder and
 * who did not, and why. "Preview" first shows who a click would remind and the message itself.
 */
export function RemindersForm({ locale, roundId, jurors, names }: Props) {
  const t = useTranslations("Admin.Reminders");
  const router = useRouter();
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<ReminderResult | null>(null);
  const [preview, setPreview] = useState<ReminderPreview | null>(null);
  const { busy, alert, status, setStatus, refuse, send: request } = useAdminForm(locale);
  const body = chosen.length ? { jurorIds: chosen } : {};
  const refused = (error: { message: string; fields?: Record<string, string> }) => refuse({}, [error.message, ...Object.values(error.fields ?? {})].join(" "));

  const send = async () => {
    setResult(null);
    setPreview(null);
    await request<ReminderResult>(`/api/admin/rounds/${roundId}/reminders`, { method: "POST", body }, {
      done: (data) => {
        setResult(data);
        setStatus(t("sentCount", { sent: data.sent.length, skipped: data.skipped.length }));
        setChosen([]);
        router.refresh();
      },
      refused,
    });
  };

  const showPreview = async () => {
    setResult(null);
    await request<ReminderPreview>(`/api/admin/rounds/${roundId}/reminders/preview`, { method: "POST", body }, { done: setPreview, refused });
  };

  const time = (iso: string) => formatTime(iso, locale);
  const skipLine = (s: ReminderSkip) => t(SKIP_KEYS[s.reason], { name: names[s.jurorId] ?? s.jurorId, time: s.lastSentAt ? time(s.lastSentAt) : "" });
  const list = new Intl.ListFormat(locale === "vi" ? "vi-VN" : "en-GB", { type: "conjunction" });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <fieldset disabled={!hydrated || busy}>
        <legend className="font-semibold">{t("who")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {jurors.map((j) => (
            <label key={j.id} className="inline-flex items-center gap-2">
              <input
                type="checkbox"
                className="h-4 w-4"
                checked={chosen.includes(j.id)}
                onChange={(e) => {
                  setPreview(null);
                  setChosen((all) => (e.target.checked ? [...all, j.id] : all.filter((id) => id !== j.id)));
                }}
              />
              {t("juror", { name: j.name, left: j.left })}
            </label>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" onClick={() => void showPreview()} className="rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
            {t("preview")}
          </button>
          <button type="submit" className="rounded-md border border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {chosen.length ? t("sendChosen", { n: chosen.length }) : t("sendAll")}
          </button>
        </div>
      </fieldset>
      {alert && <ErrorAlert className="mt-2 p-2 text-sm">{alert}</ErrorAlert>}
      {preview && (
        <section data-testid="reminder-preview" aria-label={t("previewTitle")} className="mt-3 rounded-md border border-stone-300 bg-stone-50 p-3 text-sm">
          <h3 className="font-bold">{t("previewTitle")}</h3>
          <p className="mt-1">{preview.sendTo.length ? t("willRemind", { n: preview.sendTo.length, names: list.format(preview.sendTo.map((s) => t("juror", { name: s.name, left: s.remaining }))) }) : t("nobody")}</p>
          {preview.skipped.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {preview.skipped.map((s) => (
                <li key={s.jurorId}>{skipLine(s)}</li>
              ))}
            </ul>
          )}
          {preview.message && (
            <div className="mt-2 rounded border border-stone-200 bg-white p-3">
              <p className="text-stone-700">{t("sampleFor", { name: preview.sendTo[0]?.name ?? "", email: preview.message.to })}</p>
              <p className="mt-1">
                <span className="font-semibold">{t("subject")}: </span>
                <span lang="vi">{preview.message.subject}</span>
              </p>
              <pre lang="vi" className="mt-2 whitespace-pre-wrap break-words font-sans">
                {preview.message.text}
              </pre>
            </div>
          )}
        </section>
      )}
      <p role="status" className="mt-2 text-sm font-semibold text-green-900">
        {status}
      </p>
      {result && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {result.sent.map((s) => (
            <li key={s.jurorId}>{t("sentTo", { name: names[s.jurorId] ?? s.jurorId, left: s.remaining })}</li>
          ))}
          {result.skipped.map((s) => (
            <li key={s.jurorId}>{skipLine(s)}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
