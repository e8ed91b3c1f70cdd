"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { api, fill, useHydrated, type Strings } from "@/components/portal/format";
import { ErrorAlert } from "./error-alert";

type Juror = { id: string; name: string; left: number };
type Skip = { jurorId: string; reason: "notInRound" | "disabled" | "nothingLeft" | "recentlyReminded" | "mailFailed"; remaining?: number; lastSentAt?: string };
type Result = { sent: { jurorId: string; remaining: number }[]; skipped: Skip[] };
type Props = { locale: string; t: Strings; roundId: string; jurors: Juror[]; names: Record<string, string> };

const SKIP_KEYS = { notInRound: "skipNotInRound", disabled: "skipDisabled", nothingLeft: "skipNothingLeft", recentlyReminded: "skipRecent", mailFailed: "skipMailFailed" } as const;

/** E-mails the chosen jurors (none chosen: all with sheets left) and says who got a reminder and who did not, and why. */
export function RemindersForm({ locale, t, roundId, jurors, names }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [alert, setAlert] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    setStatus(t.working ?? "");
    setAlert("");
    setResult(null);
    const res = await api<Result>(`/api/admin/rounds/${roundId}/reminders`, { locale, method: "POST", body: JSON.stringify(chosen.length ? { jurorIds: chosen } : {}) });
    setBusy(false);
    if (res.ok) {
      setResult(res.data);
      setStatus(fill(t.sentCount, { sent: res.data.sent.length, skipped: res.data.skipped.length }));
      setChosen([]);
      router.refresh();
      return;
    }
    setStatus("");
    setAlert(res.status === 0 ? (t.networkError ?? "") : [res.error.message, ...Object.values(res.error.fields ?? {})].join(" "));
  };

  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <fieldset disabled={!hydrated || busy}>
        <legend className="font-semibold">{t.who}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {jurors.map((j) => (
            <label key={j.id} className="inline-flex items-center gap-2">
              <input type="checkbox" className="h-4 w-4" checked={chosen.includes(j.id)} onChange={(e) => setChosen((all) => (e.target.checked ? [...all, j.id] : all.filter((id) => id !== j.id)))} />
              {fill(t.juror, { name: j.name, left: j.left })}
            </label>
          ))}
        </div>
        <button type="submit" className="mt-3 rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
          {chosen.length ? fill(t.sendChosen, { n: chosen.length }) : t.sendAll}
        </button>
      </fieldset>
      {alert && <ErrorAlert className="mt-2 p-2 text-sm">{alert}</ErrorAlert>}
      <p role="status" className="mt-2 text-sm font-semibold text-green-900">
        {status}
      </p>
      {result && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {result.sent.map((s) => (
            <li key={s.jurorId}>{fill(t.sentTo, { name: names[s.jurorId] ?? s.jurorId, left: s.remaining })}</li>
          ))}
          {result.skipped.map((s) => (
            <li key={s.jurorId}>{fill(t[SKIP_KEYS[s.reason]], { name: names[s.jurorId] ?? s.jurorId, time: s.lastSentAt ? time(s.lastSentAt) : "" })}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
