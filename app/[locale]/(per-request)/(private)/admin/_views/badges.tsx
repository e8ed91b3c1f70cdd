import { getTranslations } from "next-intl/server";
import type { Round, RoundStatus } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/config";

const ROUND_STYLES: Record<RoundStatus, string> = { draft: "bg-stone-200 text-stone-900", open: "bg-green-100 text-green-900", closed: "bg-blue-100 text-blue-900" };

export async function RoundStatusBadge({ locale, status }: { locale: Locale; status: RoundStatus }) {
  const t = await getTranslations({ locale, namespace: "Admin.Status" });
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${ROUND_STYLES[status]}`}>{t(`round.${status}`)}</span>;
}

const ELIGIBILITY_STYLES = { eligible: "bg-green-100 text-green-900", ineligible: "bg-red-100 text-red-900", pending: "bg-amber-100 text-amber-900" } as const;

export async function EligibilityBadge({ locale, value }: { locale: Locale; value: "eligible" | "ineligible" | null }) {
  const t = await getTranslations({ locale, namespace: "Admin.Status" });
  const key = value ?? "pending";
  return (
    <span data-testid="eligibility" className={`whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${ELIGIBILITY_STYLES[key]}`}>
      {t(`eligibility.${key}`)}
    </span>
  );
}

/** "Eligible entries", "Top 10 per category of the round before"… */
export async function scopeText(locale: Locale, scope: Round["scope"]): Promise<string> {
  const t = await getTranslations({ locale, namespace: "Admin.Rounds" });
  if (scope.kind === "eligible") return t("scopeEligible");
  return "top" in scope ? t("scopeTopText", { n: scope.top }) : t("scopePercentText", { n: scope.percent });
}
