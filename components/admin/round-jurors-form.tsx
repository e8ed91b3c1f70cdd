"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import type { JurorOption, RoundDetail } from "@/lib/db/queries/secretariat";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = { locale: string; roundId: string; jurors: JurorOption[]; categories: { code: string; name: string }[]; members: RoundDetail["members"] };

/**
 * Who judges the round and on which panels: every juror account with a box to include them and
 * the categories they judge (none ticked: every category). Saved in one PUT, which replaces
 * the round's list.
 */
export function RoundJurorsForm({ locale, roundId, jurors, categories, members }: Props) {
  const t = useTranslations("Admin.RoundJurors");
  const router = useRouter();
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState<Record<string, string[] | undefined>>(() => Object.fromEntries(members.map((m) => [m.jurorId, m.panels])));
  const { busy, errors, alert, status, setStatus, refuse, send } = useAdminForm(locale);

  const save = async () => {
    const list = jurors.filter((j) => chosen[j.id]).map((j) => ({ jurorId: j.id, panels: chosen[j.id]! }));
    await send(`/api/admin/rounds/${roundId}/jurors`, { method: "PUT", body: { jurors: list } }, {
      done: () => {
        setStatus(t("jurorsSaved"));
        router.refresh();
      },
      refused: (error) => {
        const byJuror: Record<string, string> = {};
        for (const [path, message] of Object.entries(error.fields ?? {})) {
          const match = /^jurors\.(\d+)\./.exec(path);
          const juror = match ? list[Number(match[1])] : undefined;
          if (juror) byJuror[juror.jurorId] = message;
        }
        refuse(byJuror, error.message);
      },
    });
  };

  return (
    <form
      noValidate
      aria-labelledby="jurors-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={!hydrated || busy}>
        <legend className="sr-only">{t("jurorsLegend")}</legend>
        {jurors.length === 0 && <p>{t("noJurorAccounts")}</p>}
        <ul className="space-y-3">
          {jurors.map((j) => {
            const panels = chosen[j.id];
            const id = `juror-${j.id}`;
            return (
              <li key={j.id} className="rounded-md border border-stone-200 bg-white p-3">
                <label htmlFor={id} className="flex flex-wrap items-center gap-2 font-semibold">
                  <input
                    id={id}
                    type="checkbox"
                    className="h-4 w-4"
                    checked={panels !== undefined}
                    aria-describedby={errors[j.id] ? `${id}-error` : undefined}
                    onChange={(e) => setChosen((all) => ({ ...all, [j.id]: e.target.checked ? [] : undefined }))}
                  />
                  {j.name}
                  <span className="text-sm font-normal text-stone-600">{j.email}</span>
                  {j.disabled && <span className="rounded bg-stone-200 px-2 text-sm font-normal">{t("disabled")}</span>}
                </label>
                {panels !== undefined && (
                  <fieldset className="mt-2 pl-6">
                    <legend className="text-sm font-semibold">{t("panelsOf", { name: j.name })}</legend>
                    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                      {categories.map((c) => (
                        <label key={c.code} className="inline-flex items-center gap-2 text-sm">
                          <input
                            type="checkbox"
                            className="h-4 w-4"
                            checked={panels.includes(c.code)}
                            onChange={(e) => setChosen((all) => ({ ...all, [j.id]: e.target.checked ? [...panels, c.code] : panels.filter((p) => p !== c.code) }))}
                          />
                          {c.name}
                        </label>
                      ))}
                    </div>
                    <p className="mt-1 text-sm text-stone-600">{panels.length === 0 ? t("allPanels") : t("somePanels", { n: panels.length })}</p>
                  </fieldset>
                )}
                {errors[j.id] && (
                  <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
                    {errors[j.id]}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {alert && <ErrorAlert className="mt-3 p-3">{alert}</ErrorAlert>}
        <button type="submit" className="mt-3 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("saveJurors")}
        </button>
        <p role="status" className="mt-1 text-sm text-green-900">
          {status}
        </p>
      </fieldset>
    </form>
  );
}
