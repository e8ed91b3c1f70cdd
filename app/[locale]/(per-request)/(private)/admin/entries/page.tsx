import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { CATEGORY_CODES, type CategoryCode } from "@/lib/db/schema";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { Pagination } from "@/components/pagination";
import { EligibilityCells } from "@/components/admin/eligibility-cells";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";
import { REVIEW_SORTS, reviewEntries, type ReviewFilter } from "@/lib/db/queries/secretariat";
import { roundsMissing, workingRound } from "@/lib/db/queries/entry-detail";
import { BulkActions } from "@/components/admin/bulk-actions";
import { ActionForm } from "@/components/admin/action-form";
import { EligibilityBadge } from "../_views/badges";
import { EntryFiles } from "../_views/entry-files";
import { DataTable, td } from "../_views/table-scroll";
import { FilterActions } from "../_views/filter-actions";

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Entries" });
  return { title: t("title") };
}

const STATUSES = ["submitted", "withdrawn"] as const;
const ELIGIBILITIES = ["pending", "eligible", "ineligible"] as const;

/** The query string as filters: unknown values are ignored rather than refused (it is a page, not the API). */
function parseFilter(search: Search): ReviewFilter {
  const one = (key: string) => (typeof search[key] === "string" ? (search[key] as string) : "");
  const pick = <T extends string>(value: string, allowed: readonly T[]) => (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  const page = Number(one("page"));
  return {
    q: one("q").normalize("NFC").slice(0, 200).trim(),
    status: pick(one("status"), STATUSES),
    category: pick<CategoryCode>(one("category"), CATEGORY_CODES),
    eligibility: pick(one("eligibility"), ELIGIBILITIES),
    sort: pick(one("sort"), REVIEW_SORTS),
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** Entries of the current contest: search, filter, and decide eligibility with a reason. */
export default async function AdminEntriesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const here = localizedPath(locale, "/admin/entries");
  const caller = await requireSecretariat(locale, here);
  const t = await getTranslations({ locale, namespace: "Admin.Entries" });
  const status = await getTranslations({ locale, namespace: "Admin.Status" });
  const db = await getDb();
  const contest = await findCurrentContest(db);
  const filter = parseFilter(await searchParams);
  const result = contest ? await reviewEntries(db, contest.id, filter) : { rows: [], total: 0, pageCount: 1 };
  const ids = result.rows.map((r) => r.id);
  const [missing, working] = contest ? await Promise.all([roundsMissing(db, contest.id, ids), workingRound(db, contest.id, ids)]) : [new Map(), { round: null, pending: {} }];
  const sortLabels = { newest: t("sortNewest"), oldest: t("sortOldest"), code: t("sortCode"), title: t("sortTitle") } as const;
  const names = new Map(contest?.categories.map((c) => [c.code, c.name[locale]]));
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    if (filter.q) query.set("q", filter.q);
    if (filter.category) query.set("category", filter.category);
    if (filter.status) query.set("status", filter.status);
    if (filter.eligibility) query.set("eligibility", filter.eligibility);
    if (filter.sort) query.set("sort", filter.sort);
    if (page > 1) query.set("page", String(page));
    const qs = query.toString();
    return qs ? `${here}?${qs}` : here;
  };
  const select = "mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base";

  return (
    <AdminPage locale={locale} caller={caller} section="/admin/entries" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/entries")} forms={["EligibilityCells", "Bulk"]}>
      <form method="get" action={here} role="search" aria-label={t("filters")} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2 lg:col-span-2">
          <label htmlFor="entries-q" className="block font-semibold">
            {t("query")}
          </label>
          <input id="entries-q" name="q" type="search" defaultValue={filter.q} maxLength={200} className={select} />
        </div>
        <div>
          <label htmlFor="entries-category" className="block font-semibold">
            {t("category")}
          </label>
          <select id="entries-category" name="category" defaultValue={filter.category ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {contest?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name[locale]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entries-status" className="block font-semibold">
            {t("status")}
          </label>
          <select id="entries-status" name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {status(`entry.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entries-eligibility" className="block font-semibold">
            {t("eligibility")}
          </label>
          <select id="entries-eligibility" name="eligibility" defaultValue={filter.eligibility ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {ELIGIBILITIES.map((e) => (
              <option key={e} value={e}>
                {status(`eligibility.${e}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entries-sort" className="block font-semibold">
            {t("sort")}
          </label>
          <select id="entries-sort" name="sort" defaultValue={filter.sort ?? "newest"} className={select}>
            {REVIEW_SORTS.map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <FilterActions apply={t("apply")} reset={t("reset")} resetHref={here} className="sm:col-span-2 lg:col-span-6" />
      </form>

      <p className="mt-6 font-semibold" aria-live="polite" data-testid="entries-total">
        {t("total", { total: result.total })}
        {filter.sort && <span className="ml-2 font-normal text-stone-700">{t("sortedBy", { by: sortLabels[filter.sort] })}</span>}
      </p>
      {contest && (
        <BulkActions
          locale={locale}
          formId="bulk-entries"
          round={working.round ? { id: working.round.id, name: working.round.name[locale], open: working.round.status === "open" } : null}
          pendingJurors={working.pending}
        />
      )}
      {result.rows.length > 0 && (
        <DataTable label={t("tableLabel")} className="min-w-[48rem]" columns={[t("selectColumn"), t("code"), t("work"), t("category"), t("status"), t("eligibility"), t("decision")]}>
          {result.rows.map((row) => (
            <tr key={row.id} data-testid="entry-row">
              <td className={td}>
                {row.status === "submitted" && <input type="checkbox" name="ids" value={row.id} form="bulk-entries" aria-label={t("select", { code: row.code ?? row.title })} className="h-5 w-5" />}
              </td>
              <th scope="row" className={`${td} whitespace-nowrap text-left font-mono text-sm font-normal`}>
                {row.code ?? "—"}
              </th>
              <td className={td}>
                <a href={localizedPath(locale, "/admin/entries/[id]", { id: row.id })} className="font-semibold text-brand-700 underline" aria-label={t("open", { code: `${row.code ?? ""} ${row.title}`.trim() })}>
                  {row.title || t("untitled")}
                </a>
                {(missing.get(row.id) ?? []).map((r: { id: string; name: { vi: string; en: string } }) => (
                  <span key={r.id} role="note" className="mt-1 block rounded bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-900" data-testid="not-in-round">
                    {t("notInRound", { round: r.name[locale] })}
                    <span className="mt-1 block">
                      <ActionForm locale={locale} method="POST" url={`/api/admin/rounds/${r.id}/assignment/entries`} body={{ entryIds: [row.id] }} submitLabel={t("assignNow")} done={t("assignedNow")} tone="primary" inline />
                    </span>
                  </span>
                ))}
                <span className="block text-sm text-stone-700">{[row.authors.join(", "), row.outlet].filter(Boolean).join(" · ")}</span>
                {row.submittedAt && <span className="block text-sm text-stone-600">{t("submittedAt", { date: formatDate(row.submittedAt, locale) })}</span>}
                <EntryFiles locale={locale} entryId={row.id} files={row.files} />
              </td>
              <td className={td}>{names.get(row.category) ?? row.category}</td>
              <td className={td}>{status(`entry.${row.status as "submitted" | "withdrawn"}`)}</td>
              {row.status === "submitted" ? (
                <EligibilityCells locale={locale} entryId={row.id} label={row.code ?? row.title} eligibility={row.eligibility} reason={row.eligibilityReason} />
              ) : (
                <>
                  <td className={td}>
                    <EligibilityBadge locale={locale} value={row.eligibility} />
                    {row.eligibilityReason && <span className="mt-1 block text-sm text-stone-700">{row.eligibilityReason}</span>}
                  </td>
                  <td className={td}>
                    <span className="text-sm text-stone-600">{t("withdrawnNoDecision")}</span>
                  </td>
                </>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={filter.page}
        pageCount={result.pageCount}
        hrefFor={hrefFor}
        labels={{ nav: t("pages"), previous: t("previous"), next: t("next"), pageOf: t("pageOf", { page: filter.page, pages: result.pageCount }), page: (n) => t("page", { n }) }}
      />
    </AdminPage>
  );
}
