"use client";
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { Field } from "./field";
import { useHydrated } from "./format";

type Props = { locale: string; next: string };

export function SignInForm({ locale, next }: Props) {
  const t = useTranslations("Auth");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const email = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLInputElement>(null);
  // Shown once the server says the account has two-factor on (authorize's "codeRequired").
  const [needCode, setNeedCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    const credentials = { email: String(data.get("email")), password: String(data.get("password")), code: String(data.get("code") ?? ""), locale };
    const res = await signIn("credentials", { ...credentials, redirect: false }).catch(() => null);
    if (!res || res.error) {
      setBusy(false);
      if (res?.error === "codeRequired") {
        setNeedCode(true);
        setMessage(t("codeRequired"));
        // The field appears with this render; focus it on the next.
        setTimeout(() => code.current?.focus(), 0);
        return;
      }
      setMessage(res?.error ?? t("networkError"));
      (needCode ? code : email).current?.focus();
      return;
    }
    window.location.assign(next);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="max-w-md space-y-4" aria-describedby={message ? "signin-error" : undefined}>
      {message && (
        <div id="signin-error" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {message}
        </div>
      )}
      <Field ref={email} id="signin-email" name="email" type="email" label={t("email")} autoComplete="email" required aria-invalid={message ? true : undefined} />
      <Field id="signin-password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      {needCode && <Field ref={code} id="signin-code" name="code" type="text" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" inputMode="text" required />}
      {/* In the server's HTML and until the script has loaded (or for good, with scripting off): why the button waits. */}
      {!hydrated && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="needs-script">
          {t("needsScriptSignIn")}
        </p>
      )}
      <button type="submit" disabled={busy || !hydrated} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("working") : t("submitSignIn")}
      </button>
    </form>
  );
}
