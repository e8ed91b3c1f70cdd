"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import type { AssignmentSummary } from "@/lib/db/queries/assignments";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = { locale: string; roundId: string; jurorNames: Record<string, string>; entryNames: Record<string, string> };

const REASONS = ["panel", "author", "coAuthor", "outlet", "declared"] as const;
const REASON_KEYS = { panel: "unmetPanel", author: "unmetAuthor", coAuthor: "unmetCoAuthor", outlet: "unmetOutlet", declared: "unmetDeclared" } as const;

/**
 * Runs the automatic assignment (POST …/assignment) and says what came of it: how many
 * assignments, each juror's load, and in plain words each entry that is short of jurors and why.
 */
export function AssignmentRunner({ locale, roundId, jurorNames, entryNames }: Props) {
  const t = useTranslations("Admin.Assignment");
  const router = useRouter();
  const hydrated = useHydrated();
  const [result, setResult] = useState<AssignmentSummary | null>(null);
  const { busy, alert, status, setStatus, refuse, send } = useAdminForm(locale);

  const run = async () => {
    if (!window.confirm(t("runConfirm"))) return;
    await send<AssignmentSummary>(`/api/admin/rounds/${roundId}/assignment`, { method: "POST" }, {
      done: (data) => {
        setResult(data);
        setStatus(t("runDone", { n: data.assignments, unmet: data.unmet.length }));
        router.refresh();
      },
      refused: (error) => refuse({}, error.message),
    });
  };

  const loads = result ? Object.entries(result.loads).sort(([a], [b]) => (jurorNames[a] ?? a).localeCompare(jurorNames[b] ?? b, locale)) : [];

  return (
    <div>
      <button type="button" disabled={!hydrated || busy} onClick={() => void run()} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("run")}
      </button>
      {alert && <ErrorAlert className="mt-2 p-3">{alert}</ErrorAlert>}
      <p role="status" className="mt-2 font-semibold text-green-900">
        {status}
      </p>
      {result && (
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="font-bold">{t("loads")}</h3>
            {loads.length === 0 ? (
              <p className="mt-1">{t("noRoundJurors")}</p>
            ) : (
              <table className="mt-2 w-full border-collapse rounded bg-white text-sm">
                <caption className="sr-only">{t("loads")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="border-b border-stone-300 px-2 py-1 text-left">
                      {t("juror")}
                    </th>
                    <th scope="col" className="border-b border-stone-300 px-2 py-1 text-right">
                      {t("load")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {loads.map(([id, n]) => (
                    <tr key={id}>
                      <th scope="row" className="border-b border-stone-200 px-2 py-1 text-left font-normal">
                        {jurorNames[id] ?? id}
                      </th>
                      <td className="border-b border-stone-200 px-2 py-1 text-right">{n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div>
            <h3 className="font-bold">{t("unmet")}</h3>
            {result.unmet.length === 0 ? (
              <p className="mt-1" data-testid="unmet-none">
                {t("unmetNone")}
              </p>
            ) : (
              <ul className="mt-1 list-disc space-y-2 pl-5" data-testid="unmet">
                {result.unmet.map((u) => {
                  const reasons = REASONS.filter((r) => u.excluded[r] > 0).map((r) => t(REASON_KEYS[r], { n: u.excluded[r] }));
                  return (
                    <li key={u.entryId}>
                      {t("unmetEntry", { entry: entryNames[u.entryId] ?? u.entryId, required: u.required, assigned: u.assigned })} {reasons.length > 0 ? t("unmetBecause", { reasons: reasons.join("; ") }) : t("unmetTooFew")}
                    </li>
                  );
                })}
              </ul>
            )}
            {result.unmet.length > 0 && <p className="mt-2 text-sm text-stone-700">{t("unmetHelp")}</p>}
          </div>
        </div>
      )}
    </div>
  );
}
