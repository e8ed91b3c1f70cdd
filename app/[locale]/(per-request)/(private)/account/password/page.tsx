import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn, workspacePath } from "@/lib/auth/page";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { PasswordForm } from "@/components/portal/password-form";
import { SessionsForm } from "@/components/portal/sessions-form";
import { ClientMessages } from "@/components/client-messages";
import { NeedsScript } from "@/components/needs-script";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { SignedInBar } from "@/app/[locale]/_views/signed-in-bar";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Account" });
  return { title: t("title") };
}

/** Every signed-in role changes their own password here, and signs out its other devices. */
export default async function PasswordPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSignedIn(locale, localizedPath(locale, "/account/password"));
  const t = await getTranslations({ locale, namespace: "Account" });
  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/account/password")}>
      <ClientMessages locale={locale} namespaces={["Account"]}>
        <SignedInBar locale={locale} name={caller.name} link={{ href: workspacePath(locale, caller.role), label: t("back") }} />
        <NeedsScript text={t("needsScript")} />
        <div className="mt-6">
          <PasswordForm locale={locale} />
        </div>
        <section aria-labelledby="sessions-title" className="mt-12 border-t border-stone-200 pt-8">
          <h2 id="sessions-title" className="text-2xl font-bold">
            {t("sessionsTitle")}
          </h2>
          <p className="mt-2 max-w-3xl text-stone-700">{t("sessionsIntro")}</p>
          <div className="mt-4">
            <SessionsForm locale={locale} />
          </div>
        </section>
        {caller.role !== "journalist" && (
          <p className="mt-8">
            <Link href={localizedPath(locale, "/account/two-factor")} className="font-semibold text-brand-700 underline">
              {(await getTranslations({ locale, namespace: "TwoFactor" }))("title")}
            </Link>
          </p>
        )}
      </ClientMessages>
    </SimplePage>
  );
}
