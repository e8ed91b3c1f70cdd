"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { api, useHydrated } from "@/components/portal/format";

type Props = { locale: string; entryId: string; done: string };

/** "Declare a conflict of interest": with a reason, the entry goes back to the secretariat. */
export function ConflictForm({ locale, entryId, done }: Props) {
  const t = useTranslations("JuryForm");
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  const declare = async () => {
    if (!reason.trim()) {
      setError(t("conflictReasonRequired"));
      document.getElementById("conflict-reason")?.focus();
      return;
    }
    if (!window.confirm(t("conflictConfirm"))) return;
    setBusy(true);
    const res = await api(`/api/jury/conflicts`, { locale, method: "POST", body: JSON.stringify({ entryId, reason: reason.trim() }) });
    if (res.ok) {
      window.location.assign(done);
      return;
    }
    setBusy(false);
    setError(res.status === 0 ? t("networkError") : (res.error.fields?.reason ?? res.error.message));
  };

  return (
    <details className="mt-10 rounded-md border border-stone-300 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{t("conflictTitle")}</summary>
      <p className="mt-2 text-sm text-stone-700">{t("conflictIntro")}</p>
      <label htmlFor="conflict-reason" className="mt-3 block font-semibold">
        {t("conflictReason")}
      </label>
      <textarea
        id="conflict-reason"
        rows={3}
        value={reason}
        maxLength={1000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "conflict-error" : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError("");
        }}
        className="mt-1 w-full rounded-md border border-stone-400 px-3 py-2 text-base"
      />
      {error && (
        <p id="conflict-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <button type="button" disabled={!hydrated || busy} onClick={() => void declare()} className="mt-3 rounded-md border border-red-800 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60">
        {t("conflictSubmit")}
      </button>
    </details>
  );
}
