"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = {
  locale: string;
  /** The form the rows' checkboxes (name "ids") belong to, through their `form` attribute. */
  formId: string;
  /** The round that is open or being prepared: "assign" and "remind" act on it. */
  round: { id: string; name: string; open: boolean } | null;
  /** Per entry on this page: jurors of that round whose sheet is not in yet. */
  pendingJurors: Record<string, string[]>;
};

type Action = "eligible" | "ineligible" | "assign" | "remind";

/**
 * Bulk actions over the ticked rows: one eligibility decision with one reason
 * (POST /api/admin/entries/eligibility, all or none), give those entries jurors in the round
 * (the rest of the round stays as it is), or remind the jurors whose sheets on them are not in.
 */
export function BulkActions({ locale, formId, round, pendingJurors }: Props) {
  const t = useTranslations("Admin.Bulk");
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const [action, setAction] = useState<Action>("eligible");
  const [reason, setReason] = useState("");
  const { busy, errors, alert, status, setStatus, setAlert, clearError, send } = useAdminForm(locale);

  const chosen = (form: HTMLFormElement) => new FormData(form).getAll("ids").map(String);

  const submit = async (form: HTMLFormElement) => {
    const ids = chosen(form);
    if (ids.length === 0) return setAlert(t("noneChosen"));
    if (action === "eligible" || action === "ineligible") {
      await send<{ decided: unknown[] }>("/api/admin/entries/eligibility", { method: "POST", body: { ids, eligible: action === "eligible", ...(reason.trim() ? { reason: reason.trim() } : {}) } }, {
        done: (data) => {
          setStatus(t("decided", { n: data.decided.length }));
          setReason("");
          router.refresh();
        },
      });
    } else if (action === "assign" && round) {
      await send<{ added: number; unmet: unknown[]; outOfRound: unknown[] }>(`/api/admin/rounds/${round.id}/assignment/entries`, { method: "POST", body: { entryIds: ids } }, {
        done: (data) => {
          setStatus(t("assigned", { round: round.name, added: data.added, unmet: data.unmet.length, out: data.outOfRound.length }));
          router.refresh();
        },
      });
    } else if (action === "remind" && round) {
      const jurorIds = [...new Set(ids.flatMap((e) => pendingJurors[e] ?? []))];
      if (jurorIds.length === 0) return setAlert(t("nobodyToRemind"));
      await send<{ sent: unknown[] }>(`/api/admin/rounds/${round.id}/reminders`, { method: "POST", body: { jurorIds } }, {
        done: (data) => setStatus(t("reminded", { n: data.sent.length })),
      });
    }
  };

  const needsReason = action === "eligible" || action === "ineligible";
  return (
    <form
      id={formId}
      aria-labelledby={`${id}-title`}
      className="mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="bulk-actions"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <h2 id={`${id}-title`} className="font-bold">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-700">{t("intro")}</p>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-action`} className="block text-sm font-semibold">
            {t("action")}
          </label>
          <select id={`${id}-action`} value={action} onChange={(e) => setAction(e.target.value as Action)} className="mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base">
            <option value="eligible">{t("markEligible")}</option>
            <option value="ineligible">{t("markIneligible")}</option>
            {round && <option value="assign">{t("assign", { round: round.name })}</option>}
            {round?.open && <option value="remind">{t("remind")}</option>}
          </select>
        </div>
        {needsReason && (
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">
              {t("reason")}
            </label>
            <p id={`${id}-reason-hint`} className="text-sm text-stone-600">
              {t("reasonHint")}
            </p>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={1000}
              value={reason}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={[`${id}-reason-hint`, errors.reason ? `${id}-reason-error` : ""].filter(Boolean).join(" ")}
              onChange={(e) => {
                setReason(e.target.value);
                clearError("reason");
              }}
              className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${errors.reason ? "border-red-700" : "border-stone-400"}`}
            />
            {errors.reason && (
              <p id={`${id}-reason-error`} className="mt-1 text-sm font-semibold text-red-800">
                {errors.reason}
              </p>
            )}
          </div>
        )}
      </div>
      <button type="submit" disabled={!hydrated || busy} className="mt-3 rounded-md border border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("apply")}
      </button>
      {alert && <ErrorAlert className="mt-2 p-2 text-sm">{alert}</ErrorAlert>}
      <p role="status" className="mt-2 text-sm text-stone-700" data-testid="bulk-status">
        {status}
      </p>
    </form>
  );
}
