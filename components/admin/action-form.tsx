"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/portal/format";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Option = { value: string; label: string };
export type FieldSpec =
  | { name: string; label: string; kind: "text" | "textarea"; hint?: string; maxLength?: number; initial?: string }
  | { name: string; label: string; kind: "select"; options: Option[]; initial?: string; /** "" is sent as null (e.g. "no prize"). */ emptyAsNull?: boolean }
  | { name: string; label: string; kind: "checkboxes"; options: Option[]; /** Nothing ticked: leave the field out of the body. */ omitIfEmpty?: boolean };

type Props = {
  locale: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  submitLabel: string;
  /** Announced once the change is made. */
  done: string;
  fields?: FieldSpec[];
  /** Fixed part of the body. */
  body?: Record<string, unknown>;
  /** Asked before sending (irreversible or visible to others). */
  confirm?: string;
  tone?: "primary" | "secondary" | "danger";
  inline?: boolean;
  /** A label for the group when the form has no visible heading of its own. */
  legend?: string;
  /** Empty the text controls once done (reasons are given per change); choices stay as sent. */
  resetOnDone?: boolean;
};

const tones = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 border-brand-700",
  secondary: "bg-white text-stone-900 hover:bg-stone-100 border-stone-400",
  danger: "bg-white text-red-800 hover:bg-red-50 border-red-800",
};

/**
 * One change through the API: a few labelled controls and a button. The body is the fixed part
 * plus the controls (empty text left out, so the API names what is missing); the API's
 * message is shown next to the control it concerns, the outcome in a live region, and the
 * server-rendered page is refreshed so every count on it follows.
 */
export function ActionForm({ locale, method, url, submitLabel, done, fields = [], body = {}, confirm, tone = "secondary", inline = false, legend, resetOnDone = false }: Props) {
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, f.kind === "checkboxes" ? [] : (f.initial ?? "")])) as Record<string, string | string[]>;
  const [values, setValues] = useState(initial);
  const { busy, errors, alert, status, setStatus, refuse, clearError, send: request } = useAdminForm(locale);

  const send = async () => {
    if (confirm && !window.confirm(confirm)) return;
    const payload: Record<string, unknown> = { ...body };
    for (const f of fields) {
      const v = values[f.name];
      if (f.kind === "checkboxes") {
        if (!(f.omitIfEmpty && Array.isArray(v) && v.length === 0)) payload[f.name] = v;
      } else if (f.kind === "select") {
        payload[f.name] = v === "" && f.emptyAsNull ? null : v;
      } else if (typeof v === "string" && v.trim() !== "") {
        payload[f.name] = v.trim();
      }
    }
    const hasBody = method !== "DELETE" || Object.keys(payload).length > 0;
    await request(url, { method, body: hasBody ? payload : undefined }, {
      done: () => {
        setStatus(done);
        if (resetOnDone) setValues((all) => ({ ...all, ...Object.fromEntries(fields.filter((f) => f.kind === "text" || f.kind === "textarea").map((f) => [f.name, ""])) }));
        router.refresh();
      },
      refused: (error) => {
        const fieldErrors: Record<string, string> = {};
        const other: string[] = [];
        for (const [path, message] of Object.entries(error.fields ?? {})) {
          const owner = fields.find((f) => path === f.name || path.startsWith(`${f.name}.`));
          if (owner) fieldErrors[owner.name] ??= message;
          else other.push(message);
        }
        refuse(fieldErrors, [error.message, ...other].filter(Boolean).join(" "));
        const first = fields.find((f) => fieldErrors[f.name]);
        if (first) document.getElementById(`${id}-${first.name}`)?.focus();
      },
    });
  };

  const control = (f: FieldSpec) => {
    const fid = `${id}-${f.name}`;
    const error = errors[f.name];
    const describedBy = [f.kind !== "checkboxes" && f.kind !== "select" && f.hint ? `${fid}-hint` : "", error ? `${fid}-error` : ""].filter(Boolean).join(" ") || undefined;
    const border = error ? "border-red-700" : "border-stone-400";
    const set = (v: string | string[]) => {
      setValues((all) => ({ ...all, [f.name]: v }));
      clearError(f.name);
    };
    if (f.kind === "checkboxes") {
      const chosen = (values[f.name] as string[]) ?? [];
      return (
        <fieldset key={f.name} id={fid} tabIndex={-1} aria-describedby={describedBy} className="min-w-0">
          <legend className="font-semibold">{f.label}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {f.options.map((o) => (
              <label key={o.value} className="inline-flex items-center gap-2">
                <input type="checkbox" className="h-4 w-4" checked={chosen.includes(o.value)} onChange={(e) => set(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))} />
                {o.label}
              </label>
            ))}
          </div>
          {error && (
            <p id={`${fid}-error`} className="mt-1 text-sm font-semibold text-red-800">
              {error}
            </p>
          )}
        </fieldset>
      );
    }
    return (
      <div key={f.name} className={inline ? "min-w-0 flex-1" : ""}>
        <label htmlFor={fid} className="block text-sm font-semibold">
          {f.label}
        </label>
        {f.kind !== "select" && f.hint && (
          <p id={`${fid}-hint`} className="text-sm text-stone-600">
            {f.hint}
          </p>
        )}
        {f.kind === "select" ? (
          <select id={fid} value={values[f.name] as string} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => set(e.target.value)} className={`mt-1 w-full rounded-md border bg-white px-3 py-2 text-base ${border}`}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : f.kind === "textarea" ? (
          <textarea id={fid} rows={2} maxLength={f.maxLength ?? 1000} value={values[f.name] as string} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => set(e.target.value)} className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${border}`} />
        ) : (
          <input id={fid} type="text" maxLength={f.maxLength ?? 1000} value={values[f.name] as string} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => set(e.target.value)} className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${border}`} />
        )}
        {error && (
          <p id={`${fid}-error`} className="mt-1 text-sm font-semibold text-red-800">
            {error}
          </p>
        )}
      </div>
    );
  };

  const content = (
    <>
      <div className={inline ? "flex flex-wrap items-end gap-3" : "space-y-3"}>
        {fields.map(control)}
        <button type="submit" disabled={!hydrated || busy} className={`rounded-md border px-4 py-2 font-semibold disabled:opacity-60 ${tones[tone]}`}>
          {submitLabel}
        </button>
      </div>
      {alert && <ErrorAlert className="mt-2 p-2 text-sm">{alert}</ErrorAlert>}
      <p role="status" className="mt-1 text-sm text-green-900">
        {status}
      </p>
    </>
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {legend ? (
        <fieldset className="min-w-0">
          <legend className="sr-only">{legend}</legend>
          {content}
        </fieldset>
      ) : (
        content
      )}
    </form>
  );
}
