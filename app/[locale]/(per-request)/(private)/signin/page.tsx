import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { SignInForm } from "@/components/portal/sign-in-form";
import { ClientMessages } from "@/components/client-messages";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { safeNext } from "@/app/[locale]/_views/portal";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const UNLOCK_NOTICES: Record<string, { key: "unlocked" | "unlockExpired" | "unlockInvalid" | "unlockUsed"; ok: boolean }> = {
  unlocked: { key: "unlocked", ok: true },
  expired: { key: "unlockExpired", ok: false },
  invalid: { key: "unlockInvalid", ok: false },
  used: { key: "unlockUsed", ok: false },
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth" });
  return { title: t("signInTitle") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth" });
  const query = await searchParams;
  const next = safeNext(query.next, locale);
  // Where the e-mailed unlock link (GET /api/account/unlock) sends the browser back.
  const unlock = UNLOCK_NOTICES[String(query.unlock)];
  return (
    <SimplePage locale={locale} title={t("signInTitle")} intro={t("signInIntro")} alternates={sameParamsAlternates("/signin")}>
      <ClientMessages locale={locale} namespaces={["Auth"]}>
        {unlock && (
          <p role="status" className={`mb-4 max-w-md rounded-md border p-3 ${unlock.ok ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}>
            {t(unlock.key)}
          </p>
        )}
        <SignInForm locale={locale} next={next} />
        <p className="mt-4">
          <Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/password/forgot")}>
            {t("forgotLink")}
          </Link>
        </p>
        <p className="mt-4">
          {t("noAccount")}{" "}
          <Link className="font-semibold text-brand-700 underline" href={`${localizedPath(locale, "/signup")}?next=${encodeURIComponent(next)}`}>
            {t("signUpLink")}
          </Link>
        </p>
      </ClientMessages>
    </SimplePage>
  );
}
