import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { auditTime, auditWords } from "@/lib/audit/words";
import { getDb } from "@/lib/db/client";
import { auditActors, listAudit } from "@/lib/db/queries/audit";
import { messages } from "@/lib/i18n/messages";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { auditQuery, type AuditQuery } from "@/lib/validation/admin";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";
import { DataTable, td } from "../_views/table-scroll";
import { FilterActions } from "../_views/filter-actions";

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Audit" });
  return { title: t("title") };
}

// Prize decisions are recorded on their entry (and proposals on the contest), so "prize" is not offered.
const ENTITIES = ["entry", "round", "assignment", "score", "conflict", "account", "contest", "setting"] as const;
const PAGE = 50;
const FILTERS = ["actorId", "entity", "code", "action"] as const;

/** The query string as filters: a value the API would refuse is dropped, so the page still shows. */
function parseFilters(search: Search): AuditQuery {
  const picked: Record<string, string> = {};
  for (const key of [...FILTERS, "cursor"] as const) {
    const v = search[key];
    if (typeof v !== "string" || v === "") continue;
    const one = auditQuery.safeParse({ [key]: v });
    if (one.success) picked[key] = v;
  }
  return auditQuery.parse({ ...picked, limit: String(PAGE) });
}

/**
 * The audit log a committee reads: who did what to which entry or person, when (Vietnam time),
 * and what changed, field by field in words; filters by actor, object and action kept in the URL,
 * pages by keyset, and the same rows as CSV.
 */
export default async function AdminAuditPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const here = localizedPath(locale, "/admin/audit");
  const caller = await requireSecretariat(locale, here);
  const t = await getTranslations({ locale, namespace: "Admin.Audit" });
  const list = await getTranslations({ locale, namespace: "Admin.AuditList" });
  const entities = await getTranslations({ locale, namespace: "Admin.Entities" });
  const query = parseFilters(await searchParams);
  const db = await getDb();
  const [{ items, nextCursor }, actors] = await Promise.all([listAudit(db, query), auditActors(db)]);
  const words = auditWords(locale);
  const actions = Object.keys(messages[locale].Admin.Actions)
    .map((key) => ({ value: key.replace(/_/g, "."), label: words.action(key.replace(/_/g, ".")) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const filterParams = new URLSearchParams();
  for (const key of FILTERS) if (query[key]) filterParams.set(key, String(query[key]));
  const withCursor = (cursor: string | null) => {
    const p = new URLSearchParams(filterParams);
    if (cursor) p.set("cursor", cursor);
    const qs = p.toString();
    return qs ? `${here}?${qs}` : here;
  };
  const entryHref = (id: string) => localizedPath(locale, "/admin/entries/[id]", { id });
  const roundHref = (id: string) => localizedPath(locale, "/admin/rounds/[id]", { id });
  const filtered = filterParams.toString() !== "";
  // min-w-0 and max-w-full: a long action name must not widen the form past a phone's screen.
  const control = "mt-1 w-full min-w-0 max-w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base";

  return (
    <AdminPage locale={locale} caller={caller} section="/admin/audit" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/audit")}>
      <form method="get" action={here} aria-label={t("filters")} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4 [&>div]:min-w-0">
        <div>
          <label htmlFor="audit-actor" className="block font-semibold">
            {t("actor")}
          </label>
          <select id="audit-actor" name="actorId" defaultValue={query.actorId ?? ""} className={control}>
            <option value="">{t("anyone")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-entity" className="block font-semibold">
            {t("entity")}
          </label>
          <select id="audit-entity" name="entity" defaultValue={query.entity ?? ""} className={control}>
            <option value="">{t("anyEntity")}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {entities(e)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-code" className="block font-semibold">
            {t("code")}
          </label>
          <input id="audit-code" name="code" type="text" defaultValue={query.code ?? ""} maxLength={40} placeholder="BC-2026-001" className={control} />
        </div>
        <div>
          <label htmlFor="audit-action" className="block font-semibold">
            {t("action")}
          </label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ""} className={control}>
            <option value="">{t("anyAction")}</option>
            {actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <FilterActions apply={t("apply")} reset={t("reset")} resetHref={here} className="sm:col-span-2 lg:col-span-4">
          <a href={`/api/admin/audit/export${filterParams.toString() ? `?${filterParams}` : ""}`} className="font-semibold text-brand-700 underline" data-testid="audit-csv">
            {t("csv")}
          </a>
        </FilterActions>
      </form>

      {items.length === 0 ? (
        <p className="mt-6">{filtered ? list("emptyFiltered") : list("empty")}</p>
      ) : (
        <DataTable label={list("tableLabel")} className="min-w-[52rem]" testId="audit" columns={[list("when"), list("action"), list("actor"), list("object"), list("changes")]}>
          {items.map((row) => {
            const changes = words.changes(row.before, row.after);
            const label = row.object.label;
            return (
              <tr key={row.id} data-testid="audit-row">
                <td className={`${td} whitespace-nowrap text-sm`}>{auditTime(row.createdAt)}</td>
                <th scope="row" className={`${td} text-left font-semibold`}>
                  {words.action(row.action)}
                </th>
                <td className={td}>{words.actor(row.actor?.name, row.after)}</td>
                <td className={`${td} text-sm`}>
                  <span className="block text-stone-700">{words.entity(row.entity)}</span>
                  {label && row.object.entryId ? (
                    <a href={entryHref(row.object.entryId)} className="font-semibold text-brand-700 underline" data-testid="audit-object">
                      {label}
                    </a>
                  ) : label && row.object.roundId ? (
                    <a href={roundHref(row.object.roundId)} className="font-semibold text-brand-700 underline" data-testid="audit-object">
                      {label}
                    </a>
                  ) : (
                    <span data-testid="audit-object">{label ?? list("unnamed")}</span>
                  )}
                </td>
                <td className={`${td} text-sm`}>
                  {changes.length === 0 ? (
                    <span className="text-stone-600">—</span>
                  ) : (
                    <ul className="space-y-1" data-testid="audit-changes">
                      {changes.map((c) => (
                        <li key={c.label} className="max-w-[32rem] break-words">
                          <span className="font-semibold">{c.label}:</span> {c.before} <span aria-hidden="true">→</span>
                          <span className="sr-only">{list("becomes")}</span> {c.after}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <nav aria-label={list("pages")} className="mt-4 flex flex-wrap gap-4">
        {query.cursor && (
          <a href={withCursor(null)} className="font-semibold text-brand-700 underline">
            {list("newest")}
          </a>
        )}
        {nextCursor ? (
          <a href={withCursor(nextCursor)} className="font-semibold text-brand-700 underline" rel="next">
            {list("older")}
          </a>
        ) : (
          items.length > 0 && <p className="text-sm text-stone-700">{list("end")}</p>
        )}
      </nav>
    </AdminPage>
  );
}
