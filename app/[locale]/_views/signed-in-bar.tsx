import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { SignOutButton } from "@/components/portal/sign-out-button";

type Props = { locale: Locale; name: string; className?: string; /** Where the bar's link goes; the password page by default. */ link?: { href: string; label: string } };

/** Who is signed in, a link (by default to change the password) and sign-out: the top of every private workspace. */
export async function SignedInBar({ locale, name, className = "", link }: Props) {
  const auth = await getTranslations({ locale, namespace: "Auth" });
  const to = link ?? { href: localizedPath(locale, "/account/password"), label: (await getTranslations({ locale, namespace: "Account" }))("title") };
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      <p className="text-sm text-stone-700">{auth("signedInAs", { name })}</p>
      <Link href={to.href} className="text-sm font-semibold text-brand-700 underline">
        {to.label}
      </Link>
      <SignOutButton label={auth("signOut")} to={localizedPath(locale, "/")} />
    </div>
  );
}
