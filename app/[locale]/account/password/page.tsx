import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn, workspacePath } from "@/lib/auth/page";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { PasswordForm } from "@/components/portal/password-form";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { SimplePage } from "../../_views/simple-page";
import { pageLocale } from "../../_views/static-locale";
import { portalStrings, privatePage } from "../../_views/portal";

type Props = { params: Promise<{ locale: string }> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Account" });
  return { title: t("title"), ...privatePage };
}

/** Every signed-in role changes their own password here. */
export default async function PasswordPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSignedIn(locale, localizedPath(locale, "/account/password"));
  const t = await getTranslations({ locale, namespace: "Account" });
  const auth = await getTranslations({ locale, namespace: "Auth" });
  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/account/password")}>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-stone-700">{auth("signedInAs", { name: caller.name })}</p>
        <Link href={workspacePath(locale, caller.role)} className="text-sm font-semibold text-brand-700 underline">
          {t("back")}
        </Link>
        <SignOutButton label={auth("signOut")} to={localizedPath(locale, "/")} />
      </div>
      <div className="mt-6">
        <PasswordForm locale={locale} t={await portalStrings(locale, "Account")} />
      </div>
    </SimplePage>
  );
}
