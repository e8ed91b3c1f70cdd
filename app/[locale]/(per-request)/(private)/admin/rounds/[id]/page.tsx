import type { Metadata } from "next";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { listConflicts } from "@/lib/db/queries/assignments";
import { getRound, roundReview } from "@/lib/db/queries/rounds";
import { TENDENCY_MIN_SHEETS } from "@/lib/contest/ranking";
import { roundProgress } from "@/lib/db/queries/scores";
import { candidateJurors, pairKey } from "@/lib/contest/assignment";
import { maxTotal } from "@/lib/contest/scoring";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { entryParams } from "@/lib/validation/params";
import { ActionForm } from "@/components/admin/action-form";
import { AssignmentRunner } from "@/components/admin/assignment-runner";
import { RemindersForm } from "@/components/admin/reminders-form";
import { RoundJurorsForm } from "@/components/admin/round-jurors-form";
import { LevelsForm } from "@/components/admin/levels-form";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../../_views/admin-page";
import { roundDetail } from "@/lib/db/queries/secretariat";
import { RoundStatusBadge, scopeText } from "../../_views/badges";
import { ProgressBar } from "../../_views/progress-bar";
import { DataTable, td } from "../../_views/table-scroll";
import { orNotFound } from "@/app/[locale]/_views/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.Round" });
  return { title: t("title") };
}

const SHEET_STYLES = { none: "bg-stone-200 text-stone-900", draft: "bg-amber-100 text-amber-900", submitted: "bg-green-100 text-green-900" } as const;

/**
 * One round, from setting it up to its ranking: status, jurors and panels, automatic and manual
 * assignment, conflicts, progress with reminders, reopening a sheet, and the ranking.
 */
