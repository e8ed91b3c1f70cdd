import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { resetLinkStatus } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";
import { localizedPath } from "@/lib/i18n/paths";
import { PasswordResetForm } from "@/components/portal/password-reset-forms";
import { ClientMessages } from "@/components/client-messages";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "PasswordReset" });
  // The token is in this page's address: it is never sent on to another site.
  return { title: t("resetTitle"), referrer: "no-referrer" };
}

/** Where the e-mailed link leads: the form while the link can be used, otherwise why not and the way to a new one. */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "PasswordReset" });
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const state = await resetLinkStatus(await getDb(), token);
  const withToken = (path: string) => (token ? `${path}?token=${encodeURIComponent(token)}` : path);
  const requestHref = localizedPath(locale, "/password/forgot");
  return (
    <SimplePage
      locale={locale}
      title={t("resetTitle")}
      intro={state === "valid" ? t("resetIntro") : undefined}
      alternates={{ vi: withToken(localizedPath("vi", "/password/reset")), en: withToken(localizedPath("en", "/password/reset")) }}
    >
      <ClientMessages locale={locale} namespaces={["PasswordReset"]}>
        {state === "valid" ? (
          <PasswordResetForm locale={locale} token={token} signInHref={localizedPath(locale, "/signin")} requestHref={requestHref} />
        ) : (
          <div className="max-w-md space-y-4">
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
              {t(state)}
            </p>
            <Link href={requestHref} className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
              {t("requestNew")}
            </Link>
          </div>
        )}
      </ClientMessages>
    </SimplePage>
  );
}
