"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import type { EntryView } from "@/lib/db/queries/entries";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = { locale: string; entryId: string; label: string; eligibility: EntryView["eligibility"]; reason: string };

const STYLES = { eligible: "bg-green-100 text-green-900", ineligible: "bg-red-100 text-red-900", pending: "bg-amber-100 text-amber-900" } as const;

/**
 * The eligibility cell and the decision cell of one row of the entries table. A decision
 * (POST /api/admin/entries/{id}/eligibility) updates the row in place from the API's answer, so
 * the row stays in view with its new state even when the list is filtered on undecided entries;
 * the next search or filter reads the list afresh.
 */
export function EligibilityCells({ locale, entryId, label, eligibility: initialEligibility, reason: initialReason }: Props) {
  const t = useTranslations("Admin.EligibilityCells");
  const hydrated = useHydrated();
  const [current, setCurrent] = useState({ eligibility: initialEligibility, reason: initialReason });
  const [decision, setDecision] = useState<"eligible" | "ineligible">(initialEligibility ?? "eligible");
  const [reason, setReason] = useState(initialReason);
  const { busy, errors, alert, status, setStatus, refuse, clearError, send } = useAdminForm(locale);
  const error = errors.reason ?? "";
  const id = `eligibility-${entryId}`;

  const save = async () => {
    const body = { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    await send<EntryView>(`/api/admin/entries/${entryId}/eligibility`, { method: "POST", body }, {
      done: (entry) => {
        setCurrent({ eligibility: entry.eligibility, reason: entry.eligibilityReason });
        setStatus(t("saved"));
      },
      refused: (error) => {
        const fieldError = error.fields?.reason ?? error.fields?.decision ?? "";
        refuse({ reason: fieldError }, error.message);
        if (fieldError) document.getElementById(`${id}-reason`)?.focus();
      },
    });
  };

  const key = current.eligibility ?? "pending";
  return (
    <>
      <td className="border-b border-stone-200 px-3 py-2 align-top">
        <span data-testid="eligibility" className={`whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${STYLES[key]}`}>
          {t(key)}
        </span>
        {current.reason && <span className="mt-1 block text-sm text-stone-700">{current.reason}</span>}
      </td>
      <td className="min-w-[14rem] border-b border-stone-200 px-3 py-2 align-top">
        <details>
          <summary className="cursor-pointer font-semibold text-brand-700">{t("decide")}</summary>
          <form
            noValidate
            className="mt-2 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <fieldset disabled={!hydrated || busy} className="space-y-3">
              <legend className="sr-only">{t("decisionFor", { code: label })}</legend>
              <div>
                <label htmlFor={`${id}-decision`} className="block text-sm font-semibold">
                  {t("decisionLabel")}
                </label>
                <select id={`${id}-decision`} value={decision} onChange={(e) => setDecision(e.target.value as "eligible" | "ineligible")} className="mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base">
                  <option value="eligible">{t("eligible")}</option>
                  <option value="ineligible">{t("ineligible")}</option>
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">
                  {t("reason")}
                </label>
                <p id={`${id}-hint`} className="text-sm text-stone-600">
                  {t("reasonHint")}
                </p>
                <textarea
                  id={`${id}-reason`}
                  rows={2}
                  maxLength={1000}
                  value={reason}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
                  onChange={(e) => {
                    setReason(e.target.value);
                    clearError("reason");
                  }}
                  className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${error ? "border-red-700" : "border-stone-400"}`}
                />
                {error && (
                  <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
                    {error}
                  </p>
                )}
              </div>
              <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
                {t("save")}
              </button>
            </fieldset>
            {alert && <ErrorAlert className="p-2 text-sm">{alert}</ErrorAlert>}
            <p role="status" className="text-sm text-green-900">
              {status}
            </p>
          </form>
        </details>
      </td>
    </>
  );
}