export default async function AdminRoundPage({ params }: Props) {
  const locale = await pageLocale(params);
  const parsed = entryParams.safeParse(await params);
  if (!parsed.success) notFound();
  // Who is asking comes first: nobody else learns whether a round exists.
  const caller = await requireSecretariat(locale, localizedPath(locale, "/admin/rounds/[id]", { id: parsed.data.id }));
  const db = await getDb();
  const round = await orNotFound(getRound(db, parsed.data.id));
  const t = await getTranslations({ locale, namespace: "Admin.Round" });
  const st = await getTranslations({ locale, namespace: "Admin.Status" });
  const nav = await getTranslations({ locale, namespace: "Admin.Nav" });
  const levels = await getTranslations({ locale, namespace: "Admin.Levels" });
  const [contest, detail, conflicts, progress, review, scope] = await Promise.all([
    findCurrentContest(db),
    roundDetail(db, round.id),
    listConflicts(db, round.id),
    roundProgress(db, round),
    roundReview(db, round),
    scopeText(locale, round.scope),
  ]);
  const ranking = review.rows;
  // The review already counted every entry's sheets: what closing now would leave out.
  const missing = round.status === "open" ? review.missing : 0;
  const categories = contest?.categories.map((c) => ({ code: c.code, name: c.name[locale] })) ?? [];
  const categoryName = new Map(categories.map((c) => [c.code, c.name]));
  const jurorName = new Map(detail.jurors.map((j) => [j.id, j.name]));
  const entryById = new Map(detail.entries.map((e) => [e.id, e]));
  const entryLabel = (id: string) => {
    const e = entryById.get(id);
    return e ? t("entryLabel", { code: e.code ?? "—", title: e.title || t("untitled") }) : id;
  };
  const members = new Map(detail.members.map((m) => [m.jurorId, m.panels]));
  const roundMembers = detail.jurors.flatMap((j) => (members.has(j.id) ? [{ ...j, panels: members.get(j.id)! }] : []));
  const assignedPairs = new Set(detail.sheets.map((s) => pairKey(s.jurorId, s.entryId)));
  const conflictedPairs = new Set(conflicts.map((c) => pairKey(c.juror.id, c.entry.id)));
  const closed = round.status === "closed";
  const top = maxTotal(round.rubric);
  const num = (v: number | null) => (v === null ? "—" : formatNumber(v, locale));
  const byCategory = categories.map((c) => ({ ...c, results: ranking.filter((r) => r.category === c.code && r.ready) })).filter((c) => c.results.length > 0);
  const notReady = ranking.filter((r) => !r.ready);
  const entryHref = (id: string) => localizedPath(locale, "/admin/entries/[id]", { id });
  const jurorProgress = progress.jurors.map((p) => ({ ...p, name: jurorName.get(p.id) ?? p.id })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const entryProgress = new Map(progress.entries.map((p) => [p.id, p]));
  const totals = progress.jurors.reduce((acc, p) => ({ assigned: acc.assigned + p.assigned, submitted: acc.submitted + p.submitted }), { assigned: 0, submitted: 0 });
  const RankingRow = ({ r }: { r: (typeof ranking)[number] }) => {
    const e = entryById.get(r.entryId);
    return (
      <tr data-testid="ranking-row" data-ready={r.ready ? "true" : "false"}>
        <td className={`${td} text-right font-bold`}>{r.rank ?? "—"}</td>
        <th scope="row" className={`${td} text-left font-normal`}>
          <span className="block font-mono text-sm">{e?.code ?? "—"}</span>
          <a href={entryHref(r.entryId)} className="text-brand-700 underline">
            {e?.title || t("untitled")}
          </a>
        </th>
        <td className={`${td} whitespace-nowrap text-right`} data-testid="sheets-done">
          {r.sheets.done}/{r.sheets.required}
        </td>
        <td className={`${td} text-right font-semibold`}>
          {num(r.mean)}
          {!r.ready && r.mean !== null && <span className="block text-xs font-normal text-stone-700">{t("provisional")}</span>}
        </td>
        <td className={`${td} text-right`}>{num(r.normalised)}</td>
        <td className={`${td} text-sm`}>{r.totals.length ? r.totals.map((v) => formatNumber(v, locale)).join(" · ") : "—"}</td>
        <td className={`${td} text-right`}>{num(r.spread)}</td>
        <td className={`${td} text-sm`}>
          {!r.ready && <span className="mr-1 inline-block rounded bg-stone-200 px-2 font-semibold text-stone-900">{t("notReady")}</span>}
          {r.disagreements > 0 && <span className="mr-1 inline-block rounded bg-red-100 px-2 font-semibold text-red-900">{t("disagreement", { n: r.disagreements })}</span>}
          {r.tied && <span className="mr-1 inline-block rounded bg-amber-100 px-2 font-semibold text-amber-900">{t("tied")}</span>}
          {r.outliers.map((o) => (
            <span key={o.jurorId} className="mt-1 block rounded bg-red-50 px-2 text-red-900" data-testid="outlier">
              {t("outlier", { name: jurorName.get(o.jurorId) ?? o.jurorId, total: formatNumber(o.total, locale), others: formatNumber(o.median, locale) })}
            </span>
          ))}
          {r.jurors === 0 && <span className="text-stone-700">{t("unscored")}</span>}
        </td>
      </tr>
    );
  };
  const toc = [
    ["round-settings", t("settings")],
    ["round-jurors", t("jurors")],
    ["round-assignment", t("assignment")],
    ["round-progress", t("progress")],
    ["round-entries", t("entries")],
    ["round-conflicts", t("conflicts")],
    ["round-ranking", t("ranking")],
  ] as const;

  return (
    <AdminPage
      locale={locale}
      caller={caller}
      section="/admin/rounds"
      title={round.name[locale]}
      alternates={sameParamsAlternates("/admin/rounds/[id]", { id: round.id })}
      trail={[{ href: localizedPath(locale, "/admin/rounds"), label: nav("rounds") }]}
      forms={["Assignment", "RoundJurors", "Reminders", "Levels"]}
    >
      <nav aria-label={t("onThisPage")} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {toc.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="font-semibold text-brand-700 underline">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="round-settings" aria-labelledby="round-settings-heading" className="mt-8">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="round-settings-heading" className="text-2xl font-bold">
            {t("settings")}
          </h2>
          <RoundStatusBadge locale={locale} status={round.status} />
        </div>
        <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2">
          <div>
            <dt className="inline font-semibold">{t("scope")}: </dt>
            <dd className="inline">{scope}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{t("jurorsPerEntry")}: </dt>
            <dd className="inline">{round.jurorsPerEntry}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{t("threshold")}: </dt>
            <dd className="inline">{t("thresholdValue", { n: round.disagreementThreshold })}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{t("mode")}: </dt>
            <dd className="inline">{round.blind ? t("blind") : t("open")}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{t("opensAt")}: </dt>
            <dd className="inline">{round.opensAt ? formatDateTime(round.opensAt, locale) : t("noDate")}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{t("closesAt")}: </dt>
            <dd className="inline">{round.closesAt ? formatDateTime(round.closesAt, locale) : t("noDate")}</dd>
          </div>
        </dl>
        <h3 className="mt-4 font-bold">{t("rubric", { max: top })}</h3>
        <ol className="mt-1 list-decimal pl-6">
          {round.rubric.map((c) => (
            <li key={c.key}>{t("criterion", { name: c.name[locale], max: c.maxPoints, weight: c.weight })}</li>
          ))}
        </ol>
        {!closed && (
          <details className="mt-3" data-testid="levels">
            <summary className="cursor-pointer font-semibold text-brand-700">{levels("title")}</summary>
            <p className="mt-2 max-w-3xl text-sm text-stone-700">{levels("intro")}</p>
            <div className="mt-3">
              <LevelsForm locale={locale} roundId={round.id} criteria={round.rubric.map((c) => ({ key: c.key, name: c.name[locale], maxPoints: c.maxPoints, levels: c.levels ?? [] }))} />
            </div>
          </details>
        )}
        {round.blind && (
          <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="blind-note">
            {t("blindNote")}
          </p>
        )}
        <div className="mt-4">
          {round.status === "draft" && (
            <ActionForm locale={locale} method="PATCH" url={`/api/admin/rounds/${round.id}`} body={{ status: "open" }} submitLabel={t("openRound")} confirm={t("openConfirm")} done={t("opened")} tone="primary" />
          )}
          {round.status === "open" && (
            missing > 0 ? (
              <div className="max-w-2xl rounded-lg border border-red-200 bg-red-50 p-4" data-testid="close-missing">
                <p className="font-semibold text-red-900">{t("closeMissing", { n: missing })}</p>
                <div className="mt-2">
                  <ActionForm locale={locale} method="PATCH" url={`/api/admin/rounds/${round.id}`} body={{ status: "closed" }} fields={[{ name: "reason", kind: "textarea", label: t("closeReason") }]} submitLabel={t("closeRound")} confirm={t("closeConfirm")} done={t("closedDone")} tone="danger" />
                </div>
              </div>
            ) : (
              <ActionForm locale={locale} method="PATCH" url={`/api/admin/rounds/${round.id}`} body={{ status: "closed" }} submitLabel={t("closeRound")} confirm={t("closeConfirm")} done={t("closedDone")} tone="danger" />
            )
          )}
          {closed && <p>{t("closedNote")}</p>}
        </div>
      </section>

      <section id="round-jurors" aria-labelledby="jurors-heading" className="mt-10">
        <h2 id="jurors-heading" className="text-2xl font-bold">
          {t("jurors")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("jurorsIntro")}</p>
        <div className="mt-3">
          {closed ? (
            <ul className="list-disc pl-6">
              {roundMembers.map((j) => (
                <li key={j.id}>{j.name}</li>
              ))}
            </ul>
          ) : (
            <RoundJurorsForm locale={locale} roundId={round.id} jurors={detail.jurors.filter((j) => !j.disabled || members.has(j.id))} categories={categories} members={detail.members} />
          )}
        </div>
      </section>

      <section id="round-assignment" aria-labelledby="assignment-heading" className="mt-10">
        <h2 id="assignment-heading" className="text-2xl font-bold">
          {t("assignment")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("assignmentIntro", { n: round.jurorsPerEntry })}</p>
        <div className="mt-3">
          {closed ? (
            <p>{t("closedNote")}</p>
          ) : (
            <AssignmentRunner
              locale={locale}
              roundId={round.id}
              jurorNames={Object.fromEntries(detail.jurors.map((j) => [j.id, j.name]))}
              entryNames={Object.fromEntries(detail.entries.map((e) => [e.id, entryLabel(e.id)]))}
            />
          )}
        </div>
      </section>

      <section id="round-progress" aria-labelledby="progress-heading" className="mt-10">
        <h2 id="progress-heading" className="text-2xl font-bold">
          {t("progress")}
        </h2>
        <p className="mt-1" data-testid="round-progress">
          {t("progressTotal", { submitted: totals.submitted, assigned: totals.assigned })}
        </p>
        <ProgressBar label={t("progress")} value={totals.submitted} max={totals.assigned} />
        {jurorProgress.length === 0 ? (
          <p className="mt-3">{t("noAssignments")}</p>
        ) : (
          <DataTable label={t("byJuror")} className="min-w-[32rem]" columns={[t("juror"), { label: t("assigned"), numeric: true }, { label: t("notStarted"), numeric: true }, { label: t("drafts"), numeric: true }, { label: t("submitted"), numeric: true }]}>
            {jurorProgress.map((p) => (
              <tr key={p.id} data-testid="juror-progress">
                <th scope="row" className={`${td} text-left font-normal`}>{p.name}</th>
                <td className={`${td} text-right`}>{p.assigned}</td>
                <td className={`${td} text-right`}>{p.assigned - p.drafts - p.submitted}</td>
                <td className={`${td} text-right`}>{p.drafts}</td>
                <td className={`${td} text-right`}>{p.submitted}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {round.status === "open" && jurorProgress.some((p) => p.submitted < p.assigned) && (
          <div className="mt-4 max-w-3xl rounded-lg border border-stone-200 bg-white p-4">
            <h3 className="font-bold">{t("reminders")}</h3>
            <p className="text-sm text-stone-700">{t("remindersIntro")}</p>
            <div className="mt-2">
              <RemindersForm
                locale={locale}
                roundId={round.id}
                jurors={jurorProgress.filter((p) => p.submitted < p.assigned).map((p) => ({ id: p.id, name: p.name, left: p.assigned - p.submitted }))}
                names={Object.fromEntries(detail.jurors.map((j) => [j.id, j.name]))}
              />
            </div>
          </div>
        )}
      </section>

      <section id="round-entries" aria-labelledby="entries-heading" className="mt-10">
        <h2 id="entries-heading" className="text-2xl font-bold">
          {t("entries")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("entriesIntro")}</p>
        {detail.entries.length === 0 ? (
          <p className="mt-3">{t("noEntries")}</p>
        ) : (
          <DataTable label={t("byEntry")} className="min-w-[48rem]" columns={[t("entry"), t("sheets"), t("jurorsAndSheets"), !closed && t("addJuror")]}>
            {detail.entries.map((entry) => {
              const sheets = detail.sheets.filter((s) => s.entryId === entry.id).map((s) => ({ ...s, name: jurorName.get(s.jurorId) ?? s.jurorId })).sort((a, b) => a.name.localeCompare(b.name, locale));
              const p = entryProgress.get(entry.id);
              const candidates = candidateJurors(roundMembers, { id: entry.id, panel: entry.category, status: entry.status }, assignedPairs, conflictedPairs);
              const label = entryLabel(entry.id);
              return (
                <tr key={entry.id} data-testid="round-entry">
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <span className="block font-mono text-sm">{entry.code ?? "—"}</span>
                    <span className="font-semibold">{entry.title || t("untitled")}</span>
                    <span className="block text-sm text-stone-700">{categoryName.get(entry.category) ?? entry.category}</span>
                    {entry.status === "withdrawn" && <span className="mt-1 inline-block rounded bg-stone-200 px-2 text-sm">{st("entry.withdrawn")}</span>}
                  </th>
                  <td className={`${td} whitespace-nowrap`}>
                    {t("entrySheets", { submitted: p?.submitted ?? 0, required: round.jurorsPerEntry })}
                    {(p?.assigned ?? 0) < round.jurorsPerEntry && <span className="mt-1 block rounded bg-red-100 px-2 text-sm font-semibold text-red-900">{t("short", { n: round.jurorsPerEntry - (p?.assigned ?? 0) })}</span>}
                  </td>
                  <td className={td}>
                    {sheets.length === 0 ? (
                      <span className="text-sm text-stone-700">{t("nobody")}</span>
                    ) : (
                      <ul className="space-y-2">
                        {sheets.map((s) => {
                          const state = s.status ?? "none";
                          return (
                            <li key={s.jurorId}>
                              <span className="font-semibold">{s.name}</span>{" "}
                              <span className={`rounded px-2 py-0.5 text-sm font-semibold ${SHEET_STYLES[state]}`}>{t(`sheet.${state}`)}</span>
                              {!closed && (
                                <details className="mt-1">
                                  <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("sheetActions", { name: s.name })}</summary>
                                  <div className="mt-2 space-y-3">
                                    {s.status === "submitted" && s.scoreId ? (
                                      <ActionForm
                                        locale={locale}
                                        method="POST"
                                        url={`/api/admin/scores/${s.scoreId}/reopen`}
                                        legend={t("reopenFor", { name: s.name, entry: label })}
                                        fields={[{ name: "reason", kind: "textarea", label: t("reopenReason") }]}
                                        submitLabel={t("reopen")}
                                        done={t("reopened")}
                                      />
                                    ) : (
                                      <ActionForm
                                        locale={locale}
                                        method="DELETE"
                                        url={`/api/admin/rounds/${round.id}/assignments/${entry.id}/${s.jurorId}`}
                                        legend={t("removeFor", { name: s.name, entry: label })}
                                        submitLabel={t("remove")}
                                        confirm={t("removeConfirm", { name: s.name, entry: label })}
                                        done={t("removed")}
                                        tone="danger"
                                      />
                                    )}
                                  </div>
                                </details>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                  {!closed && (
                    <td className={`${td} min-w-[14rem]`}>
                      {candidates.length === 0 ? (
                        <span className="text-sm text-stone-700">{t("noCandidates")}</span>
                      ) : (
                        <ActionForm
                          locale={locale}
                          method="POST"
                          url={`/api/admin/rounds/${round.id}/assignments`}
                          body={{ entryId: entry.id }}
                          legend={t("addFor", { entry: label })}
                          fields={[{ name: "jurorId", kind: "select", label: t("juror"), options: candidates.map((j) => ({ value: j.id, label: j.name })), initial: candidates[0]!.id }]}
                          submitLabel={t("assign")}
                          done={t("assignedDone")}
                        />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>

      <section id="round-conflicts" aria-labelledby="conflicts-heading" className="mt-10">
        <h2 id="conflicts-heading" className="text-2xl font-bold">
          {t("conflicts")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("conflictsIntro")}</p>
        {conflicts.length === 0 ? (
          <p className="mt-3">{t("noConflicts")}</p>
        ) : (
          <DataTable label={t("conflictsTable")} className="min-w-[36rem]" columns={[t("juror"), t("entry"), t("conflictSource"), t("reason")]}>
            {conflicts.map((c) => (
              <tr key={`${c.juror.id}-${c.entry.id}-${c.source}`}>
                <th scope="row" className={`${td} text-left font-normal`}>{c.juror.name}</th>
                <td className={td}>{t("entryLabel", { code: c.entry.code ?? "—", title: c.entry.title || t("untitled") })}</td>
                <td className={td}>
                  {t(`source.${c.source}`)}
                  {c.createdBy && c.source === "secretariat" && <span className="block text-sm text-stone-700">{c.createdBy.name}</span>}
                </td>
                <td className={td}>{c.source === "automatic" ? t(`automatic.${c.reason as "author" | "coAuthor" | "outlet"}`) : c.reason || "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {detail.jurors.length > 0 && detail.entries.length > 0 && (
          <div className="mt-4 max-w-3xl rounded-lg border border-stone-200 bg-white p-4">
            <h3 className="font-bold">{t("addConflict")}</h3>
            <div className="mt-2">
              <ActionForm
                locale={locale}
                method="POST"
                url="/api/admin/conflicts"
                fields={[
                  { name: "jurorId", kind: "select", label: t("juror"), options: detail.jurors.map((j) => ({ value: j.id, label: j.name })), initial: detail.jurors[0]!.id },
                  { name: "entryId", kind: "select", label: t("entry"), options: detail.entries.map((e) => ({ value: e.id, label: entryLabel(e.id) })), initial: detail.entries[0]!.id },
                  { name: "reason", kind: "textarea", label: t("reason") },
                ]}
                submitLabel={t("recordConflict")}
                done={t("conflictRecorded")}
                resetOnDone
              />
            </div>
          </div>
        )}
      </section>

      <section id="round-ranking" aria-labelledby="ranking-heading" className="mt-10">
        <h2 id="ranking-heading" className="text-2xl font-bold">
          {t("ranking")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("rankingIntro", { max: top, threshold: round.disagreementThreshold })}</p>
        {ranking.length === 0 && <p className="mt-3">{t("noEntries")}</p>}
        {byCategory.map((c) => (
          <div key={c.code} className="mt-6">
            <h3 className="text-xl font-bold">{c.name}</h3>
            <DataTable label={t("rankingOf", { category: c.name })} className="min-w-[56rem]" testId="ranking" columns={[{ label: t("rank"), numeric: true }, t("entry"), { label: t("sheetsNeeded"), numeric: true }, { label: t("mean"), numeric: true }, { label: t("normalised"), numeric: true }, t("totals"), { label: t("spread"), numeric: true }, t("flags")]}>
              {c.results.map((r) => (
                <RankingRow key={r.entryId} r={r} />
              ))}
            </DataTable>
          </div>
        ))}
        <h3 className="mt-8 text-xl font-bold">{t("notReadyTitle")}</h3>
        <p className="mt-1 max-w-3xl text-stone-700">{t("notReadyIntro")}</p>
        {notReady.length === 0 ? (
          <p className="mt-2">{t("noneNotReady")}</p>
        ) : (
          <DataTable label={t("notReadyTitle")} className="min-w-[56rem]" testId="not-ready" columns={[{ label: t("rank"), numeric: true }, t("entry"), { label: t("sheetsNeeded"), numeric: true }, { label: t("mean"), numeric: true }, { label: t("normalised"), numeric: true }, t("totals"), { label: t("spread"), numeric: true }, t("flags")]}>
            {notReady.map((r) => (
              <RankingRow key={r.entryId} r={r} />
            ))}
          </DataTable>
        )}
        <h3 className="mt-8 text-xl font-bold">{t("tendencies")}</h3>
        <p className="mt-1 max-w-3xl text-stone-700">{t("tendenciesIntro", { half: formatNumber(round.disagreementThreshold / 2, locale), min: TENDENCY_MIN_SHEETS })}</p>
        {review.jurors.length === 0 ? (
          <p className="mt-2">{t("noTendencies")}</p>
        ) : (
          <DataTable label={t("tendencies")} className="min-w-[36rem]" testId="tendencies" columns={[t("juror"), { label: t("compared"), numeric: true }, { label: t("meanGap"), numeric: true }, t("tendency")]}>
            {review.jurors
              .map((j) => ({ ...j, name: jurorName.get(j.jurorId) ?? j.jurorId }))
              .sort((a, b) => a.name.localeCompare(b.name, locale))
              .map((j) => (
                <tr key={j.jurorId} data-testid="tendency-row">
                  <th scope="row" className={`${td} text-left font-normal`}>{j.name}</th>
                  <td className={`${td} text-right`}>{j.compared}</td>
                  <td className={`${td} text-right`}>{`${j.meanGap > 0 ? "+" : ""}${formatNumber(j.meanGap, locale)}`}</td>
                  <td className={td}>
                    {j.tendency ? (
                      <span className={`rounded px-2 font-semibold ${j.tendency === "harsher" ? "bg-blue-100 text-blue-900" : "bg-amber-100 text-amber-900"}`}>{t(j.tendency)}</span>
                    ) : (
                      <span className="text-stone-700">{j.compared < TENDENCY_MIN_SHEETS ? t("tooFew") : t("balanced")}</span>
                    )}
                  </td>
                </tr>
              ))}
          </DataTable>
        )}
        {ranking.some((r) => r.tied) && <p className="mt-3 max-w-3xl text-sm text-stone-700">{t("tiesNote")}</p>}
      </section>
    </AdminPage>
  );
}
