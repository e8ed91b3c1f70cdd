import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { twoFactorStatus } from "@/lib/auth/enrolment";
import { requireSignedIn, workspacePath } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { TwoFactorForm } from "@/components/portal/two-factor-form";
import { ClientMessages } from "@/components/client-messages";
import { NeedsScript } from "@/components/needs-script";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { SignedInBar } from "@/app/[locale]/_views/signed-in-bar";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "TwoFactor" });
  return { title: t("title") };
}

/** Jurors and the secretariat turn two-step verification on or off here (and enrol here first when it is required). */
export default async function TwoFactorPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSignedIn(locale, localizedPath(locale, "/account/two-factor"));
  const t = await getTranslations({ locale, namespace: "TwoFactor" });
  const staff = caller.role !== "journalist";
  const status = staff ? await twoFactorStatus(await getDb(), caller.id) : null;
  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/account/two-factor")}>
      <ClientMessages locale={locale} namespaces={["TwoFactor"]}>
        <SignedInBar locale={locale} name={caller.name} link={{ href: workspacePath(locale, caller.role), label: t("back") }} />
        <div className="mt-6 max-w-xl">
          {!status ? (
            <p>{t("staffOnly")}</p>
          ) : (
            <>
              {status.required && !status.enabled && (
                <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
                  {t("required")}
                </p>
              )}
              <NeedsScript text={t("needsScript")} />
              <TwoFactorForm locale={locale} enabled={status.enabled} recoveryCodesLeft={status.recoveryCodesLeft} next={workspacePath(locale, caller.role)} />
            </>
          )}
        </div>
      </ClientMessages>
    </SimplePage>
  );
}
