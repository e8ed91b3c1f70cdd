"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import type { Round } from "@/lib/db/schema";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

export type CriterionDraft = { key: string; nameVi: string; nameEn: string; maxPoints: string; weight: string };
type Props = { locale: string; rubric: CriterionDraft[]; firstRound: boolean; roundHref: string };

const fid = (path: string) => `round-${path.replace(/\./g, "-")}`;
const whole = (v: string) => (/^\s*\d+\s*$/.test(v) ? Number(v) : v.trim() === "" ? null : Number.NaN);
// Dates are typed as Vietnamese wall-clock time (UTC+7 all year).
const vietnamInstant = (v: string) => (v ? `${v}:00+07:00` : null);

/**
 * A new (draft) round: names, scope, jurors per entry, blind or open, the disagreement threshold,
 * dates and the rubric, as POST /api/admin/rounds takes them. The API's field errors are shown
 * under each control; once created, the round's own page opens.
 */
export function RoundForm({ locale, rubric: initialRubric, firstRound, roundHref }: Props) {
  const t = useTranslations("Admin.RoundForm");
  const hydrated = useHydrated();
  const [nameVi, setNameVi] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [scope, setScope] = useState<"eligible" | "top" | "percent">(firstRound ? "eligible" : "top");
  const [cut, setCut] = useState("10");
  const [perEntry, setPerEntry] = useState("3");
  const [blind, setBlind] = useState(true);
  const [threshold, setThreshold] = useState("20");
  const [opensAt, setOpensAt] = useState("");
  const [closesAt, setClosesAt] = useState("");
  const [rubric, setRubric] = useState<CriterionDraft[]>(initialRubric);
  const { busy, errors, alert, status, setStatus, refuse, clearError, send } = useAdminForm(locale);

  const body = () => ({
    name: { vi: nameVi.trim(), en: nameEn.trim() },
    scope: scope === "eligible" ? { kind: "eligible" } : scope === "top" ? { kind: "shortlist", top: whole(cut) } : { kind: "shortlist", percent: whole(cut) },
    jurorsPerEntry: whole(perEntry),
    rubric: rubric.map((c) => ({ key: c.key.trim(), name: { vi: c.nameVi.trim(), en: c.nameEn.trim() }, maxPoints: whole(c.maxPoints), weight: whole(c.weight) })),
    blind,
    disagreementThreshold: whole(threshold),
    opensAt: vietnamInstant(opensAt),
    closesAt: vietnamInstant(closesAt),
  });

  // The names and criteria are checked here too: the API takes an empty name as a name.
  const missing = () => {
    const out: Record<string, string> = {};
    if (!nameVi.trim()) out["name.vi"] = t("required");
    if (!nameEn.trim()) out["name.en"] = t("required");
    rubric.forEach((c, i) => {
      if (!c.key.trim()) out[`rubric.${i}.key`] = t("required");
      if (!c.nameVi.trim()) out[`rubric.${i}.name.vi`] = t("required");
      if (!c.nameEn.trim()) out[`rubric.${i}.name.en`] = t("required");
    });
    return out;
  };

  const submit = async () => {
    const problems = missing();
    if (Object.keys(problems).length) {
      refuse(problems, t("fixErrors"));
      document.getElementById(fid(Object.keys(problems)[0]!))?.focus();
      return;
    }
    // NaN is not JSON: it goes as null and the API names the field.
    await send<Pick<Round, "id">>("/api/admin/rounds", { method: "POST", body: body() }, {
      done: (round) => {
        setStatus(t("created"));
        window.location.assign(roundHref.replace("__ID__", round.id));
      },
      refused: (error) => {
        const shown: Record<string, string> = {};
        const other: string[] = [];
        for (const [path, message] of Object.entries(error.fields ?? {})) {
          const key = path.startsWith("scope") ? "scope" : path;
          if (document.getElementById(fid(key))) shown[key] ??= message;
          else other.push(message);
        }
        refuse(shown, [error.message, ...other].join(" "));
        const first = Object.keys(shown)[0];
        if (first) document.getElementById(fid(first))?.focus();
      },
    });
  };

  const input = (path: string, label: string, value: string, set: (v: string) => void, extra: { type?: string; hint?: string; inputMode?: "numeric"; className?: string } = {}) => {
    const id = fid(path);
    const error = errors[path];
    return (
      <div className={extra.className}>
        <label htmlFor={id} className="block font-semibold">
          {label}
        </label>
        {extra.hint && (
          <p id={`${id}-hint`} className="text-sm text-stone-600">
            {extra.hint}
          </p>
        )}
        <input
          id={id}
          type={extra.type ?? "text"}
          inputMode={extra.inputMode}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={[extra.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
          onChange={(e) => {
            set(e.target.value);
            clearError(path);
          }}
          className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${error ? "border-red-700" : "border-stone-400"}`}
        />
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
            {error}
          </p>
        )}
      </div>
    );
  };

  const setCriterion = (i: number, change: Partial<CriterionDraft>) => setRubric((all) => all.map((c, j) => (j === i ? { ...c, ...change } : c)));

  return (
    <form
      noValidate
      aria-labelledby="new-round-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="space-y-5 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <h2 id="new-round-heading" className="text-xl font-bold">
        {t("newRound")}
      </h2>
      <fieldset disabled={!hydrated || busy} className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          {input("name.vi", t("nameVi"), nameVi, setNameVi)}
          {input("name.en", t("nameEn"), nameEn, setNameEn)}
        </div>

        <fieldset id={fid("scope")} tabIndex={-1} aria-describedby={errors.scope ? `${fid("scope")}-error` : undefined}>
          <legend className="font-semibold">{t("scope")}</legend>
          <div className="mt-1 space-y-1">
            {(["eligible", "top", "percent"] as const).map((kind) => (
              <label key={kind} className="flex items-center gap-2">
                <input type="radio" name="round-scope" className="h-4 w-4" checked={scope === kind} onChange={() => setScope(kind)} />
                {kind === "eligible" ? t("scopeEligible") : kind === "top" ? t("scopeTop") : t("scopePercent")}
              </label>
            ))}
          </div>
          {scope !== "eligible" && (
            <div className="mt-2 max-w-xs">
              <label htmlFor="round-cut" className="block text-sm font-semibold">
                {scope === "top" ? t("scopeTopValue") : t("scopePercentValue")}
              </label>
              <input id="round-cut" type="text" inputMode="numeric" value={cut} onChange={(e) => setCut(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 px-3 py-2 text-base" />
            </div>
          )}
          {firstRound && <p className="mt-1 text-sm text-stone-600">{t("scopeFirstRound")}</p>}
          {errors.scope && (
            <p id={`${fid("scope")}-error`} className="mt-1 text-sm font-semibold text-red-800">
              {errors.scope}
            </p>
          )}
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          {input("jurorsPerEntry", t("jurorsPerEntry"), perEntry, setPerEntry, { inputMode: "numeric" })}
          {input("disagreementThreshold", t("threshold"), threshold, setThreshold, { inputMode: "numeric", hint: t("thresholdHint") })}
          {input("opensAt", t("opensAt"), opensAt, setOpensAt, { type: "datetime-local", hint: t("dateHint") })}
          {input("closesAt", t("closesAt"), closesAt, setClosesAt, { type: "datetime-local", hint: t("dateHint") })}
        </div>

        <div>
          <label className="flex items-center gap-2 font-semibold">
            <input type="checkbox" className="h-4 w-4" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
            {t("blind")}
          </label>
          <p className="text-sm text-stone-600">{t("blindHint")}</p>
        </div>

        <fieldset id={fid("rubric")} tabIndex={-1} aria-describedby={errors.rubric ? `${fid("rubric")}-error` : undefined}>
          <legend className="font-semibold">{t("rubric")}</legend>
          <p className="text-sm text-stone-600">{t("rubricHint")}</p>
          <ol className="mt-2 space-y-3">
            {rubric.map((c, i) => (
              <li key={i} className="rounded-md border border-stone-200 p-3">
                <fieldset>
                  <legend className="text-sm font-semibold">{t("criterionN", { n: i + 1 })}</legend>
                  <div className="mt-1 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
                    {input(`rubric.${i}.key`, t("criterionKey"), c.key, (v) => setCriterion(i, { key: v }))}
                    {input(`rubric.${i}.name.vi`, t("nameVi"), c.nameVi, (v) => setCriterion(i, { nameVi: v }), { className: "lg:col-span-2" })}
                    {input(`rubric.${i}.name.en`, t("nameEn"), c.nameEn, (v) => setCriterion(i, { nameEn: v }), { className: "lg:col-span-2" })}
                    {input(`rubric.${i}.maxPoints`, t("maxPoints"), c.maxPoints, (v) => setCriterion(i, { maxPoints: v }), { inputMode: "numeric" })}
                    {input(`rubric.${i}.weight`, t("weight"), c.weight, (v) => setCriterion(i, { weight: v }), { inputMode: "numeric" })}
                  </div>
                  {rubric.length > 1 && (
                    <button type="button" onClick={() => setRubric((all) => all.filter((_, j) => j !== i))} className="mt-2 text-sm font-semibold text-red-800 underline">
                      {t("removeCriterion", { n: i + 1 })}
                    </button>
                  )}
                </fieldset>
              </li>
            ))}
          </ol>
          {errors.rubric && (
            <p id={`${fid("rubric")}-error`} className="mt-1 text-sm font-semibold text-red-800">
              {errors.rubric}
            </p>
          )}
          <button type="button" onClick={() => setRubric((all) => [...all, { key: "", nameVi: "", nameEn: "", maxPoints: "10", weight: "1" }])} className="mt-2 rounded-md border border-stone-400 px-3 py-1 text-sm font-semibold hover:bg-stone-100">
            {t("addCriterion")}
          </button>
        </fieldset>

        {alert && <ErrorAlert className="p-3">{alert}</ErrorAlert>}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("create")}
        </button>
        <p role="status" className="text-sm text-green-900">
          {status}
        </p>
      </fieldset>
    </form>
  );
}
