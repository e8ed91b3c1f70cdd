import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { nominationForNominee } from "@/lib/db/queries/nominations";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { readNominationToken } from "@/lib/nominations/links";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { button, control } from "@/app/[locale]/_views/nominate/controls";
import { Field } from "@/components/portal/field";
import { ProblemList } from "@/app/[locale]/_views/nominate/problems";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "NominationConsent" });
  return pageMetadata({ locale, title: t("title"), description: t("intro"), alternates: sameParamsAlternates("/nominate/consent") });
}

/** The nominee's (or their representative's) consent, through the link an editor gave them. */
export default async function NominationConsentPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "NominationConsent" });
  const f = await getTranslations({ locale, namespace: "NominationFollow" });
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const token = one(q.t) ?? "";
  const read = readNominationToken("consent", token);
  let view: Awaited<ReturnType<typeof nominationForNominee>> | null = null;
  if (typeof read === "object") {
    try {
      view = await nominationForNominee(await getDb(), read.nominationId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return (
    <SimplePage locale={locale} title={t("title")} intro={view ? t("intro") : undefined} alternates={sameParamsAlternates("/nominate/consent")}>
      {!view ? (
        <p role="alert" className="max-w-3xl rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          {read === "expired" ? f("expired") : f("invalid")}
        </p>
      ) : (
        <div className="max-w-3xl space-y-6">
          {one(q.e) && <ProblemList locale={locale} code={one(q.e)} fields={one(q.f)} />}
          <dl className="space-y-2">
            <dt className="font-semibold">{t("nominee")}</dt>
            <dd>{view.nominee.name}</dd>
            <dt className="font-semibold">{t("deeds")}</dt>
            <dd className="whitespace-pre-line rounded-lg bg-stone-50 p-3">{view.deeds}</dd>
          </dl>
          {view.consentAt ? (
            <p role="status" className="rounded-lg bg-green-50 p-4 text-green-900" data-testid="consent-done">
              {t("done", { date: formatDate(view.consentAt, locale) })}
            </p>
          ) : (
            <form method="post" action="/api/nominations/consent" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
              <input type="hidden" name="t" value={token} />
              <input type="hidden" name="locale" value={locale} />
              <Field id="consent-name" label={t("name")}>
                <input id="consent-name" name="name" required minLength={2} maxLength={160} autoComplete="name" className={control} />
              </Field>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="agree" value="yes" required className="mt-1 h-5 w-5" /> <span>{t("agree")}</span>
              </label>
              <button type="submit" className={button}>
                {t("submit")}
              </button>
              <p className="text-sm text-stone-700">{t("notNow")}</p>
            </form>
          )}
        </div>
      )}
    </SimplePage>
  );
}
