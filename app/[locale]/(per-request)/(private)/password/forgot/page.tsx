import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { PasswordResetRequestForm } from "@/components/portal/password-reset-forms";
import { ClientMessages } from "@/components/client-messages";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "PasswordReset" });
  return { title: t("forgotTitle") };
}

/** Every role asks here for a link to set a new password (linked from the sign-in page). */
export default async function ForgotPasswordPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "PasswordReset" });
  return (
    <SimplePage locale={locale} title={t("forgotTitle")} intro={t("forgotIntro")} alternates={sameParamsAlternates("/password/forgot")}>
      <ClientMessages locale={locale} namespaces={["PasswordReset"]}>
        <PasswordResetRequestForm locale={locale} />
        <p className="mt-6">
          <Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/signin")}>
            {t("backToSignIn")}
          </Link>
        </p>
      </ClientMessages>
    </SimplePage>
  );
}
