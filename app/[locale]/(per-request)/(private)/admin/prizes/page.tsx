import type { Metadata } from "next";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { prizeOverview } from "@/lib/db/queries/prizes";
import { PRIZE_TIERS, type PrizeTier } from "@/lib/contest/ranking";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { ActionForm } from "@/components/admin/action-form";
import { QuotasForm } from "@/components/admin/quotas-form";
import { PublicationForm } from "@/components/admin/publication-form";
import { describeMissing, publicationReadiness } from "@/lib/db/queries/publication";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";
import { DataTable, td } from "../_views/table-scroll";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Prizes" });
  return { title: t("title") };
}

const TIER_STYLES: Record<PrizeTier, string> = { A: "bg-amber-200 text-amber-950", B: "bg-stone-200 text-stone-900", C: "bg-orange-100 text-orange-950", encouragement: "bg-green-100 text-green-900" };

/**
 * Prizes of the current contest: quotas per category, the quotas' proposal over the final
 * (latest closed) round's ranking, a change to any prize with its reason, and publication.
 */
export default async function AdminPrizesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const caller = await requireSecretariat(locale, localizedPath(locale, "/admin/prizes"));
  const t = await getTranslations({ locale, namespace: "Admin.Prizes" });
  const tiers = await getTranslations({ locale, namespace: "Admin.Status.tier" });
  const db = await getDb();
  const contest = await findCurrentContest(db);
  if (!contest) {
    return (
      <AdminPage locale={locale} caller={caller} section="/admin/prizes" title={t("title")} alternates={sameParamsAlternates("/admin/prizes")}>
        <p>{t("noContest")}</p>
      </AdminPage>
    );
  }
  const [overview, readiness] = await Promise.all([prizeOverview(db, contest), publicationReadiness(db, contest.id)]);
  const missing = describeMissing(readiness.missing, locale);
  const published = overview.contest.resultsPublishedAt !== null;
  const tierName = (tier: PrizeTier | null) => (tier ? tiers(tier) : tiers("none"));
  const tierNames = Object.fromEntries(PRIZE_TIERS.map((tier) => [tier, tiers(tier)])) as Record<PrizeTier, string>;
  const tierOptions = [{ value: "", label: tiers("none") }, ...PRIZE_TIERS.map((tier) => ({ value: tier, label: tiers(tier) }))];
  const categoryName = new Map(contest.categories.map((c) => [c.code as string, c.name[locale]]));
  const resultsHref = localizedPath(locale, "/results/[year]", { year: contest.year });
  const label = (code: string | null, title: string) => t("entryLabel", { code: code ?? "—", title: title || t("untitled") });
  const stale = overview.decisions.filter((d) => !d.prizeEligible || !d.inFinalRound);

  return (
    <AdminPage locale={locale} caller={caller} section="/admin/prizes" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/prizes")} forms={["Quotas", "Publication"]}>
      {published ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900" data-testid="published">
          {t("published", { date: formatDateTime(new Date(overview.contest.resultsPublishedAt!), locale) })}{" "}
          <Link href={resultsHref} className="font-semibold underline">
            {t("publicResults")}
          </Link>
        </p>
      ) : overview.round ? (
        <p>{t("finalRound", { name: overview.round.name[locale] })}</p>
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">{t("noClosedRound")}</p>
      )}

      <section aria-labelledby="quotas-heading" className="mt-8">
        <h2 id="quotas-heading" className="text-2xl font-bold">
          {t("quotas")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("quotasIntro")}</p>
        <div className="mt-3 max-w-3xl">
          {published ? (
            <ul className="list-disc pl-6">
              {contest.categories.map((c) => {
                const q = overview.quotas[c.code];
                return <li key={c.code}>{t("quotaLine", { category: c.name[locale], a: q?.A ?? 0, b: q?.B ?? 0, c: q?.C ?? 0, e: q?.encouragement ?? 0 })}</li>;
              })}
            </ul>
          ) : (
            <QuotasForm
              locale={locale}
              tierNames={tierNames}
              categories={contest.categories.map((c) => ({ code: c.code, name: c.name[locale], quota: overview.quotas[c.code] ?? { A: 0, B: 0, C: 0, encouragement: 0 } }))}
            />
          )}
        </div>
      </section>

      {overview.round && !published && (
        <section aria-labelledby="proposal-heading" className="mt-10">
          <h2 id="proposal-heading" className="text-2xl font-bold">
            {t("proposal")}
          </h2>
          <p className="mt-1 max-w-3xl text-stone-700">{t("proposalIntro")}</p>
          <div className="mt-3 max-w-xl">
            <ActionForm
              locale={locale}
              method="POST"
              url="/api/admin/prizes/proposal"
              fields={[{ name: "reason", kind: "textarea", label: overview.decisions.length ? t("proposalReasonRequired") : t("proposalReason") }]}
              confirm={overview.decisions.length ? t("proposalReplaceConfirm") : undefined}
              submitLabel={t("propose")}
              done={t("proposed")}
              tone="primary"
              resetOnDone
            />
          </div>
        </section>
      )}

      {overview.categories.some((c) => c.ranking.length > 0) && (
        <section aria-labelledby="ranking-heading" className="mt-10">
          <h2 id="ranking-heading" className="text-2xl font-bold">
            {t("ranking")}
          </h2>
          <p className="mt-1 max-w-3xl text-stone-700">{t("rankingIntro")}</p>
          {overview.categories
            .filter((c) => c.ranking.length > 0)
            .map((c) => (
              <div key={c.code} className="mt-6">
                <h3 className="text-xl font-bold">{c.name[locale]}</h3>
                <p className="text-sm text-stone-700">{t("quotaLine", { category: c.name[locale], a: c.quota.A, b: c.quota.B, c: c.quota.C, e: c.quota.encouragement })}</p>
                <DataTable label={t("rankingOf", { category: c.name[locale] })} className="min-w-[52rem]" testId="prize-ranking" columns={[{ label: t("rank"), numeric: true }, t("entry"), { label: t("mean"), numeric: true }, t("byQuota"), t("decision"), !published && t("change")]}>
                  {c.ranking.map((r) => (
                    <tr key={r.entryId}>
                      <td className={`${td} text-right font-bold`}>
                        {r.rank ?? "—"}
                        {r.tied && <span className="block text-xs font-semibold text-amber-900">{t("tied")}</span>}
                      </td>
                      <th scope="row" className={`${td} text-left font-normal`}>
                        <span className="block font-mono text-sm">{r.code ?? "—"}</span>
                        {r.title || t("untitled")}
                        {!r.prizeEligible && <span className="mt-1 block text-sm font-semibold text-red-800">{t("notEligibleNow")}</span>}
                      </th>
                      <td className={`${td} text-right`}>{r.mean === null ? "—" : formatNumber(r.mean, locale)}</td>
                      <td className={`${td} text-sm`}>
                        {r.vote ? t("vote", { tiers: r.vote.map(tierName).join(" / ") }) : r.proposal ? tierName(r.proposal) : "—"}
                      </td>
                      <td className={td}>
                        {r.decision ? (
                          <>
                            <span className={`rounded px-2 py-0.5 text-sm font-semibold ${TIER_STYLES[r.decision.tier]}`}>{tierName(r.decision.tier)}</span>
                            {r.decision.reason && <span className="mt-1 block text-sm text-stone-700">{r.decision.reason}</span>}
                          </>
                        ) : (
                          <span className="text-sm text-stone-700">{tiers("none")}</span>
                        )}
                      </td>
                      {!published && (
                        <td className={`${td} min-w-[14rem]`}>
                          <details>
                            <summary className="cursor-pointer font-semibold text-brand-700">{t("edit")}</summary>
                            <div className="mt-2">
                              <ActionForm
                                locale={locale}
                                method="PUT"
                                url={`/api/admin/prizes/${r.entryId}`}
                                legend={t("editFor", { entry: label(r.code, r.title) })}
                                fields={[
                                  { name: "tier", kind: "select", label: t("tier"), options: tierOptions, initial: r.decision?.tier ?? r.proposal ?? "", emptyAsNull: true },
                                  { name: "reason", kind: "textarea", label: t("reason"), hint: t("reasonHint") },
                                ]}
                                submitLabel={t("save")}
                                done={t("saved")}
                                tone="primary"
                                resetOnDone
                              />
                            </div>
                          </details>
                        </td>
                      )}
                    </tr>
                  ))}
                </DataTable>
              </div>
            ))}
        </section>
      )}

      <section aria-labelledby="decisions-heading" className="mt-10">
        <h2 id="decisions-heading" className="text-2xl font-bold">
          {t("decisions")}
        </h2>
        {overview.decisions.length === 0 ? (
          <p className="mt-2">{t("noDecisions")}</p>
        ) : (
          <DataTable label={t("decisionsTable")} className="min-w-[48rem]" testId="prize-decisions" columns={[t("entry"), t("category"), t("tier"), t("reason"), t("citation")]}>
            {overview.decisions.map((d) => (
              <tr key={d.entryId}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {label(d.code, d.title)}
                  {(!d.prizeEligible || !d.inFinalRound) && <span className="mt-1 block text-sm font-semibold text-red-800">{d.prizeEligible ? t("notInFinalRound") : t("notEligibleNow")}</span>}
                </th>
                <td className={td}>{categoryName.get(d.category) ?? d.category}</td>
                <td className={td}>
                  <span className={`rounded px-2 py-0.5 text-sm font-semibold ${TIER_STYLES[d.tier]}`}>{tierName(d.tier)}</span>
                </td>
                <td className={`${td} text-sm`}>{d.reason || "—"}</td>
                <td className={`${td} min-w-[16rem] text-sm`} data-testid="citation-cell">
                  {d.citation.vi ? <p lang="vi">{d.citation.vi}</p> : <p className="font-semibold text-amber-900">{t("citationMissingVi")}</p>}
                  {d.citation.en ? <p lang="en" className="mt-1 text-stone-600">{d.citation.en}</p> : <p className="mt-1 font-semibold text-amber-900">{t("citationMissingEn")}</p>}
                  {!published && (
                    <details className="mt-2">
                      <summary className="cursor-pointer font-semibold text-brand-700">{t("citationEdit")}</summary>
                      <div className="mt-2">
                        <ActionForm
                          locale={locale}
                          method="PUT"
                          url={`/api/admin/prizes/${d.entryId}/citation`}
                          legend={t("citationFor", { entry: label(d.code, d.title) })}
                          fields={[
                            { name: "vi", kind: "textarea", label: t("citationVi"), initial: d.citation.vi, maxLength: 2000 },
                            { name: "en", kind: "textarea", label: t("citationEn"), initial: d.citation.en, maxLength: 2000 },
                          ]}
                          submitLabel={t("citationSave")}
                          done={t("citationSaved")}
                          tone="primary"
                        />
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {!published &&
          stale.map((d) => (
            <div key={d.entryId} className="mt-3 max-w-xl">
              <ActionForm
                locale={locale}
                method="PUT"
                url={`/api/admin/prizes/${d.entryId}`}
                body={{ tier: null }}
                legend={t("removeFor", { entry: label(d.code, d.title) })}
                fields={[{ name: "reason", kind: "text", label: t("removeReason", { entry: label(d.code, d.title) }) }]}
                submitLabel={t("removePrize")}
                done={t("saved")}
                tone="danger"
              />
            </div>
          ))}
      </section>

      <section aria-labelledby="publish-heading" className="mt-10">
        <h2 id="publish-heading" className="text-2xl font-bold">
          {t("publication")}
        </h2>
        {published ? (
          <p className="mt-2">
            <Link href={resultsHref} className="font-semibold text-brand-700 underline">
              {t("publicResults")}
            </Link>
          </p>
        ) : (
          <>
            <p className="mt-1 max-w-3xl text-stone-700">{t("publicationIntro")}</p>
            {missing.length > 0 ? (
              <div className="mt-3 max-w-3xl rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="publication-missing">
                <p className="font-semibold">{t("notReady", { count: missing.length })}</p>
                <ul className="mt-1 list-disc pl-6">
                  {missing.map((m, i) => (
                    <li key={i}>{m.message}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="mt-3 max-w-3xl rounded-md border border-green-300 bg-green-50 p-3 text-green-900" data-testid="publication-ready">
                {t("ready")}
              </p>
            )}
            <div className="mt-4">
              <PublicationForm locale={locale} year={contest.year} previewPath={localizedPath(locale, "/admin/prizes/preview")} />
            </div>
          </>
        )}
      </section>
    </AdminPage>
  );
}
