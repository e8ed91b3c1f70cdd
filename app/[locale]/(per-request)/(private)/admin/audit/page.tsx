import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { listAudit } from "@/lib/db/queries/audit";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { auditQuery } from "@/lib/validation/admin";
import { AuditList } from "@/components/admin/audit-list";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../_views/admin-page";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Audit" });
  return { title: t("title") };
}

// Prize decisions are recorded on their entry (and proposals on the contest), so "prize" is not offered.
const ENTITIES = ["entry", "round", "assignment", "score", "conflict", "account", "contest"] as const;
const PAGE = 50;

/** The audit log, newest first, optionally of one kind of object, with "load more". */
export default async function AdminAuditPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const here = localizedPath(locale, "/admin/audit");
  const caller = await requireSecretariat(locale, here);
  const t = await getTranslations({ locale, namespace: "Admin.Audit" });
  const entities = await getTranslations({ locale, namespace: "Admin.Entities" });
  const requested = (await searchParams).entity;
  const entity = typeof requested === "string" && (ENTITIES as readonly string[]).includes(requested) ? requested : undefined;
  const query = auditQuery.parse({ limit: String(PAGE), ...(entity ? { entity } : {}) });
  const { items, nextCursor } = await listAudit(await getDb(), query);

  return (
    <AdminPage locale={locale} caller={caller} section="/admin/audit" title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/admin/audit")} forms={["AuditList", "Actions", "Entities"]}>
      <form method="get" action={here} aria-label={t("filters")} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="audit-entity" className="block font-semibold">
            {t("entity")}
          </label>
          <select id="audit-entity" name="entity" defaultValue={entity ?? ""} className="mt-1 rounded-md border border-stone-400 bg-white px-3 py-2 text-base">
            <option value="">{t("anyEntity")}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {entities(e)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("apply")}
        </button>
      </form>
      <div className="mt-6">
        <AuditList
          // A new filter starts a new list.
          key={entity ?? "all"}
          locale={locale}
          filtered={entity !== undefined}
          initial={items}
          nextCursor={nextCursor}
          query={new URLSearchParams({ limit: String(PAGE), ...(entity ? { entity } : {}) }).toString()}
          roundHref={localizedPath(locale, "/admin/rounds/[id]", { id: "__ID__" })}
        />
      </div>
    </AdminPage>
  );
}
