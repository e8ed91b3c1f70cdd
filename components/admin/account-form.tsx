"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { Field } from "@/components/portal/field";
import { useErrorFocus } from "@/components/portal/use-error-focus";
import type { StaffAccountCreated } from "@/lib/auth/accounts";
import type { Role } from "@/lib/db/schema";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = { locale: string; roleNames: Partial<Record<Role, string>> };

/**
 * A new juror, secretariat or editor account (POST /api/admin/accounts). The generated password is shown
 * here once — it is e-mailed to the person too, and only its hash is kept — so the secretariat
 * can pass it on if the e-mail does not arrive.
 */
export function AccountForm({ locale, roleNames }: Props) {
  const t = useTranslations("Admin.AccountForm");
  const router = useRouter();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useErrorFocus(formRef);
  const { busy, errors, alert, refuse, send } = useAdminForm(locale);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"juror" | "secretariat" | "editor">("juror");
  const [outlet, setOutlet] = useState("");
  const [created, setCreated] = useState<StaffAccountCreated | null>(null);

  const submit = async () => {
    setCreated(null);
    await send<StaffAccountCreated>(
      "/api/admin/accounts",
      { method: "POST", body: { name: name.trim(), email: email.trim(), role, ...(outlet.trim() ? { outlet: outlet.trim() } : {}) } },
      {
        working: false,
        done: (data) => {
          setCreated(data);
          setName("");
          setEmail("");
          setOutlet("");
          router.refresh();
        },
        refused: (error) => {
          refuse(error.fields ?? {}, error.message);
          focusError();
        },
      },
    );
  };

  return (
    <div>
      <form
        ref={formRef}
        noValidate
        aria-labelledby="new-account-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      >
        <h2 id="new-account-heading" className="text-xl font-bold">
          {t("newAccount")}
        </h2>
        <fieldset disabled={!hydrated || busy} className="grid gap-4 sm:grid-cols-2">
          <Field id="account-name" label={t("name")} value={name} error={errors.name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          <Field id="account-email" label={t("email")} type="email" value={email} error={errors.email} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
          <Field id="account-role" label={t("role")} error={errors.role}>
            <select id="account-role" value={role} onChange={(e) => setRole(e.target.value as "juror" | "secretariat" | "editor")} className="mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base">
              <option value="juror">{roleNames.juror}</option>
              <option value="secretariat">{roleNames.secretariat}</option>
              <option value="editor">{roleNames.editor}</option>
            </select>
          </Field>
          <Field id="account-outlet" label={t("outlet")} hint={t("outletHint")} value={outlet} error={errors.outlet} onChange={(e) => setOutlet(e.target.value)} />
          <div className="sm:col-span-2">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {t("create")}
            </button>
          </div>
        </fieldset>
        {alert && <ErrorAlert className="p-3">{alert}</ErrorAlert>}
      </form>
      <div role="status" className="mt-3">
        {created && (
          <div className="rounded-lg border border-green-300 bg-green-50 p-4 text-green-950" data-testid="account-created">
            <p className="font-semibold">{t("created", { name: created.account.name, email: created.account.email, role: roleNames[created.account.role] ?? created.account.role })}</p>
            <p className="mt-2">{t("passwordOnce")}</p>
            <p className="mt-1">
              <span className="font-semibold">{t("password")}: </span>
              <code className="select-all rounded bg-white px-2 py-1 font-mono text-lg" data-testid="one-time-password">
                {created.password}
              </code>
            </p>
            <p className="mt-2 text-sm">{created.mailSent ? t("mailSent") : t("mailNotSent")}</p>
          </div>
        )}
      </div>
    </div>
  );
}
