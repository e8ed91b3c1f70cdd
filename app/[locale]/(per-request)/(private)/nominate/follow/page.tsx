import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { nominationForNominator, type FollowView } from "@/lib/db/queries/nominations";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { localizedPath } from "@/lib/i18n/paths";
import { readNominationToken } from "@/lib/nominations/links";
import { followStep, type FollowStep } from "@/lib/nominations/rules";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { button, control } from "@/app/[locale]/_views/nominate/controls";
import { Field } from "@/components/portal/field";
import { ProblemList } from "@/app/[locale]/_views/nominate/problems";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const STEPS: FollowStep[] = ["received", "reviewing", "accepted", "published"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "NominationFollow" });
  return pageMetadata({ locale, title: t("title", { code: "" }).trim(), description: t("intro"), alternates: sameParamsAlternates("/nominate/follow") });
}

/** The nominator's page, reached only through their e-mailed link: confirm, follow, add what was asked. */
export default async function NominationFollowPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "NominationFollow" });
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const token = one(q.t) ?? "";
  const read = readNominationToken("follow", token);
  let view: FollowView | null = null;
  if (typeof read === "object") {
    try {
      view = await nominationForNominator(await getDb(), read.nominationId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  if (!view) {
    return (
      <SimplePage locale={locale} title={t("title", { code: "" }).trim()} alternates={sameParamsAlternates("/nominate/follow")}>
        <p role="alert" className="max-w-3xl rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          {read === "expired" ? t("expired") : t("invalid")}
        </p>
      </SimplePage>
    );
  }
  const n = view.nomination;
  const step = followStep(view.status);
  const current = STEPS.indexOf(step === "rejected" ? "accepted" : step);
  return (
    <SimplePage locale={locale} title={t("title", { code: n.code })} intro={t("intro")} alternates={sameParamsAlternates("/nominate/follow")}>
      <div className="max-w-3xl space-y-6">
        {one(q.e) && <ProblemList locale={locale} code={one(q.e)} fields={one(q.f)} />}
        <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold">{t("nominee")}</dt>
          <dd>{n.nominee.name}</dd>
          <dt className="font-semibold">{t("status")}</dt>
          <dd>
            <strong data-testid="nomination-status">{t(`steps.${step}`)}</strong>
          </dd>
        </dl>

        {step !== "unconfirmed" && (
          <ol className="flex flex-wrap gap-2" aria-label={t("status")}>
            {STEPS.map((s, i) => {
              const label = s === "accepted" && step === "rejected" ? t("steps.rejected") : t(`steps.${s}`);
              const done = i <= current;
              return (
                <li key={s} aria-current={i === current ? "step" : undefined} className={`rounded-full border px-3 py-1 text-sm ${done ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 text-stone-600"}`}>
                  {label}
                </li>
              );
            })}
          </ol>
        )}

        {step === "unconfirmed" && (
          <form method="post" action="/api/nominations/confirm" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <p>{t("confirmIntro")}</p>
            <input type="hidden" name="t" value={token} />
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className={button}>
              {t("confirm")}
            </button>
          </form>
        )}

        {n.mergedInto && step !== "unconfirmed" && <p className="rounded-lg bg-stone-50 p-4">{t("merged")}</p>}
        {one(q.added) && <p role="status" className="rounded-lg bg-green-50 p-4 text-green-900">{t("moreSent")}</p>}

        {view.moreRequest && (
          <section aria-labelledby="more-title" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="more-title" className="text-xl font-bold">
              {t("moreTitle")}
            </h2>
            <p className="whitespace-pre-line">{view.moreRequest}</p>
            <form method="post" action="/api/nominations/more" encType="multipart/form-data" className="space-y-3">
              <input type="hidden" name="t" value={token} />
              <input type="hidden" name="locale" value={locale} />
              <Field id="more-text" label={t("moreText")}>
                <textarea id="more-text" name="text" required minLength={10} rows={6} className={control} />
              </Field>
              <Field id="more-links" label={t("moreLinks")}>
                <textarea id="more-links" name="links" rows={2} className={control} />
              </Field>
              <input name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" aria-label={t("files")} className="block w-full" />
              <button type="submit" className={button}>
                {t("moreSend")}
              </button>
            </form>
          </section>
        )}

        {view.rejectReason && (
          <section className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 className="font-bold">{t("rejectReason")}</h2>
            <p className="whitespace-pre-line">{view.rejectReason}</p>
            <p className="mt-2 text-sm text-stone-700">{t("deleteNote", { days: env.NOMINATION_RETENTION_DAYS })}</p>
          </section>
        )}

        {step === "published" && view.storySlug && (
          <p>
            {t("publishedAt")}{" "}
            <Link className="font-semibold text-brand-700 underline" href={localizedPath("vi", "/stories/[slug]", { slug: view.storySlug })}>
              {t("readStory")}
            </Link>
          </p>
        )}

        {view.files.length > 0 && (
          <section>
            <h2 className="font-bold">{t("files")}</h2>
            <ul className="list-disc pl-5">
              {view.files.map((f, i) => (
                <li key={i}>{f.fileName}</li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </SimplePage>
  );
}
