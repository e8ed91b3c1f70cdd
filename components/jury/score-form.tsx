"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, fill, useHydrated, type Strings } from "@/components/portal/format";

export type RubricItem = { key: string; name: string; maxPoints: number; weight: number };
type Sheet = { values: Record<string, number>; comment: string; status: "draft" | "submitted"; editable: boolean };
type Props = { locale: string; t: Strings; entryId: string; rubric: RubricItem[]; maxTotal: number; initial: Sheet };
type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "retry" } | { kind: "error"; message: string };

const AUTOSAVE_MS = 700;
const RETRY_MS = 5000;
const fieldId = (key: string) => `score-${key}`;

/** A typed value as a score, or null when empty; NaN when it is not an allowed score. */
function parseScore(raw: string, max: number): number | null {
  const text = raw.trim().replace(",", ".");
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= max && Number.isInteger(value * 2) ? value : NaN;
}

/**
 * The rubric form: one number per criterion (whole or half points) and a comment. Every change
 * is sent as a draft after a short pause (PUT /api/jury/scores/{entryId}); a value that is not
 * an allowed score is flagged here and left out of the draft. Submitting sends every criterion
 * with submit: true, and the server locks the sheet.
 */
export function ScoreForm({ locale, t, entryId, rubric, maxTotal, initial }: Props) {
  const [raw, setRaw] = useState<Record<string, string>>(() => Object.fromEntries(rubric.map((c) => [c.key, initial.values[c.key] === undefined ? "" : String(initial.values[c.key])])));
  const [comment, setComment] = useState(initial.comment);
  const [status, setStatus] = useState(initial.status);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const state = useRef({ raw, comment });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);
  const retry = useRef<() => void>(() => undefined);
  const editable = initial.editable && status !== "submitted";

  const localErrors = useCallback(
    (values: Record<string, string>) => {
      const out: Record<string, string> = {};
      for (const c of rubric) if (Number.isNaN(parseScore(values[c.key] ?? "", c.maxPoints))) out[`values.${c.key}`] = fill(t.invalidValue, { max: c.maxPoints });
      return out;
    },
    [rubric, t.invalidValue],
  );

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

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    const run = (async () => {
      dirty.current = false;
      setSave({ kind: "saving" });
      const res = await api(`/api/jury/scores/${entryId}`, { locale, method: "PUT", body: JSON.stringify({ values: valid(state.current.raw), comment: state.current.comment }) });
      if (res.ok) {
        setSave({ kind: "saved", at: new Date() });
        return true;
      }
      if (res.status === 0 || res.status >= 500) {
        dirty.current = true;
        setSave({ kind: "retry" });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => retry.current(), RETRY_MS);
      } else {
        setErrors((e) => ({ ...e, ...(res.error.fields ?? {}) }));
        setSave({ kind: "error", message: res.error.message });
      }
      return false;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [entryId, locale, valid]);

  useEffect(() => {
    retry.current = () => void saveNow();
  }, [saveNow]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: { raw?: Record<string, string>; comment?: string }) => {
    state.current = { raw: next.raw ?? state.current.raw, comment: next.comment ?? state.current.comment };
    if (next.raw) {
      setRaw(next.raw);
      setErrors(localErrors(next.raw));
    }
    if (next.comment !== undefined) setComment(next.comment);
    setAlert("");
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  };

  const submit = async () => {
    const problems = localErrors(state.current.raw);
    for (const c of rubric) if ((state.current.raw[c.key] ?? "").trim() === "") problems[`values.${c.key}`] = fill(t.invalidValue, { max: c.maxPoints });
    if (Object.keys(problems).length) {
      setErrors(problems);
      setAlert(t.errorSummary!);
      document.getElementById(fieldId(Object.keys(problems)[0]!.slice("values.".length)))?.focus();
      return;
    }
    if (!window.confirm(t.submitConfirm)) return;
    clearTimeout(timer.current);
    setBusy(true);
    if (inFlight.current) await inFlight.current;
    const res = await api(`/api/jury/scores/${entryId}`, { locale, method: "PUT", body: JSON.stringify({ values: valid(state.current.raw), comment: state.current.comment, submit: true }) });
    setBusy(false);
    if (res.ok) {
      dirty.current = false;
      setStatus("submitted");
      setErrors({});
      setAlert("");
      return;
    }
    setErrors(res.error.fields ?? {});
    setAlert(res.status === 0 ? t.networkError! : res.error.message);
  };

  const total = rubric.reduce((sum, c) => sum + c.weight * (valid(raw)[c.key] ?? 0), 0);
  const saveText =
    save.kind === "saving"
      ? t.saving
      : save.kind === "saved"
        ? fill(t.saved, { time: save.at.toLocaleTimeString(locale === "vi" ? "vi-VN" : "en-GB") })
        : save.kind === "retry"
          ? t.saveRetry
          : save.kind === "error"
            ? fill(t.saveFailed, { message: save.message })
            : t.saveIdle;

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-5" aria-labelledby="rubric-title">
      <h2 id="rubric-title" className="text-2xl font-bold">
        {t.rubric}
      </h2>
      {status === "submitted" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t.submitted}
        </p>
      )}
      {status !== "submitted" && !initial.editable && <p className="rounded-md border border-stone-300 bg-stone-100 p-3">{t.locked}</p>}
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
                {fill(t.criterion, { name: c.name, max: c.maxPoints })}
              </label>
              <p id={`${id}-hint`} className="text-sm text-stone-600">
                {fill(t.criterionHint, { max: c.maxPoints })}
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
                onChange={(e) => change({ raw: { ...state.current.raw, [c.key]: e.target.value } })}
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
            {t.comment}
          </label>
          <textarea id="score-comment" rows={4} value={comment} onChange={(e) => change({ comment: e.target.value })} className="mt-1 w-full rounded-md border border-stone-400 px-3 py-2 text-base" />
        </div>
      </fieldset>
      <p data-testid="score-total" className="text-lg font-bold">
        {fill(t.total, { total: String(total).replace(".", locale === "vi" ? "," : "."), max: maxTotal })}
      </p>
      {editable && (
        <>
          <p data-testid="save-state" aria-live="polite" className="text-sm text-stone-700">
            {saveText}
          </p>
          <p className="text-sm text-stone-700">{t.submitNote}</p>
          <button type="button" disabled={!hydrated || busy} onClick={() => void submit()} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {busy ? t.submitting : t.submit}
          </button>
        </>
      )}
    </form>
  );
}
