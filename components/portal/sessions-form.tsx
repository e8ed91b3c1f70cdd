"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { api, useHydrated } from "./format";

type Props = { locale: string };

/**
 * POST /api/account/sessions/revoke, after a confirmation step in the page (no browser dialog).
 * The response re-issues this device's session cookie, so the page stays usable.
 */
export function SessionsForm({ locale }: Props) {
  const t = useTranslations("Account");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState("");
  const hydrated = useHydrated();
  const start = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);

  function ask() {
    setDone(false);
    setError("");
    setConfirming(true);
    // The question replaces the button: keyboard focus goes to the answer.
    requestAnimationFrame(() => yes.current?.focus());
  }

  function cancel() {
    setConfirming(false);
    requestAnimationFrame(() => start.current?.focus());
  }

  async function revoke() {
    setBusy(true);
    const res = await api<undefined>("/api/account/sessions/revoke", { locale, method: "POST" });
    setBusy(false);
    setConfirming(false);
    if (res.ok) setDone(true);
    // 401: this session itself has ended meanwhile; the message asks to sign in again.
    else setError(res.status === 0 ? t("networkError") : res.error.message);
    requestAnimationFrame(() => start.current?.focus());
  }

  return (
    <div className="max-w-md space-y-4">
      {error && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {error}
        </div>
      )}
      <div role="status" className={done ? "rounded-md border border-green-300 bg-green-50 p-3 text-green-900" : undefined}>
        {done ? t("revoked") : ""}
      </div>
      {confirming ? (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
          <p className="text-amber-950">{t("revokeConfirm")}</p>
          <div className="flex flex-wrap gap-3">
            <button ref={yes} type="button" onClick={revoke} disabled={busy} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {busy ? t("working") : t("revokeYes")}
            </button>
            <button type="button" onClick={cancel} disabled={busy} className="rounded-md border border-stone-300 bg-white px-5 py-3 font-semibold hover:bg-stone-100 disabled:opacity-60">
              {t("revokeCancel")}
            </button>
          </div>
        </div>
      ) : (
        <button ref={start} type="button" onClick={ask} disabled={!hydrated} className="rounded-md border border-stone-300 px-5 py-3 font-semibold hover:bg-stone-100 disabled:opacity-60">
          {t("revoke")}
        </button>
      )}
    </div>
  );
}
