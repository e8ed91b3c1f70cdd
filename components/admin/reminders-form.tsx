"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { formatTime } from "@/lib/i18n/format";
import type { ReminderResult } from "@/lib/db/queries/reminders";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Juror = { id: string; name: string; left: number };
type Props = { locale: string; roundId: string; jurors: Juror[]; names: Record<string, string> };

const SKIP_KEYS = { notInRound: "skipNotInRound", disabled: "skipDisabled", nothingLeft: "skipNothingLeft", recentlyReminded: "skipRecent", mailFailed: "skipMailFailed" } as const;

/** E-mails the chosen jurors (none chosen: all with sheets left) and says who got a reminder and who did not, and why. */
export function RemindersForm({ locale, roundId, jurors, names }: Props) {
  const t = useTranslations("Admin.Reminders");
  const router = useRouter();
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<ReminderResult | null>(null);
  const { busy, alert, status, setStatus, refuse, send: request } = useAdminForm(locale);

  const send = async () => {
    setResult(null);
    await request<ReminderResult>(`/api/admin/rounds/${roundId}/reminders`, { method: "POST", body: chosen.length ? { jurorIds: chosen } : {} }, {
      done: (data) => {
        setResult(data);
        setStatus(t("sentCount", { sent: data.sent.length, skipped: data.skipped.length }));
        setChosen([]);
        router.refresh();
      },
      refused: (error) => refuse({}, [error.message, ...Object.values(error.fields ?? {})].join(" ")),
    });
  };

  const time = (iso: string) => formatTime(iso, locale);

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
              <input type="checkbox" className="h-4 w-4" checked={chosen.includes(j.id)} onChange={(e) => setChosen((all) => (e.target.checked ? [...all, j.id] : all.filter((id) => id !== j.id)))} />
              {t("juror", { name: j.name, left: j.left })}
            </label>
          ))}
        </div>
        <button type="submit" className="mt-3 rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
          {chosen.length ? t("sendChosen", { n: chosen.length }) : t("sendAll")}
        </button>
      </fieldset>
      {alert && <ErrorAlert className="mt-2 p-2 text-sm">{alert}</ErrorAlert>}
      <p role="status" className="mt-2 text-sm font-semibold text-green-900">
        {status}
      </p>
      {result && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {result.sent.map((s) => (
            <li key={s.jurorId}>{t("sentTo", { name: names[s.jurorId] ?? s.jurorId, left: s.remaining })}</li>
          ))}
          {result.skipped.map((s) => (
            <li key={s.jurorId}>{t(SKIP_KEYS[s.reason], { name: names[s.jurorId] ?? s.jurorId, time: s.lastSentAt ? time(s.lastSentAt) : "" })}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
