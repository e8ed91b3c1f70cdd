"use client";
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { Field } from "./field";
import { useErrorFocus } from "./use-error-focus";
import { api, useHydrated } from "./format";

type Props = { locale: string; next: string };
const FIELDS = ["name", "email", "password", "phone", "outlet", "penNames"] as const;

export function SignUpForm({ locale, next }: Props) {
  const t = useTranslations("Auth");
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const focusError = useErrorFocus(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "");
    const penNames = value("penNames").split(",").map((s) => s.trim()).filter(Boolean);
    setBusy(true);
    const res = await api("/api/account", {
      locale,
      method: "POST",
      body: JSON.stringify({ name: value("name"), email: value("email"), password: value("password"), phone: value("phone"), outlet: value("outlet"), ...(penNames.length ? { penNames } : {}) }),
    });
    if (!res.ok) {
      setBusy(false);
      const fields = Object.fromEntries(Object.entries(res.error.fields ?? {}).map(([k, v]) => [k.split(".")[0]!, v]));
      setErrors(fields);
      setMessage(res.status === 0 ? t("networkError") : Object.keys(fields).length ? t("errorSummary") : res.error.message);
      focusError();
      return;
    }
    const signedIn = await signIn("credentials", { email: value("email"), password: value("password"), locale, redirect: false });
    if (signedIn?.error) {
      setBusy(false);
      setMessage(signedIn.error);
      return;
    }
    window.location.assign(next);
  }

  return (
    <form ref={form} method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {message && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {message}
        </div>
      )}
      {FIELDS.map((name) => (
        <Field
          key={name}
          id={`signup-${name}`}
          name={name}
          label={t(name)}
          hint={name === "password" ? t("passwordHint") : name === "penNames" ? t("penNamesHint") : undefined}
          error={errors[name]}
          type={name === "email" ? "email" : name === "password" ? "password" : name === "phone" ? "tel" : "text"}
          autoComplete={{ name: "name", email: "email", password: "new-password", phone: "tel", outlet: "organization", penNames: "off" }[name]}
          required={name !== "penNames"}
        />
      ))}
      {/* In the server's HTML and until the script has loaded (or for good, with scripting off): why the button waits. */}
      {!hydrated && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="needs-script">
          {t("needsScriptSignUp")}
        </p>
      )}
      <button type="submit" disabled={busy || !hydrated} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("working") : t("submitSignUp")}
      </button>
    </form>
  );
}
