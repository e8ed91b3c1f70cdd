import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { listRounds } from "@/lib/db/queries/rounds";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";
import { RoundStatusBadge } from "../_views/badges";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Exports" });
  return { title: t("title") };
}

type Kind = "entries" | "scores" | "ranking" | "prizes" | "all";
const href = (kind: Kind, format: "xlsx" | "csv", round?: string) => `/api/admin/exports/${kind}?${new URLSearchParams({ format, ...(round ? { round } : {}) })}`;

/** Downloads: the contest's entries and prizes, and each round's scores and ranking, as Excel or CSV. */
export default async function AdminExportsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSecretariat(locale, localizedPath(locale, "/admin/exports"));
  const t = await getTranslations({ locale, namespace: "Admin.Exports" });
  const db = await getDb();
  const contest = await findCurrentContest(db);
  const rounds = contest ? await listRounds(db, contest.id) : [];

  const links = (kind: Kind, round?: { id: string; name: string }) => (
    <li key={`${kind}-${round?.id ?? "contest"}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span className="font-semibold">{t(kind)}</span>
      <a className="font-semibold text-brand-700 underline" href={href(kind, "xlsx", round?.id)} download aria-label={round ? t("xlsxOf", { what: t(kind), round: round.name }) : t("xlsxOfContest", { what: t(kind) })}>
        {t("xlsx")}
      </a>
      {kind !== "all" && (
        <a className="font-semibold text-brand-700 underline" href={href(kind, "csv", round?.id)} download aria-label={round ? t("csvOf", { what: t(kind), round: round.name }) : t("csvOfContest", { what: t(kind) })}>
          {t("csv")}
        </a>
      )}
    </li>
  );

  return (
    <AdminPage locale={locale} caller={caller} section="/admin/exports" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/exports")}>
      {!contest ? (
        <p>{t("noContest")}</p>
      ) : (
        <div className="space-y-10">
          <section aria-labelledby="exports-contest">
            <h2 id="exports-contest" className="text-2xl font-bold">
              {contest.title[locale]}
            </h2>
            <ul className="mt-3 space-y-2">{(["entries", "prizes"] as const).map((kind) => links(kind))}</ul>
          </section>
          <section aria-labelledby="exports-rounds">
            <h2 id="exports-rounds" className="text-2xl font-bold">
              {t("rounds")}
            </h2>
            {rounds.length === 0 && <p className="mt-2">{t("noRounds")}</p>}
            {rounds.map((round) => (
              <div key={round.id} className="mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <h3 className="flex flex-wrap items-center gap-3 text-xl font-bold">
                  {round.name[locale]} <RoundStatusBadge locale={locale} status={round.status} />
                </h3>
                <ul className="mt-2 space-y-2">{(["scores", "ranking", "all"] as const).map((kind) => links(kind, { id: round.id, name: round.name[locale] }))}</ul>
              </div>
            ))}
          </section>
          <p className="max-w-3xl text-sm text-stone-700">{t("note")}</p>
        </div>
      )}
    </AdminPage>
  );
}
