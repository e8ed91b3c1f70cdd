import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireEditor } from "@/lib/auth/page";
import { getField, getMovement, provinceLabel } from "@/lib/content/taxonomies";
import { NOMINATION_CHECKS } from "@/lib/contest/vocabulary";
import { getDb } from "@/lib/db/client";
import { nominationForEditor, type EditorView } from "@/lib/db/queries/nominations";
import type { Nomination, NominationFile } from "@/lib/db/schema";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { consentLink } from "@/lib/nominations/links";
import { mayAct } from "@/lib/nominations/rules";
import { formatNumber, formatSize } from "@/lib/i18n/format";
import { sameParamsAlternates } from "@/lib/seo/metadata";
import { nominationCodeParams } from "@/lib/validation/nomination";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { SignedInBar } from "@/app/[locale]/_views/signed-in-bar";
import { control } from "@/app/[locale]/_views/nominate/controls";
import { orNotFound } from "@/app/[locale]/_views/or-not-found";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const DONE = ["review", "askMore", "reject", "accept", "published", "consentLink"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Editor" });
  return { title: `${(await params).code} · ${t("title")}` };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 className="text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

const small = "rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";

/** One nomination for an editor (every reading audited): what was said, who said it, the checklist, and the decisions. */
export default async function EditorNominationPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const parsed = nominationCodeParams.safeParse({ code: (await params).code });
  if (!parsed.success) notFound();
  const code = parsed.data.code;
  const caller = await requireEditor(locale, localizedPath(locale, "/editor/[code]", { code }));
  const t = await getTranslations({ locale, namespace: "Editor" });
  const nt = await getTranslations({ locale, namespace: "Nominate" });
  const errors = await getTranslations({ locale, namespace: "Errors" });
  const view: EditorView = await orNotFound(nominationForEditor(await getDb(), code, caller.id));
  const q = await searchParams;
  const done = DONE.find((d) => d === q.done);
  const error = typeof q.error === "string" && /^\w{1,40}$/.test(q.error) && errors.has(q.error as never) ? errors(q.error as never, { minutes: 60 } as never) : null;
  const n = view.nomination;
  const api = `/api/editor/nominations/${n.code}`;
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));

  const people = (m: Nomination, files: NominationFile[]) => (
    <div className="space-y-3">
      <p className="whitespace-pre-line">{m.deeds}</p>
      {m.evidenceLinks.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("links")}</h3>
          <ul className="list-disc pl-5">
            {m.evidenceLinks.map((l) => (
              <li key={l} className="break-all">
                <a className="text-brand-700 underline" href={l} rel="noopener noreferrer nofollow" target="_blank">
                  {l}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {files.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("files")}</h3>
          <ul className="list-disc pl-5">
            {files.map((f) => (
              <li key={f.id}>
                <a className="text-brand-700 underline" href={`${api}/files/${f.id}`}>
                  {f.fileName}
                </a>{" "}
                ({formatSize(f.size, locale)}){f.removedMetadata.length > 0 && ` · ${t("removed", { keys: formatNumber(f.removedMetadata.length, locale) })}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <dl className="grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-semibold">{t("nominator")}</dt>
        <dd className="break-all">
          {m.nominatorName} · {m.nominatorEmail} · {m.nominatorPhone}
        </dd>
        <dt className="font-semibold">{t("relation")}</dt>
        <dd>{nt(`relations.${m.nominatorRelation}` as never)}</dd>
        <dt className="font-semibold">{t("referees")}</dt>
        <dd>{m.referees.length ? m.referees.map((r) => `${r.name} (${r.contact})`).join("; ") : t("none")}</dd>
      </dl>
      {m.moreAnswers.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("moreAnswers")}</h3>
          {m.moreAnswers.map((a, i) => (
            <div key={i} className="mt-2 rounded bg-stone-50 p-2">
              <p className="text-sm text-stone-600">{formatDate(a.at, locale)}</p>
              <p className="whitespace-pre-line">{a.text}</p>
              {a.links.map((l) => (
                <p key={l} className="break-all text-sm">
                  {l}
                </p>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <SimplePage locale={locale} title={n.nominee.name} alternates={sameParamsAlternates("/editor/[code]", { code })}>
      <SignedInBar locale={locale} name={caller.name} />
      <p className="mt-3">
        <Link className="text-brand-700 underline" href={localizedPath(locale, "/editor")}>
          {t("back")}
        </Link>
      </p>
      {done && (
        <p role="status" className="mt-4 rounded-lg bg-green-50 p-3 text-green-900">
          {t(`done.${done}`)}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          {t("error", { message: error })}
        </p>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <Section title={`${n.code} · ${t(`statuses.${n.status}`)}`}>
            <dl className="grid gap-1 sm:grid-cols-[12rem_1fr]">
              <dt className="font-semibold">{t("kind")}</dt>
              <dd>{t(`kinds.${n.nominee.kind}`)}</dd>
              <dt className="font-semibold">{t("role")}</dt>
              <dd>{n.nominee.role}</dd>
              <dt className="font-semibold">{t("directWorker")}</dt>
              <dd>{yesNo(n.nominee.directWorker)}</dd>
              <dt className="font-semibold">{t("province")}</dt>
              <dd>{provinceLabel(n.nominee.province, locale)}</dd>
              <dt className="font-semibold">{t("movement")}</dt>
              <dd>{getMovement(n.nominee.movement)?.shortName[locale]}</dd>
              <dt className="font-semibold">{t("field")}</dt>
              <dd>{getField(n.nominee.field)?.name[locale]}</dd>
            </dl>
            <h3 className="pt-2 font-semibold">{t("deeds")}</h3>
            {people(n, view.files)}
          </Section>
          {view.merged.length > 0 && (
            <Section title={t("mergedTitle", { count: view.merged.length })}>
              {view.merged.map((m) => (
                <div key={m.id} className="border-t border-stone-200 pt-3">
                  <p className="text-sm text-stone-600">
                    {m.code}
                    {m.confirmedAt && ` · ${formatDate(m.confirmedAt, locale)}`}
                  </p>
                  {people(m, m.files)}
                </div>
              ))}
            </Section>
          )}
        </div>

        <div className="space-y-6">
          <Section title={t("checklistTitle")}>
            <form method="post" action={api} className="space-y-3">
              <input type="hidden" name="locale" value={locale} />
              {NOMINATION_CHECKS.map((c) => (
                <label key={c} className="flex items-center gap-2">
                  <input type="checkbox" name={c} value="yes" defaultChecked={n.checklist[c] === true} disabled={!mayAct("review", n.status)} className="h-5 w-5" /> {t(`checks.${c}`)}
                </label>
              ))}
              <label htmlFor="notes" className="block font-semibold">
                {t("notes")}
              </label>
              <textarea id="notes" name="notes" rows={4} defaultValue={n.notes} disabled={!mayAct("review", n.status)} className={control} />
              {mayAct("review", n.status) && (
                <button type="submit" className={small}>
                  {t("save")}
                </button>
              )}
            </form>
          </Section>

          <Section title={t("consentTitle")}>
            {n.consentAt ? (
              <p>{t("consentGiven", { date: formatDate(n.consentAt, locale), name: n.consentBy ?? "" })}</p>
            ) : mayAct("consentLink", n.status) ? (
              <>
                <p>{t("consentMissing")}</p>
                <p className="break-all rounded bg-stone-50 p-2 font-mono text-sm" data-testid="consent-link">
                  {consentLink(n.id)}
                </p>
              </>
            ) : null}
          </Section>

          {mayAct("askMore", n.status) && (
            <Section title={t("askTitle")}>
              <form method="post" action={`${api}/more`} className="space-y-3">
                <input type="hidden" name="locale" value={locale} />
                <label htmlFor="ask-message" className="block font-semibold">
                  {t("askMessage")}
                </label>
                <textarea id="ask-message" name="message" required minLength={10} rows={3} className={control} />
                <button type="submit" className={small}>
                  {t("askSend")}
                </button>
              </form>
            </Section>
          )}

          {mayAct("accept", n.status) && (
            <Section title={t("acceptTitle")}>
              <p className="text-sm text-stone-700">{t("acceptNote")}</p>
              <form method="post" action={`${api}/accept`}>
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className={small}>
                  {t("acceptSend")}
                </button>
              </form>
            </Section>
          )}

          {mayAct("reject", n.status) && (
            <Section title={t("rejectTitle")}>
              <form method="post" action={`${api}/reject`} className="space-y-3">
                <input type="hidden" name="locale" value={locale} />
                <label htmlFor="reject-reason" className="block font-semibold">
                  {t("rejectReason")}
                </label>
                <textarea id="reject-reason" name="reason" required minLength={10} rows={3} className={control} />
                <button type="submit" className="rounded-md border border-red-700 bg-white px-4 py-2 font-semibold text-red-800">
                  {t("rejectSend")}
                </button>
              </form>
            </Section>
          )}

          {(n.status === "accepted" || n.status === "published") && (
            <Section title={t("draftTitle")}>
              <p className="text-sm text-stone-700">{t("draftNote", { code: n.code })}</p>
              <a className={`inline-block ${small}`} href={`${api}/draft`} download>
                {t("draftDownload")}
              </a>
            </Section>
          )}

          {mayAct("published", n.status) && (
            <Section title={t("publishedTitle")}>
              <form method="post" action={`${api}/published`} className="space-y-3">
                <input type="hidden" name="locale" value={locale} />
                <label htmlFor="published-slug" className="block font-semibold">
                  {t("publishedSlug")}
                </label>
                <p id="published-slug-hint" className="text-sm text-stone-600">
                  {t("publishedSlugHint")}
                </p>
                <input id="published-slug" name="slug" required defaultValue={n.storySlug ?? ""} aria-describedby="published-slug-hint" className={control} />
                <button type="submit" className={small}>
                  {t("publishedSend")}
                </button>
              </form>
            </Section>
          )}
        </div>
      </div>
    </SimplePage>
  );
}
