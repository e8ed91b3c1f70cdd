import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { SignUpForm } from "@/components/portal/sign-up-form";
import { ClientMessages } from "@/components/client-messages";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { safeNext } from "@/app/[locale]/_views/portal";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth" });
  return { title: t("signUpTitle") };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth" });
  const next = safeNext((await searchParams).next, locale);
  return (
    <SimplePage locale={locale} title={t("signUpTitle")} intro={t("signUpIntro")} alternates={sameParamsAlternates("/signup")}>
      <ClientMessages locale={locale} namespaces={["Auth"]}>
        <SignUpForm locale={locale} next={next} />
        <p className="mt-6">
          {t("haveAccount")}{" "}
          <Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/signin")}>
            {t("signInLink")}
          </Link>
        </p>
      </ClientMessages>
    </SimplePage>
  );
}
