"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { api, useHydrated } from "@/components/portal/format";
import { useAutosave, useAutosaveText } from "@/components/use-autosave";
import { RestoredNotice } from "@/components/restored-notice";
import type { JurorScore } from "@/lib/db/queries/scores";
import { formatScore, levelFor, parseScoreText } from "@/lib/contest/scoring";
import { SCORE_FIELDS_ID } from "./sheet-ids";

export type RubricItem = { key: string; name: string; maxPoints: number; weight: number; levels: { min: number; max: number; text: string }[] };
type Sheet = Pick<JurorScore, "values" | "comment" | "status" | "editable" | "updatedAt">;
type Props = {
  locale: "vi" | "en";
  userId: string;
  roundId: string;
  entryId: string;
  rubric: RubricItem[];
  maxTotal: number;
  initial: Sheet;
  /** Shown once the sheet is locked (after submitting too): the way on to the next entry. */
  next?: ReactNode;
};
type Typed = { raw: Record<string, string>; comment: string };

const fieldId = (key: string) => `score-${key}`;
const COMMENT_ID = "score-comment";

/** A typed value as a score ("2,5" or "2.5"), or null when empty; NaN when it is not an allowed score. */
function parseScore(raw: string, max: number): number | null {
  const value = parseScoreText(raw);
  if (value === null) return null;
  return Number.isFinite(value) && value >= 0 && value <= max && Number.isInteger(value * 2) ? value : NaN;
}

/**
 * The rubric form: one number per criterion (whole or half points) and a comment. What is typed
 * is kept on this device at once (per juror, round and entry) and sent as a draft after a short
 * pause (PUT /api/jury/scores/{entryId}), so a lost connection or a closed tab keeps the sheet;
 * a value that is not an allowed score is flagged here and left out of the draft. Submitting
 * sends every criterion with submit: true, and the server locks the sheet.
 */
