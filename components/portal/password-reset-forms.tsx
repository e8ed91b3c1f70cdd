"use client";
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Field } from "./field";
import { useErrorFocus } from "./use-error-focus";
import { api, useHydrated } from "./format";
import { NeedsScript } from "../needs-script";

/** POST /api/account/password-reset: the answer is the same for every e-mail, so is the notice. */
export function PasswordResetRequestForm({ locale }: { locale: string }) {
  const t = useTranslations("PasswordReset");
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState("");
  const [sentTo, setSentTo] = useState("");
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const focusError = useErrorFocus(form, "reset-request-alert");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setBusy(true);
    setSentTo("");
    const res = await api<undefined>("/api/account/password-reset", { locale, method: "POST", body: JSON.stringify({ email }) });
    setBusy(false);
    if (!res.ok) {
      const field = res.error.fields?.email;
      setError(field);
      setMessage(res.status === 0 ? t("networkError") : field ? t("errorSummary") : res.error.message);
      return focusError();
    }
    setError(undefined);
    setMessage("");
    setSentTo(email);
  }

  return (
    <form ref={form} method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {message && (
        <div id="reset-request-alert" tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {message}
        </div>
      )}
      <div role="status" className={sentTo ? "rounded-md border border-green-300 bg-green-50 p-3 text-green-900" : undefined}>
        {sentTo ? t("sent", { email: sentTo }) : ""}
      </div>
      <Field id="reset-email" name="email" type="email" label={t("email")} autoComplete="email" error={error} required />
      <button type="submit" disabled={busy || !hydrated} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("working") : t("submitRequest")}
      </button>
      <NeedsScript text={t("needsScript")} />
    </form>
  );
}

const FIELDS = ["newPassword", "confirmPassword"] as const;

/** POST /api/account/password-reset/confirm with the token of the link the page was opened with. */
export function PasswordResetForm({ locale, token, signInHref, requestHref }: { locale: string; token: string; signInHref: string; requestHref: string }) {
  const t = useTranslations("PasswordReset");
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [linkGone, setLinkGone] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const focusError = useErrorFocus(form, "reset-alert");

  function fail(fields: Record<string, string>, text: string) {
    setErrors(fields);
    setMessage(text);
    focusError();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "");
    if (value("newPassword") !== value("confirmPassword")) return fail({ confirmPassword: t("mismatch") }, t("errorSummary"));
    setBusy(true);
    const res = await api<undefined>("/api/account/password-reset/confirm", { locale, method: "POST", body: JSON.stringify({ token, newPassword: value("newPassword") }) });
    setBusy(false);
    if (!res.ok) {
      const fields = res.error.fields ?? {};
      // The link expired or was used meanwhile: the form is of no more use, the way to a new link is.
      setLinkGone(res.error.code.startsWith("resetLink"));
      return fail(fields, res.status === 0 ? t("networkError") : Object.keys(fields).length ? t("errorSummary") : res.error.message);
    }
    setDone(true);
  }

  if (done) {
    return (
      <div role="status" className="max-w-md space-y-4">
        <p className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">{t("done")}</p>
        <Link href={signInHref} className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
          {t("signIn")}
        </Link>
      </div>
    );
  }

  return (
    <form ref={form} method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {message && (
        <div id="reset-alert" tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {message}
          {linkGone && (
            <>
              {" "}
              <Link href={requestHref} className="font-semibold underline">
                {t("requestNew")}
              </Link>
            </>
          )}
        </div>
      )}
      {FIELDS.map((name) => (
        <Field
          key={name}
          id={`reset-${name}`}
          name={name}
          type="password"
          label={t(name)}
          hint={name === "newPassword" ? t("newPasswordHint") : undefined}
          error={errors[name]}
          autoComplete="new-password"
          required
        />
      ))}
      <button type="submit" disabled={busy || !hydrated} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("working") : t("submitReset")}
      </button>
      <NeedsScript text={t("needsScript")} />
    </form>
  );
}
