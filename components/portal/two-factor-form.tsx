"use client";
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { TwoFactorEnabled, TwoFactorSetup } from "@/lib/auth/enrolment";
import { Field } from "./field";
import { api, useHydrated } from "./format";

type Props = { locale: string; enabled: boolean; recoveryCodesLeft: number; next: string };
type Step = { kind: "off" } | { kind: "setup"; setup: TwoFactorSetup } | { kind: "codes"; codes: string[] } | { kind: "on" };

/** POST, PUT and DELETE /api/account/two-factor: start, confirm with a code (recovery codes shown once), turn off with a code. */
export function TwoFactorForm({ locale, enabled, recoveryCodesLeft, next }: Props) {
  const t = useTranslations("TwoFactor");
  const [step, setStep] = useState<Step>(enabled ? { kind: "on" } : { kind: "off" });
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const code = useRef<HTMLInputElement>(null);

  async function send<T>(method: "POST" | "PUT" | "DELETE", body?: unknown) {
    setBusy(true);
    setError("");
    const res = await api<T>("/api/account/two-factor", { locale, method, ...(body ? { body: JSON.stringify(body) } : {}) });
    setBusy(false);
    if (!res.ok) {
      setError(res.status === 0 ? t("networkError") : (res.error.fields?.code ?? res.error.message));
      code.current?.focus();
      return null;
    }
    return res.data;
  }

  async function start() {
    const setup = await send<TwoFactorSetup>("POST");
    if (setup) setStep({ kind: "setup", setup });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const done = await send<TwoFactorEnabled>("PUT", { code: String(new FormData(event.currentTarget).get("code") ?? "") });
    if (done) setStep({ kind: "codes", codes: done.recoveryCodes });
  }

  async function turnOff(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await send<undefined>("DELETE", { code: String(new FormData(event.currentTarget).get("code") ?? "") })) !== null) setStep({ kind: "off" });
  }

  const alert = error && (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      {error}
    </div>
  );
  const button = "rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
  const codeField = <Field ref={code} id="two-factor-code" name="code" type="text" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" required />;

  if (step.kind === "off")
    return (
      <div className="space-y-4">
        <p>{t("offExplain")}</p>
        {alert}
        <button type="button" onClick={start} disabled={busy || !hydrated} className={button}>
          {busy ? t("working") : t("start")}
        </button>
      </div>
    );

  if (step.kind === "setup")
    return (
      <form method="post" onSubmit={confirm} className="space-y-4">
        <ol className="list-decimal space-y-3 pl-6">
          <li>{t("stepApp")}</li>
          <li>
            {t("stepSecret")}
            <p className="mt-2 rounded-md bg-stone-100 p-3 font-mono text-lg tracking-wider break-all" translate="no">
              {step.setup.secret}
            </p>
            <p className="mt-2 text-sm">
              <a href={step.setup.uri} className="font-semibold text-brand-700 underline">
                {t("openInApp")}
              </a>
            </p>
          </li>
          <li>{t("stepCode")}</li>
        </ol>
        {alert}
        {codeField}
        <button type="submit" disabled={busy || !hydrated} className={button}>
          {busy ? t("working") : t("confirm")}
        </button>
      </form>
    );

  if (step.kind === "codes")
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("enabled")}
        </p>
        <p className="font-semibold">{t("recoveryExplain")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-lg" translate="no">
          {step.codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <a href={next} className="inline-block font-semibold text-brand-700 underline">
          {t("continue")}
        </a>
      </div>
    );

  return (
    <form method="post" onSubmit={turnOff} className="space-y-4">
      <p>{t("onExplain", { left: recoveryCodesLeft })}</p>
      {alert}
      {codeField}
      <button type="submit" disabled={busy || !hydrated} className={button}>
        {busy ? t("working") : t("turnOff")}
      </button>
    </form>
  );
}
