"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

const TIERS = ["A", "B", "C", "encouragement"] as const;
type Tier = (typeof TIERS)[number];
type Props = { locale: string; tierNames: Record<Tier, string>; categories: { code: string; name: string; quota: Record<Tier, number> }[] };

/** The number of prizes per category and tier (PUT /api/admin/prizes/quotas), as a table of small number fields. */
export function QuotasForm({ locale, tierNames, categories }: Props) {
  const t = useTranslations("Admin.Quotas");
  const router = useRouter();
  const hydrated = useHydrated();
  const [values, setValues] = useState(() => Object.fromEntries(categories.map((c) => [c.code, Object.fromEntries(TIERS.map((tier) => [tier, String(c.quota[tier])]))])) as Record<string, Record<Tier, string>>);
  const { busy, errors, alert, status, setStatus, refuse, clearError, send } = useAdminForm(locale);

  const save = async () => {
    // Whole numbers only; anything else is flagged here, by its field, before anything is sent.
    const wrong = Object.fromEntries(categories.flatMap((c) => TIERS.filter((tier) => !/^\s*\d{1,3}\s*$/.test(values[c.code]![tier])).map((tier) => [`${c.code}.${tier}`, t("wholeNumber")])));
    if (Object.keys(wrong).length) {
      refuse(wrong, t("fixErrors"));
      document.getElementById(`quota-${Object.keys(wrong)[0]!.replace(/\./g, "-")}`)?.focus();
      return;
    }
    const quotas = Object.fromEntries(
      categories.map((c) => [c.code, Object.fromEntries(TIERS.map((tier) => [tier, /^\s*\d+\s*$/.test(values[c.code]![tier]) ? Number(values[c.code]![tier]) : null]))]),
    );
    await send("/api/admin/prizes/quotas", { method: "PUT", body: { quotas } }, {
      done: () => {
        setStatus(t("quotasSaved"));
        router.refresh();
      },
      refused: (error) => {
        const fields: Record<string, string> = {};
        for (const [path, message] of Object.entries(error.fields ?? {})) fields[path.replace(/^quotas\./, "")] = message;
        refuse(fields, error.message);
        const first = Object.keys(fields)[0];
        if (first) document.getElementById(`quota-${first.replace(/\./g, "-")}`)?.focus();
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={!hydrated || busy}>
        <legend className="sr-only">{t("quotas")}</legend>
        <div role="region" aria-label={t("quotasTable")} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[32rem] border-collapse">
            <caption className="sr-only">{t("quotasTable")}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold">
                  {t("category")}
                </th>
                {TIERS.map((tier) => (
                  <th key={tier} scope="col" className="border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold">
                    {tierNames[tier]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.code}>
                  <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal">
                    {c.name}
                  </th>
                  {TIERS.map((tier) => {
                    const id = `quota-${c.code}-${tier}`;
                    const error = errors[`${c.code}.${tier}`] ?? (tier === "A" ? errors[c.code] : undefined);
                    return (
                      <td key={tier} className="border-b border-stone-200 px-3 py-2 align-top">
                        <label htmlFor={id} className="sr-only">
                          {t("quotaLabel", { tier: tierNames[tier], category: c.name })}
                        </label>
                        <input
                          id={id}
                          type="text"
                          inputMode="numeric"
                          value={values[c.code]![tier]}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) => {
                            setValues((all) => ({ ...all, [c.code]: { ...all[c.code]!, [tier]: e.target.value } }));
                            clearError(`${c.code}.${tier}`);
                          }}
                          className={`w-20 rounded-md border px-2 py-1 text-base ${error ? "border-red-700" : "border-stone-400"}`}
                        />
                        {error && (
                          <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
                            {error}
                          </p>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {alert && <ErrorAlert className="mt-2 p-2 text-sm">{alert}</ErrorAlert>}
        <button type="submit" className="mt-3 rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
          {t("saveQuotas")}
        </button>
        <p role="status" className="mt-1 text-sm text-green-900">
          {status}
        </p>
      </fieldset>
    </form>
  );
}
