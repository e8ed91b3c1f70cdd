"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import { formatDateTimeShort } from "@/lib/i18n/format";
import type { AuditItem, AuditPage } from "@/lib/db/queries/audit";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = { locale: string; initial: AuditItem[]; nextCursor: string | null; query: string; roundHref: string; filtered: boolean };

// dd/mm/yyyy hh:mm:ss in Vietnam time, whatever the reader's own time zone.
const dateTime = (iso: string) => formatDateTimeShort(iso, "vi", { seconds: true });


/**
 * The audit log, newest first: the first page comes with the page, "load more" asks
 * GET /api/admin/audit for the rows after the last one shown (a keyset cursor, so rows written
 * meanwhile never shift what is loaded).
 */
export function AuditList({ locale, initial, nextCursor, query, roundHref, filtered }: Props) {
  const t = useTranslations("Admin.AuditList");
  const actions = useTranslations("Admin.Actions");
  const entities = useTranslations("Admin.Entities");
  const hydrated = useHydrated();
  const [rows, setRows] = useState(initial);
  const [cursor, setCursor] = useState(nextCursor);
  const { busy, alert, status, setStatus, setAlert, send } = useAdminForm(locale);
  // Action names in words: "entry.eligibility" is the message "entry_eligibility"; "round.open" etc. likewise.
  const actionName = (action: string) => {
    const key = action.replace(/\./g, "_") as Parameters<typeof actions>[0];
    return actions.has(key) ? actions(key) : action;
  };
  const entityName = (entity: string) => {
    const key = entity as Parameters<typeof entities>[0];
    return entities.has(key) ? entities(key) : entity;
  };

  const more = async () => {
    if (!cursor) return;
    const qs = new URLSearchParams(query);
    qs.set("cursor", cursor);
    await send<AuditPage>(`/api/admin/audit?${qs}`, { method: "GET" }, {
      working: false,
      done: (page) => {
        setRows((all) => [...all, ...page.items]);
        setCursor(page.nextCursor);
        setStatus(t("loaded", { n: page.items.length }));
      },
      refused: (error) => setAlert(error.message),
    });
  };

  if (rows.length === 0) return <p>{filtered ? t("emptyFiltered") : t("empty")}</p>;
  return (
    <div>
      <div role="region" aria-label={t("tableLabel")} tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
        <table className="w-full min-w-[48rem] border-collapse" data-testid="audit">
          <caption className="sr-only">{t("tableLabel")}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold">
                {t("when")}
              </th>
              <th scope="col" className="border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold">
                {t("action")}
              </th>
              <th scope="col" className="border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold">
                {t("actor")}
              </th>
              <th scope="col" className="border-b border-stone-300 bg-stone-100 px-3 py-2 text-left text-sm font-semibold">
                {t("object")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="audit-row">
                <td className="whitespace-nowrap border-b border-stone-200 px-3 py-2 align-top text-sm">{dateTime(row.createdAt)}</td>
                <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left align-top font-semibold">
                  {actionName(row.action)}
                  {(row.before !== null || row.after !== null) && (
                    <details className="mt-1 font-normal">
                      <summary className="cursor-pointer text-sm text-brand-700">{t("details")}</summary>
                      {row.before !== null && (
                        <>
                          <p className="mt-1 text-sm font-semibold">{t("before")}</p>
                          <pre className="max-h-64 max-w-[36rem] overflow-auto whitespace-pre-wrap break-all rounded bg-stone-100 p-2 text-xs">{JSON.stringify(row.before, null, 2)}</pre>
                        </>
                      )}
                      {row.after !== null && (
                        <>
                          <p className="mt-1 text-sm font-semibold">{t("after")}</p>
                          <pre className="max-h-64 max-w-[36rem] overflow-auto whitespace-pre-wrap break-all rounded bg-stone-100 p-2 text-xs">{JSON.stringify(row.after, null, 2)}</pre>
                        </>
                      )}
                    </details>
                  )}
                </th>
                <td className="border-b border-stone-200 px-3 py-2 align-top">{row.actor ? row.actor.name || row.actor.id : t("system")}</td>
                <td className="border-b border-stone-200 px-3 py-2 align-top text-sm">
                  {entityName(row.entity)}{" "}
                  {row.entity === "round" ? (
                    <a className="break-all font-mono text-brand-700 underline" href={roundHref.replace("__ID__", encodeURIComponent(row.entityId))}>
                      {row.entityId}
                    </a>
                  ) : (
                    <span className="break-all font-mono">{row.entityId}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {alert && <ErrorAlert className="mt-2 p-2 text-sm">{alert}</ErrorAlert>}
      <p role="status" className="mt-2 text-sm text-stone-700">
        {status}
      </p>
      {cursor ? (
        <button type="button" disabled={!hydrated || busy} onClick={() => void more()} className="mt-2 rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
          {busy ? t("loading") : t("more")}
        </button>
      ) : (
        <p className="mt-2 text-sm text-stone-700">{t("end")}</p>
      )}
    </div>
  );
}
