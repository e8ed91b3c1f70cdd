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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    const res = await signIn("credentials", { email: String(data.get("email")), password: String(data.get("password")), locale, redirect: false }).catch(() => null);
    if (!res || res.error) {
      setBusy(false);
      setMessage(res?.error ?? t("networkError"));
      email.current?.focus();
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
      <button type="submit" disabled={busy || !hydrated} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("working") : t("submitSignIn")}
      </button>
    </form>
  );
}
