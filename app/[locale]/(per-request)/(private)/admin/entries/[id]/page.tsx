import type { ReactNode } from "react";
import { EntryMessages } from "@/components/admin/entry-messages";
import { entryMessages } from "@/lib/db/queries/mail";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSecretariat } from "@/lib/auth/page";
import { auditTime, auditWords } from "@/lib/audit/words";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { maxTotal } from "@/lib/contest/scoring";
import { getDb } from "@/lib/db/client";
import { findCurrentContest } from "@/lib/db/queries/contests";
import { entryDetail } from "@/lib/db/queries/entry-detail";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { entryParams } from "@/lib/validation/params";
import { ActionForm } from "@/components/admin/action-form";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { AdminPage } from "../../_views/admin-page";
import { EligibilityBadge, RoundStatusBadge } from "../../_views/badges";
import { EntryFiles } from "../../_views/entry-files";
import { DataTable, td } from "../../_views/table-scroll";
import { orNotFound } from "@/app/[locale]/_views/or-not-found";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin.EntryPage" });
  return { title: t("title") };
}

const SHEET_STYLES = { none: "bg-stone-200 text-stone-900", draft: "bg-amber-100 text-amber-900", submitted: "bg-green-100 text-green-900" } as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-10">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * One entry for the secretariat: its fields and authors, its files read inline as jurors receive
 * them, its eligibility with the decision and its history, its rounds with every sheet, and its
 * audit trail.
 */
