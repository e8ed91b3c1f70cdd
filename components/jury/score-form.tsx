"use client";
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { api, useHydrated } from "@/components/portal/format";
import { useAutosave, useAutosaveText } from "@/components/use-autosave";
import { RestoredNotice } from "@/components/restored-notice";
import type { JurorScore } from "@/lib/db/queries/scores";
import { formatNumber } from "@/lib/i18n/format";

export type RubricItem = { key: string; name: string; maxPoints: number; weight: number };
type Sheet = Pick<JurorScore, "values" | "comment" | "status" | "editable" | "updatedAt">;
type Props = { locale: string; userId: string; roundId: string; entryId: string; rubric: RubricItem[]; maxTotal: number; initial: Sheet };
type Typed = { raw: Record<string, string>; comment: string };

const fieldId = (key: string) => `score-${key}`;

/** A typed value as a score, or null when empty; NaN when it is not an allowed score. */
function parseScore(raw: string, max: number): number | null {
  const text = raw.trim().replace(",", ".");
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= max && Number.isInteger(value * 2) ? value : NaN;
}

/**
 * The rubric form: one number per criterion (whole or half points) and a comment. What is typed
 * is kept on this device at once (per juror, round and entry) and sent as a draft after a short
 * pause (PUT /api/jury/scores/{entryId}), so a lost connection or a closed tab keeps the sheet;
 * a value that is not an allowed score is flagged here and left out of the draft. Submitting
 * sends every criterion with submit: true, and the server locks the sheet.
 */
export function ScoreForm({ locale, userId, roundId, entryId, rubric, maxTotal, initial }: Props) {
  const t = useTranslations("JuryForm");
  const [status, setStatus] = useState(initial.status);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [submitErrors, setSubmitErrors] = useState<Record<string, string> | null>(null);
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const editable = initial.editable && status !== "submitted";

  const valid = useCallback(
    (values: Record<string, string>) => {
      const out: Record<string, number> = {};
      for (const c of rubric) {
        const v = parseScore(values[c.key] ?? "", c.maxPoints);
        if (v !== null && !Number.isNaN(v)) out[c.key] = v;
      }
      return out;
    },
    [rubric],
  );

  const autosave = useAutosave<Typed, JurorScore>({
    storageKey: () => `lantoa:autosave:${userId}:score:${roundId}:${entryId}`,
    initial: { raw: Object.fromEntries(rubric.map((c) => [c.key, initial.values[c.key] === undefined ? "" : String(initial.values[c.key])])), comment: initial.comment },
    serverVersion: initial.updatedAt,
    enabled: editable,
    send: (typed) => api<JurorScore>(`/api/jury/scores/${entryId}`, { locale, method: "PUT", body: JSON.stringify({ values: valid(typed.raw), comment: typed.comment }) }),
    versionOf: (saved) => saved.updatedAt,
    onSaved: () => setServerErrors({}),
    onFieldErrors: setServerErrors,
  });
  const { raw, comment } = autosave.value;
  const saveText = useAutosaveText(autosave.status, "JuryForm", locale);

  const localErrors = (values: Record<string, string>, requireAll: boolean) => {
    const out: Record<string, string> = {};
    for (const c of rubric) {
      const text = values[c.key] ?? "";
      if (Number.isNaN(parseScore(text, c.maxPoints)) || (requireAll && text.trim() === "")) out[`values.${c.key}`] = t("invalidValue", { max: c.maxPoints });
    }
    return out;
  };
  // What is typed now is checked as it is typed; the server's and the refused submit's findings stay until the next change or save.
  const errors = { ...serverErrors, ...(submitErrors ?? {}), ...localErrors(raw, false) };

  const change = (next: (current: Typed) => Typed) => {
    autosave.update(next);
    setServerErrors({});
    setSubmitErrors(null);
    setAlert("");
  };

  const submit = async () => {
    const problems = localErrors(raw, true);
    if (Object.keys(problems).length) {
      setSubmitErrors(problems);
      setAlert(t("errorSummary"));
      document.getElementById(fieldId(Object.keys(problems)[0]!.slice("values.".length)))?.focus();
      return;
    }
    if (!window.confirm(t("submitConfirm"))) return;
    setBusy(true);
    // The draft goes first, so a submit never races an autosave of older values.
    await autosave.flush();
    const res = await api<JurorScore>(`/api/jury/scores/${entryId}`, { locale, method: "PUT", body: JSON.stringify({ values: valid(raw), comment, submit: true }) });
    setBusy(false);
    if (res.ok) {
      autosave.markSaved();
      setStatus("submitted");
      setServerErrors({});
      setAlert("");
      return;
    }
    setServerErrors(res.error.fields ?? {});
    setAlert(res.status === 0 ? t("networkError") : res.error.message);
  };

  const total = rubric.reduce((sum, c) => sum + c.weight * (valid(raw)[c.key] ?? 0), 0);
  return (
    // Leaving a field sends what is pending at once rather than after the pause.
    <form onSubmit={(e) => e.preventDefault()} onBlur={() => void autosave.flush()} noValidate className="space-y-5" aria-labelledby="rubric-title">
      <h2 id="rubric-title" className="text-2xl font-bold">
        {t("rubric")}
      </h2>
      {status === "submitted" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("submitted")}
        </p>
      )}
      {status !== "submitted" && !initial.editable && <p className="rounded-md border border-stone-300 bg-stone-100 p-3">{t("locked")}</p>}
      {editable && autosave.restored && <RestoredNotice at={autosave.restored} locale={locale} namespace="JuryForm" onDiscard={autosave.discardRestored} />}
      {alert && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {alert}
        </p>
      )}
      <fieldset disabled={!editable || !hydrated || busy} className="space-y-4">
        {rubric.map((c) => {
          const id = fieldId(c.key);
          const error = errors[`values.${c.key}`];
          return (
            <div key={c.key}>
              <label htmlFor={id} className="block font-semibold">
                {t("criterion", { name: c.name, max: c.maxPoints })}
              </label>
              <p id={`${id}-hint`} className="text-sm text-stone-600">
                {t("criterionHint", { max: c.maxPoints })}
              </p>
              <input
                id={id}
                type="number"
                inputMode="decimal"
                min={0}
                max={c.maxPoints}
                step={0.5}
                value={raw[c.key] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
                onChange={(e) => {
                  const typed = e.target.value;
                  change((current) => ({ ...current, raw: { ...current.raw, [c.key]: typed } }));
                }}
                className={`mt-1 w-32 rounded-md border px-3 py-2 text-base ${error ? "border-red-700" : "border-stone-400"}`}
              />
              {error && (
                <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div>
          <label htmlFor="score-comment" className="block font-semibold">
            {t("comment")}
          </label>
          <textarea id="score-comment" rows={4} value={comment} onChange={(e) => {
              const typed = e.target.value;
              change((current) => ({ ...current, comment: typed }));
            }} className="mt-1 w-full rounded-md border border-stone-400 px-3 py-2 text-base" />
        </div>
      </fieldset>
      <p data-testid="score-total" className="text-lg font-bold">
        {t("total", { total: formatNumber(total, locale), max: maxTotal })}
      </p>
      {editable && (
        <>
          <p data-testid="save-state" aria-live="polite" className="text-sm text-stone-700">
            {saveText}
          </p>
          <p className="text-sm text-stone-700">{t("submitNote")}</p>
          <button type="button" disabled={!hydrated || busy} onClick={() => void submit()} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {busy ? t("submitting") : t("submit")}
          </button>
        </>
      )}
    </form>
  );
}
