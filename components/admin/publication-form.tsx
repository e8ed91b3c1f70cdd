"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = { locale: string; year: number; previewPath: string };

/**
 * Publication: the committee's decision number and date, a link to the preview of the results
 * page with that decision on it, and the button. The API refuses (409 notReady) until every
 * round is closed and every prize decided with its citation; its list of what is missing is
 * shown as it comes, item by item.
 */
export function PublicationForm({ locale, year, previewPath }: Props) {
  const t = useTranslations("Admin.Publication");
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [missing, setMissing] = useState<string[]>([]);
  const { busy, errors, alert, status, setStatus, refuse, send } = useAdminForm(locale);
  const query = new URLSearchParams({ ...(number.trim() ? { decisionNumber: number.trim() } : {}), ...(date ? { decisionDate: date } : {}) }).toString();

  const publish = async () => {
    if (!window.confirm(t("confirm", { year }))) return;
    setMissing([]);
    await send("/api/admin/publication", { method: "POST", body: { confirm: true, decisionNumber: number.trim(), decisionDate: date } }, {
      done: () => {
        setStatus(t("done"));
        router.refresh();
      },
      refused: (error) => {
        refuse(error.fields ?? {}, error.message);
        setMissing((error.missing ?? []).map((m) => m.message));
        const first = ["decisionNumber", "decisionDate"].find((f) => error.fields?.[f]);
        if (first) document.getElementById(`${id}-${first}`)?.focus();
      },
    });
  };

  const field = (name: "decisionNumber" | "decisionDate", label: string, hint: string, value: string, set: (v: string) => void) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <p id={`${id}-${name}-hint`} className="text-sm text-stone-600">
        {hint}
      </p>
      <input
        id={`${id}-${name}`}
        type={name === "decisionDate" ? "date" : "text"}
        maxLength={100}
        value={value}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${id}-${name}-hint${errors[name] ? ` ${id}-${name}-error` : ""}`}
        onChange={(e) => set(e.target.value)}
        className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${errors[name] ? "border-red-700" : "border-stone-400"}`}
      />
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form
      noValidate
      aria-label={t("label")}
      onSubmit={(e) => {
        e.preventDefault();
        void publish();
      }}
      className="max-w-xl space-y-3"
    >
      {field("decisionNumber", t("number"), t("numberHint"), number, setNumber)}
      {field("decisionDate", t("date"), t("dateHint"), date, setDate)}
      <div className="flex flex-wrap items-center gap-3">
        <a href={query ? `${previewPath}?${query}` : previewPath} className="rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold text-stone-900 hover:bg-stone-100">
          {t("preview")}
        </a>
        <button type="submit" disabled={!hydrated || busy} className="rounded-md border border-red-800 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60">
          {t("publish")}
        </button>
      </div>
      {alert && (
        <ErrorAlert className="mt-2 p-3 text-sm">
          <span className="block font-semibold">{alert}</span>
          {missing.length > 0 && (
            <span className="mt-1 block" data-testid="publication-refused">
              {missing.map((m, i) => (
                <span key={i} className="block">
                  – {m}
                </span>
              ))}
            </span>
          )}
        </ErrorAlert>
      )}
      <p role="status" className="mt-1 text-sm text-green-900">
        {status}
      </p>
    </form>
  );
}