export default async function AdminEntryPage({ params }: Props) {
  const locale = await pageLocale(params);
  const parsed = entryParams.safeParse(await params);
  if (!parsed.success) notFound();
  // Who is asking comes first: nobody else learns whether an entry exists.
  const caller = await requireSecretariat(locale, localizedPath(locale, "/admin/entries/[id]", { id: parsed.data.id }));
  const db = await getDb();
  const detail = await orNotFound(entryDetail(db, parsed.data.id));
  const t = await getTranslations({ locale, namespace: "Admin.EntryPage" });
  const st = await getTranslations({ locale, namespace: "Admin.Status" });
  const nav = await getTranslations({ locale, namespace: "Admin.Nav" });
  const contest = await findCurrentContest(db);
  const { entry } = detail;
  const category = contest?.categories.find((c) => c.code === entry.category);
  const words = auditWords(locale);
  const fileUrl = (fileId: string) => `/api/admin/entries/${entry.id}/files/${fileId}`;
  const none = <span className="text-stone-600">{t("none")}</span>;
  // Every message sent about this entry: to whom, when, which template.
  const messagesSlot: ReactNode = <EntryMessages entryId={entry.id} locale={locale} messages={await entryMessages(db, entry.id)} />;

  const fields: [string, ReactNode][] = [
    [t("code"), <span key="code" className="font-mono">{entry.code ?? "—"}</span>],
    [t("category"), category?.name[locale] ?? entry.category],
    [t("status"), st(`entry.${entry.status as "submitted" | "withdrawn"}`)],
    [t("outlet"), entry.outlet || none],
    [t("publishedAt"), entry.publishedAt ? formatDate(entry.publishedAt, locale) : none],
    [
      t("url"),
      entry.url ? (
        <a href={entry.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline">
          {entry.url}
        </a>
      ) : (
        none
      ),
    ],
    [t("length"), entry.length !== null && category ? t(`unit.${category.unit}`, { n: entry.length }) : none],
    [t("submittedAt"), entry.submittedAt ? formatDateTime(entry.submittedAt, locale) : none],
    ...(entry.withdrawnAt ? ([[t("withdrawnAt"), formatDateTime(entry.withdrawnAt, locale)]] as [string, ReactNode][]) : []),
  ];

  return (
    <AdminPage
      locale={locale}
      caller={caller}
      section="/admin/entries"
      title={entry.title || t("untitled")}
      alternates={sameParamsAlternates("/admin/entries/[id]", { id: entry.id })}
      trail={[{ href: localizedPath(locale, "/admin/entries"), label: nav("entries") }]}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono text-lg" data-testid="entry-code">
          {entry.code ?? "—"}
        </span>
        <EligibilityBadge locale={locale} value={entry.eligibility} />
      </div>

      {detail.assignNow.map((round) => (
        <div key={round.id} role="note" className="mt-4 max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="assign-now">
          <p className="font-semibold">{t("notInRound", { round: round.name[locale] })}</p>
          <div className="mt-2">
            <ActionForm locale={locale} method="POST" url={`/api/admin/rounds/${round.id}/assignment/entries`} body={{ entryIds: [detail.entry.id] }} submitLabel={t("assignNow")} done={t("assignedNow")} tone="primary" />
          </div>
        </div>
      ))}

      <nav aria-label={t("onThisPage")} className="mt-4 rounded-lg border border-stone-200 bg-white p-3 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {(
            [
              ["entry-fields", t("fields")],
              ["entry-files", t("files")],
              ["entry-eligibility", t("eligibility")],
              ["entry-sheets", t("sheets")],
              ["entry-audit", t("audit")],
            ] as const
          ).map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="font-semibold text-brand-700 underline">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="entry-fields" title={t("fields")}>
        <dl className="mt-3 grid max-w-4xl gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          {fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd className="min-w-0">{value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-4 font-bold">{t("summary")}</h3>
        <p className="mt-1 max-w-3xl whitespace-pre-line">{entry.summary || t("none")}</p>
        {entry.parts.length > 0 && (
          <>
            <h3 className="mt-4 font-bold">{t("parts")}</h3>
            <ol className="mt-1 list-decimal pl-6">
              {entry.parts.map((p, i) => (
                <li key={i}>
                  {p.url ? (
                    <a href={p.url} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                      {p.title}
                    </a>
                  ) : (
                    p.title
                  )}
                  {p.publishedAt && <span className="text-stone-700"> · {formatDate(p.publishedAt, locale)}</span>}
                </li>
              ))}
            </ol>
          </>
        )}
        <h3 className="mt-4 font-bold">{t("authors")}</h3>
        <ul className="mt-1 space-y-1" data-testid="entry-authors">
          {entry.authors.map((a, i) => (
            <li key={i}>
              <span className="font-semibold">{a.name}</span>
              {a.penName && <span> ({t("penName", { name: a.penName })})</span>}
              {i === 0 && <span className="text-stone-700"> · {t("mainAuthor")}</span>}
              {a.email && <span className="break-all text-stone-700"> · {a.email}</span>}
              {a.status && a.status !== "accepted" && <span className="ml-1 rounded bg-amber-100 px-2 text-sm text-amber-900">{t(`coauthor.${a.status}`)}</span>}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="entry-files" title={t("files")}>
        <p className="mt-1 max-w-3xl text-stone-700">{t("filesIntro")}</p>
        {detail.files.length === 0 ? (
          <p className="mt-3">{t("noFiles")}</p>
        ) : (
          <ul className="mt-3 space-y-6">
            {detail.files.map((f) => (
              <li key={f.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="inline-file">
                <p className="break-all font-semibold">{f.fileName}</p>
                <div className="mt-2">
                  {f.contentType.startsWith("image/") ? (
                    <img src={fileUrl(f.id)} alt={t("imageOf", { name: f.fileName })} loading="lazy" className="max-h-[36rem] max-w-full rounded border border-stone-200" />
                  ) : f.contentType.startsWith("audio/") ? (
                    <audio controls preload="metadata" src={fileUrl(f.id)} className="w-full max-w-xl" aria-label={t("audioOf", { name: f.fileName })} />
                  ) : f.contentType.startsWith("video/") ? (
                    <video controls preload="metadata" src={fileUrl(f.id)} className="max-h-[36rem] w-full max-w-3xl" aria-label={t("videoOf", { name: f.fileName })} />
                  ) : (
                    <iframe src={fileUrl(f.id)} title={t("documentOf", { name: f.fileName })} className="h-[32rem] w-full rounded border border-stone-200 sm:h-[48rem]" />
                  )}
                </div>
                <a href={fileUrl(f.id)} target="_blank" rel="noopener" className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
                  {t("openCopy")}
                </a>
              </li>
            ))}
          </ul>
        )}
        <EntryFiles locale={locale} entryId={entry.id} files={detail.files} />
      </Section>

      <Section id="entry-eligibility" title={t("eligibility")}>
        <p className="mt-2">
          <EligibilityBadge locale={locale} value={entry.eligibility} />
          {entry.eligibilityReason && <span className="ml-2">{entry.eligibilityReason}</span>}
        </p>
        {entry.status === "submitted" ? (
          <div className="mt-3 max-w-xl rounded-lg border border-stone-200 bg-white p-4">
            <ActionForm
              locale={locale}
              method="POST"
              url={`/api/admin/entries/${entry.id}/eligibility`}
              legend={t("decide")}
              fields={[
                { name: "decision", kind: "select", label: t("decision"), options: [{ value: "eligible", label: st("eligibility.eligible") }, { value: "ineligible", label: st("eligibility.ineligible") }], initial: entry.eligibility ?? "eligible" },
                { name: "reason", kind: "textarea", label: t("reason"), hint: t("reasonHint") },
              ]}
              submitLabel={t("save")}
              done={t("saved")}
              tone="primary"
              resetOnDone
            />
          </div>
        ) : (
          <p className="mt-3 text-stone-700">{t("withdrawnNoDecision")}</p>
        )}
        <h3 className="mt-6 font-bold">{t("history")}</h3>
        {detail.eligibilityHistory.length === 0 ? (
          <p className="mt-1">{t("noHistory")}</p>
        ) : (
          <ol className="mt-1 space-y-2" data-testid="eligibility-history">
            {detail.eligibilityHistory.map((h, i) => (
              <li key={i}>
                <span className="text-sm text-stone-700">{auditTime(h.at)}</span> · <span className="font-semibold">{st(`eligibility.${h.eligibility ?? "pending"}`)}</span>
                {h.actor && <span> · {h.actor}</span>}
                {h.reason && <span className="block text-stone-800">{t("because", { reason: h.reason })}</span>}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="entry-sheets" title={t("sheets")}>
        {detail.rounds.length === 0 ? (
          <p className="mt-3">{t("noRounds")}</p>
        ) : (
          detail.rounds.map((round) => {
            const done = round.sheets.filter((s) => s.status === "submitted").length;
            const required = Math.max(round.jurorsPerEntry, round.sheets.length);
            return (
              <div key={round.id} className="mt-4">
                <div className="flex flex-wrap items-center gap-3">
                  <h3 className="text-xl font-bold">
                    <a href={localizedPath(locale, "/admin/rounds/[id]", { id: round.id })} className="text-brand-700 underline">
                      {round.name[locale]}
                    </a>
                  </h3>
                  <RoundStatusBadge locale={locale} status={round.status} />
                  <span data-testid="sheets-done">{t("sheetsDone", { done, required })}</span>
                </div>
                {round.sheets.length === 0 ? (
                  <p className="mt-2">{t("nobodyAssigned")}</p>
                ) : (
                  <DataTable
                    label={t("sheetsOf", { round: round.name[locale] })}
                    className="min-w-[44rem]"
                    columns={[t("juror"), t("sheetStatus"), ...round.rubric.map((c) => ({ label: t("criterion", { name: c.name[locale], max: c.maxPoints }), numeric: true as const })), { label: t("total", { max: maxTotal(round.rubric) }), numeric: true }, t("comment")]}
                  >
                    {round.sheets.map((s) => (
                      <tr key={s.jurorId} data-testid="entry-sheet">
                        <th scope="row" className={`${td} text-left font-normal`}>
                          {s.juror}
                        </th>
                        <td className={td}>
                          <span className={`whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${SHEET_STYLES[s.status ?? "none"]}`}>{st(`sheet.${s.status ?? "none"}`)}</span>
                        </td>
                        {round.rubric.map((c) => (
                          <td key={c.key} className={`${td} text-right`}>
                            {s.status && s.values[c.key] !== undefined ? formatNumber(s.values[c.key]!, locale) : "—"}
                          </td>
                        ))}
                        <td className={`${td} text-right font-semibold`}>{s.total === null ? "—" : formatNumber(s.total, locale)}</td>
                        <td className={`${td} max-w-[24rem] whitespace-pre-line text-sm`}>{s.comment || "—"}</td>
                      </tr>
                    ))}
                  </DataTable>
                )}
              </div>
            );
          })
        )}
      </Section>

      {messagesSlot && (
        <Section id="entry-messages" title={t("messages")}>
          {messagesSlot}
        </Section>
      )}

      <Section id="entry-audit" title={t("audit")}>
        {detail.audit.length === 0 ? (
          <p className="mt-3">{t("noAudit")}</p>
        ) : (
          <ol className="mt-3 space-y-3" data-testid="entry-audit">
            {detail.audit.map((a) => {
              const changes = words.changes(a.before, a.after);
              return (
                <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-3">
                  <p>
                    <span className="text-sm text-stone-700">{auditTime(a.at)}</span> · <span className="font-semibold">{words.action(a.action)}</span>
                    <span> · {a.actor ?? t("system")}</span>
                  </p>
                  {changes.length > 0 && (
                    <ul className="mt-1 text-sm">
                      {changes.map((c) => (
                        <li key={c.label} className="break-words">
                          <span className="font-semibold">{c.label}:</span> {c.before} → {c.after}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </Section>
    </AdminPage>
  );
}
