import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { SignInForm } from "@/components/portal/sign-in-form";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { safeNext } from "@/app/[locale]/_views/portal";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth" });
  return { title: t("signInTitle") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth" });
  const next = safeNext((await searchParams).next, locale);
  return (
    <SimplePage locale={locale} title={t("signInTitle")} intro={t("signInIntro")} alternates={sameParamsAlternates("/signin")} messages={["Auth"]}>
      <SignInForm locale={locale} next={next} />
      <p className="mt-6">
        {t("noAccount")}{" "}
        <Link className="font-semibold text-brand-700 underline" href={`${localizedPath(locale, "/signup")}?next=${encodeURIComponent(next)}`}>
          {t("signUpLink")}
        </Link>
      </p>
    </SimplePage>
  );
}