export function ScoreForm({ locale, userId, roundId, entryId, rubric, maxTotal, initial, next }: Props) {
  const t = useTranslations("JuryForm");
  const [status, setStatus] = useState(initial.status);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [submitErrors, setSubmitErrors] = useState<Record<string, string> | null>(null);
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);
  // Submitting asks once more, on the page: a browser dialog would cover the work being judged.
  const [confirming, setConfirming] = useState(false);
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
    // Saved scores are shown as the locale writes them ("20,5"); either mark is read back.
    initial: { raw: Object.fromEntries(rubric.map((c) => [c.key, initial.values[c.key] === undefined ? "" : formatScore(initial.values[c.key]!, locale)])), comment: initial.comment },
    serverVersion: initial.updatedAt,
    enabled: editable,
    send: (typed) => api<JurorScore>(`/api/jury/scores/${entryId}`, { locale, method: "PUT", body: JSON.stringify({ values: valid(typed.raw), comment: typed.comment }) }),
    versionOf: (saved) => saved.updatedAt,
    onSaved: () => setServerErrors({}),
    onFieldErrors: setServerErrors,
  });
  const { raw, comment } = autosave.value;
  // The score fields take input from the first paint (the page enables them before React is here),
  // and what was typed then lives only in the DOM. Read at hydration, before React's next render
  // puts the controlled values back; put into the sheet after the autosave has restored any copy
  // from an earlier visit, over that copy, so neither is lost.
  const typedEarly = useRef<Record<string, string> | null>(null);
  useLayoutEffect(() => {
    if (typedEarly.current !== null || !editable) return;
    typedEarly.current = {};
    for (const c of rubric) {
      const value = (document.getElementById(fieldId(c.key)) as HTMLInputElement | null)?.value;
      if (value !== undefined && value !== (raw[c.key] ?? "")) typedEarly.current[c.key] = value;
    }
  });
  useEffect(() => {
    const early = typedEarly.current;
    if (!early || Object.keys(early).length === 0) return;
    typedEarly.current = {};
    autosave.update((current) => ({ ...current, raw: { ...current.raw, ...early } }));
  });
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
    setConfirming(false);
  };

  const askToSubmit = () => {
    const problems = localErrors(raw, true);
    if (Object.keys(problems).length) {
      setSubmitErrors(problems);
      setAlert(t("errorSummary"));
      document.getElementById(fieldId(Object.keys(problems)[0]!.slice("values.".length)))?.focus();
      return;
    }
    setConfirming(true);
  };

  const submit = async () => {
    setConfirming(false);
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
  const locked = status === "submitted" || !initial.editable;
  return (
    // Leaving a field sends what is pending at once rather than after the pause.
    <form onSubmit={(e) => e.preventDefault()} onBlur={() => void autosave.flush()} noValidate className="space-y-5" aria-labelledby="rubric-title" data-locked={locked ? "true" : undefined}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="rubric-title" className="text-2xl font-bold">
          {t("rubric")}
        </h2>
        {locked && (
          <span data-testid="sheet-locked" className="inline-flex items-center gap-1 rounded bg-stone-200 px-2 py-0.5 text-sm font-semibold text-stone-800">
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
              <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
            </svg>
            {t("lockedBadge")}
          </span>
        )}
      </div>
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
      {/* Enabled before hydration by the page's inline script (enable-score-fields.tsx): the attribute differs from the server's HTML by design. */}
      <fieldset id={SCORE_FIELDS_ID} disabled={!editable || !hydrated || busy} suppressHydrationWarning className="space-y-5">
        {rubric.map((c) => {
          const id = fieldId(c.key);
          const error = errors[`values.${c.key}`];
          const current = levelFor(c.levels, parseScore(raw[c.key] ?? "", c.maxPoints));
          return (
            <div key={c.key} data-testid="criterion">
              <label htmlFor={id} className="block font-semibold">
                {t("criterion", { name: c.name, max: c.maxPoints })}
              </label>
              {!locked && (
                <p id={`${id}-hint`} className="text-sm text-stone-600">
                  {t("criterionHint", { max: c.maxPoints, example: formatScore(2.5, locale) })}
                </p>
              )}
              <div className="mt-1 flex items-baseline gap-2">
                <input
                  id={id}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={raw[c.key] ?? ""}
                  readOnly={locked}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={[locked ? "" : `${id}-hint`, error ? `${id}-error` : "", current ? `${id}-level` : ""].filter(Boolean).join(" ") || undefined}
                  onChange={(e) => {
                    const typed = e.target.value;
                    change((current) => ({ ...current, raw: { ...current.raw, [c.key]: typed } }));
                  }}
                  className={
                    locked
                      ? "w-20 border-0 bg-transparent px-0 py-1 text-xl font-bold text-stone-900 disabled:text-stone-900 disabled:opacity-100"
                      : `w-24 rounded-md border px-3 py-2 text-base ${error ? "border-red-700" : "border-stone-400"}`
                  }
                />
                <span className="text-stone-600">/ {c.maxPoints}</span>
              </div>
              {error && (
                <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
                  {error}
                </p>
              )}
              {c.levels.length > 0 && (
                <ul className="mt-2 space-y-1 text-sm">
                  {c.levels.map((level) => {
                    const on = current === level;
                    return (
                      <li
                        key={`${level.min}-${level.max}`}
                        id={on ? `${id}-level` : undefined}
                        data-current={on ? "true" : undefined}
                        className={`flex gap-2 rounded px-2 py-1 ${on ? "bg-brand-50 font-semibold text-brand-800 ring-1 ring-brand-600/40" : "text-stone-700"}`}
                      >
                        <span className="w-20 shrink-0 tabular-nums">
                          {formatScore(level.min, locale)}–{formatScore(level.max, locale)}
                        </span>
                        <span>{level.text}</span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
        <div>
          {locked ? (
            <>
              <p className="font-semibold">{t("comment")}</p>
              <p data-testid="score-comment" className="mt-1 whitespace-pre-line text-stone-800">
                {comment || t("noComment")}
              </p>
            </>
          ) : (
            // The comment waits for React: hydrating a textarea puts the server's text back over what was typed.
            <fieldset disabled={!hydrated}>
              <label htmlFor={COMMENT_ID} className="block font-semibold">
                {t("comment")}
              </label>
              <textarea
                id={COMMENT_ID}
                rows={4}
                value={comment}
                onChange={(e) => {
                  const typed = e.target.value;
                  change((current) => ({ ...current, comment: typed }));
                }}
                className="mt-1 w-full rounded-md border border-stone-400 px-3 py-2 text-base"
              />
            </fieldset>
          )}
        </div>
      </fieldset>
      <p data-testid="score-total" className="text-lg font-bold">
        {t("total", { total: formatScore(total, locale), max: formatScore(maxTotal, locale) })}
      </p>
      {editable && (
        <>
          <p data-testid="save-state" aria-live="polite" className="text-sm text-stone-700">
            {saveText}
          </p>
          <p className="text-sm text-stone-700">{t("submitNote")}</p>
          {confirming ? (
            <div role="group" aria-labelledby="submit-confirm" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
              <p id="submit-confirm" className="font-semibold text-stone-900">
                {t("submitConfirm", { total: formatScore(total, locale), max: formatScore(maxTotal, locale) })}
              </p>
              <div className="flex flex-wrap gap-3">
                {/* The question just asked is where the juror's attention goes. */}
                <button type="button" autoFocus onClick={() => void submit()} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
                  {t("submitConfirmYes")}
                </button>
                <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-stone-400 bg-white px-5 py-3 font-semibold text-stone-800 hover:bg-stone-100">
                  {t("submitConfirmNo")}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" data-testid="submit-sheet" disabled={!hydrated || busy} onClick={askToSubmit} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {busy ? t("submitting") : t("submit")}
            </button>
          )}
        </>
      )}
      {locked && next}
    </form>
  );
}
