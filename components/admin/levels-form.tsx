"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { formatScore, parseScoreText } from "@/lib/contest/scoring";
import type { CriterionLevel } from "@/lib/contest/vocabulary";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Criterion = { key: string; name: string; maxPoints: number; levels: CriterionLevel[] };
type Props = { locale: "vi" | "en"; roundId: string; criteria: Criterion[] };
type Row = { min: string; max: string; vi: string; en: string };

const toRows = (levels: CriterionLevel[], locale: "vi" | "en"): Row[] =>
  levels.map((l) => ({ min: formatScore(l.min, locale), max: formatScore(l.max, locale), vi: l.description.vi, en: l.description.en }));

/**
 * What each level of each criterion means, in both languages (PUT /api/admin/rounds/{id}/levels).
 * Jurors read these beside every score they give; the points and weights stay as they are.
 */
export function LevelsForm({ locale, roundId, criteria }: Props) {
  const t = useTranslations("Admin.Levels");
  const router = useRouter();
  const hydrated = useHydrated();
  const [rows, setRows] = useState<Record<string, Row[]>>(() => Object.fromEntries(criteria.map((c) => [c.key, toRows(c.levels, locale)])));
  const { busy, errors, alert, status, setStatus, refuse, send } = useAdminForm(locale);

  const edit = (key: string, i: number, field: keyof Row, value: string) => setRows((all) => ({ ...all, [key]: all[key]!.map((r, k) => (k === i ? { ...r, [field]: value } : r)) }));
  const add = (key: string) => setRows((all) => ({ ...all, [key]: [...all[key]!, { min: "", max: "", vi: "", en: "" }] }));
  const remove = (key: string, i: number) => setRows((all) => ({ ...all, [key]: all[key]!.filter((_, k) => k !== i) }));

  const save = async () => {
    const wrong: Record<string, string> = {};
    const body = criteria.map((c, ci) => ({
      key: c.key,
      levels: rows[c.key]!.map((r, i) => {
        const [min, max] = [parseScoreText(r.min), parseScoreText(r.max)];
        if (min === null || Number.isNaN(min)) wrong[`criteria.${ci}.levels.${i}.min`] = t("number");
        if (max === null || Number.isNaN(max)) wrong[`criteria.${ci}.levels.${i}.max`] = t("number");
        return { min: min ?? 0, max: max ?? 0, description: { vi: r.vi, en: r.en } };
      }),
    }));
    if (Object.keys(wrong).length) return refuse(wrong, t("fixErrors"));
    await send("/api/admin/rounds/" + roundId + "/levels", { method: "PUT", body: { criteria: body } }, {
      done: () => {
        setStatus(t("saved"));
        router.refresh();
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
      className="space-y-6"
    >
      {alert && <ErrorAlert className="p-3">{alert}</ErrorAlert>}
      <fieldset disabled={!hydrated || busy} className="space-y-6">
        {criteria.map((c, ci) => (
          <fieldset key={c.key} className="rounded-lg border border-stone-200 bg-white p-3">
            <legend className="px-1 font-semibold">{t("criterion", { name: c.name, max: c.maxPoints })}</legend>
            <ul className="space-y-3">
              {rows[c.key]!.map((r, i) => {
                const id = (field: string) => `level-${c.key}-${i}-${field}`;
                const error = (field: string) => errors[`criteria.${ci}.levels.${i}.${field}`] || (field === "vi" || field === "en" ? errors[`criteria.${ci}.levels.${i}.description.${field}`] : "");
                return (
                  <li key={i} data-testid="level-row" className="grid gap-2 border-b border-stone-100 pb-3 sm:grid-cols-[5rem_5rem_1fr_1fr_auto] sm:items-end">
                    {(["min", "max", "vi", "en"] as const).map((field) => (
                      <div key={field}>
                        <label htmlFor={id(field)} className="block text-sm font-semibold">
                          {t(field)}
                        </label>
                        {field === "min" || field === "max" ? (
                          <input id={id(field)} inputMode="decimal" value={r[field]} onChange={(e) => edit(c.key, i, field, e.target.value)} aria-invalid={error(field) ? true : undefined} className="w-full rounded-md border border-stone-400 px-2 py-1" />
                        ) : (
                          <textarea id={id(field)} rows={2} lang={field} value={r[field]} onChange={(e) => edit(c.key, i, field, e.target.value)} aria-invalid={error(field) ? true : undefined} className="w-full rounded-md border border-stone-400 px-2 py-1" />
                        )}
                        {error(field) && <p className="text-sm font-semibold text-red-800">{error(field)}</p>}
                      </div>
                    ))}
                    <button type="button" onClick={() => remove(c.key, i)} className="rounded-md border border-stone-300 px-3 py-1 text-sm font-semibold text-stone-800 hover:bg-stone-100">
                      {t("remove")}
                    </button>
                  </li>
                );
              })}
            </ul>
            <button type="button" onClick={() => add(c.key)} className="mt-2 rounded-md border border-stone-300 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-stone-50">
              {t("add")}
            </button>
          </fieldset>
        ))}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("save")}
        </button>
      </fieldset>
      <p role="status" className="text-sm text-green-900">
        {status}
      </p>
    </form>
  );
}
