import type { Metadata } from "next";
import { formatDateTime } from "@/lib/i18n/format";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { RoundForm } from "@/components/admin/round-form";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";
import { roundSummaries } from "@/lib/db/queries/secretariat";
import { RoundStatusBadge, scopeText } from "../_views/badges";
import { DataTable, td } from "../_views/table-scroll";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Rounds" });
  return { title: t("title") };
}

/** The current contest's rounds, and a new one. */
export default async function AdminRoundsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSecretariat(locale, localizedPath(locale, "/admin/rounds"));
  const t = await getTranslations({ locale, namespace: "Admin.Rounds" });
  const db = await getDb();
  const contest = await findCurrentContest(db);
  const rounds = contest ? await roundSummaries(db, contest.id) : [];
  const last = rounds.at(-1);
  // A new round starts from the last round's rubric (a final usually keeps the preliminary's).
  const rubric = (last?.rubric ?? DEFAULT_RUBRIC).map((c) => ({ key: c.key, nameVi: c.name.vi, nameEn: c.name.en, maxPoints: String(c.maxPoints), weight: String(c.weight) }));
  const scopes = await Promise.all(rounds.map((r) => scopeText(locale, r.scope)));

  return (
    <AdminPage locale={locale} caller={caller} section="/admin/rounds" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/rounds")} forms={["RoundForm"]}>
      {!contest ? (
        <p>{t("noContest")}</p>
      ) : (
        <>
          {rounds.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <DataTable label={t("tableLabel")} className="min-w-[44rem]" columns={[t("name"), t("status"), t("scope"), t("settings"), t("dates"), t("progress")]}>
              {rounds.map((round, i) => (
                <tr key={round.id} data-testid="round-row">
                  <th scope="row" className={`${td} text-left`}>
                    <Link href={localizedPath(locale, "/admin/rounds/[id]", { id: round.id })} className="font-bold text-brand-700 underline-offset-2 hover:underline">
                      {round.name[locale]}
                    </Link>
                  </th>
                  <td className={td}>
                    <RoundStatusBadge locale={locale} status={round.status} />
                  </td>
                  <td className={td}>{scopes[i]}</td>
                  <td className={`${td} text-sm`}>
                    {t("settingsText", { jurors: round.jurorsPerEntry, threshold: round.disagreementThreshold })}
                    <span className="block">{round.blind ? t("blind") : t("open")}</span>
                  </td>
                  <td className={`${td} text-sm`}>
                    {round.opensAt || round.closesAt
                      ? t("datesText", { opens: round.opensAt ? formatDateTime(round.opensAt, locale) : "—", closes: round.closesAt ? formatDateTime(round.closesAt, locale) : "—" })
                      : t("noDates")}
                  </td>
                  <td className={`${td} text-sm`}>{t("progressText", { submitted: round.submitted, assigned: round.assigned, entries: round.entries })}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <div className="mt-10 max-w-4xl">
            <RoundForm locale={locale} rubric={rubric} firstRound={rounds.length === 0} roundHref={localizedPath(locale, "/admin/rounds/[id]", { id: "__ID__" })} />
          </div>
        </>
      )}
    </AdminPage>
  );
}
