"use client";
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field } from "./field";
import { useErrorFocus } from "./use-error-focus";
import { api, useHydrated } from "./format";

type Props = { locale: string };
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/** PUT /api/account/password. The response renews this device's session, so the page stays usable. */
export function PasswordForm({ locale }: Props) {
  const t = useTranslations("Account");
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const focusError = useErrorFocus(form);

  function fail(fields: Record<string, string>, text: string) {
    setErrors(fields);
    setMessage(text);
    focusError();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "");
    setDone(false);
    // Checked here only: the API takes the new password once.
    if (value("newPassword") !== value("confirmPassword")) return fail({ confirmPassword: t("mismatch") }, t("errorSummary"));
    setBusy(true);
    const res = await api<undefined>("/api/account/password", {
      locale,
      method: "PUT",
      body: JSON.stringify({ currentPassword: value("currentPassword"), newPassword: value("newPassword") }),
    });
    setBusy(false);
    if (!res.ok) {
      const fields = res.error.fields ?? {};
      return fail(fields, res.status === 0 ? t("networkError") : Object.keys(fields).length ? t("errorSummary") : res.error.message);
    }
    setErrors({});
    setMessage("");
    setDone(true);
    form.current?.reset();
  }

  return (
    <form ref={form} method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {message && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {message}
        </div>
      )}
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <div role="status" className={done ? "rounded-md border border-green-300 bg-green-50 p-3 text-green-900" : undefined}>
        {done ? t("changed") : ""}
      </div>
      {FIELDS.map((name) => (
        <Field
          key={name}
          id={`password-${name}`}
          name={name}
          type="password"
          label={t(name)}
          hint={name === "newPassword" ? t("newPasswordHint") : undefined}
          error={errors[name]}
          autoComplete={name === "currentPassword" ? "current-password" : "new-password"}
          required
        />
      ))}
      <button type="submit" disabled={busy || !hydrated} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("working") : t("submit")}
      </button>
    </form>
  );
}
