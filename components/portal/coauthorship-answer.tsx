"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { CoauthorshipView } from "@/lib/db/queries/coauthors";
import { api } from "./format";

type Labels = { accept: string; decline: string; leave: string; declineConfirm: string; leaveConfirm: string; answering: string };

/** Accept or decline (or leave, once accepted) one co-authorship; the page is read again after an answer. */
export function CoauthorshipAnswer({ locale, entryId, status, labels }: { locale: string; entryId: string; status: CoauthorshipView["status"]; labels: Labels }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(answer: "accept" | "decline") {
    if (answer === "decline" && !window.confirm(status === "accepted" ? labels.leaveConfirm : labels.declineConfirm)) return;
    setBusy(true);
    setError(null);
    // One key per click: a retried request never answers twice.
    const res = await api<CoauthorshipView>(`/api/entries/${entryId}/coauthorship`, { locale, method: "POST", body: JSON.stringify({ answer }), headers: { "Idempotency-Key": crypto.randomUUID() } });
    setBusy(false);
    if (res.ok) router.refresh();
    else setError(res.error.message);
  }

  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "pending" && (
          <button type="button" disabled={busy} onClick={() => send("accept")} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {labels.accept}
          </button>
        )}
        {status !== "declined" && (
          <button type="button" disabled={busy} onClick={() => send("decline")} className="rounded-md border border-stone-400 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
            {status === "accepted" ? labels.leave : labels.decline}
          </button>
        )}
      </div>
      <p aria-live="polite" className="text-sm text-stone-700">
        {busy ? labels.answering : ""}
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
    </div>
  );
}
