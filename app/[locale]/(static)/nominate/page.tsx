import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentProvinces, fields, formerProvinces, getCurrentProvince, movements, sortedCurrentProvinces } from "@/lib/content/taxonomies";
import { env } from "@/lib/env";
import { compareText } from "@/lib/i18n/format";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { DEEDS_MAX, DEEDS_MIN, MAX_FILE_BYTES, MAX_FILES, MAX_LINKS, NOMINATION_FILE_TYPES, RELATIONS } from "@/lib/validation/nomination";
import { SimplePage } from "@/app/[locale]/_views/simple-page";
import { pageLocale } from "@/app/[locale]/_views/static-locale";
import { button, Choice, control, Fieldset } from "@/app/[locale]/_views/nominate/controls";
import { Field } from "@/components/portal/field";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Nominate" });
  return pageMetadata({ locale, title: t("title"), description: t("intro"), alternates: sameParamsAlternates("/nominate") });
}

/**
 * The public nomination form: a plain multipart form posted to /api/nominations, which answers
 * with a page (sent, or what to fix). No client script: it works on any phone.
 */
export default async function NominatePage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Nominate" });
  const name = (p: { name: string; nameEn: string }) => (locale === "vi" ? p.name : p.nameEn);
  // Former provinces that are not also a current unit's name, in the page's alphabetical order.
  const former = formerProvinces.filter((p) => !currentProvinces.some((c) => c.slug === p.slug)).sort((a, b) => compareText(name(a), name(b), locale));
  const sortedMovements = [...movements].sort((a, b) => compareText(a.name[locale], b.name[locale], locale));
  const sortedFields = [...fields].sort((a, b) => compareText(a.name[locale], b.name[locale], locale));

  return (
    <SimplePage locale={locale} title={t("title")} intro={t("intro")} alternates={sameParamsAlternates("/nominate")}>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <form method="post" action="/api/nominations" encType="multipart/form-data" className="space-y-6" aria-describedby="nominate-privacy">
          <input type="hidden" name="locale" value={locale} />
          <Fieldset legend={t("nomineeLegend")}>
            <div>
              <p className="font-semibold">{t("kind")}</p>
              <div className="mt-1 flex flex-wrap gap-4">
                <label className="flex items-center gap-2">
                  <input type="radio" name="nominee.kind" value="individual" defaultChecked required /> {t("kindIndividual")}
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="nominee.kind" value="collective" /> {t("kindCollective")}
                </label>
              </div>
            </div>
            <Field id="nominee-name" label={t("name")}>
              <input id="nominee-name" name="nominee.name" required minLength={2} maxLength={160} className={control} />
            </Field>
            <Field id="nominee-role" label={t("role")}>
              <input id="nominee-role" name="nominee.role" required minLength={2} maxLength={160} className={control} />
            </Field>
            <label className="flex items-start gap-2">
              <input type="checkbox" name="nominee.directWorker" value="yes" className="mt-1 h-5 w-5" />
              <span>{t("directWorker")}</span>
            </label>
            <Field id="nominee-province" label={t("province")} hint={t("provinceHint")}>
              <select id="nominee-province" name="nominee.province" required defaultValue="" aria-describedby="nominee-province-hint" className={control}>
                <option value="" disabled>
                  {t("choose")}
                </option>
                <optgroup label={t("currentUnits")}>
                  {sortedCurrentProvinces(locale).map((p) => (
                    <option key={p.slug} value={p.slug}>
                      {name(p)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("formerUnits")}>
                  {former.map((p) => (
                    <option key={p.slug} value={p.slug}>
                      {t("formerOption", { name: name(p), current: name(getCurrentProvince(p.current) ?? p) })}
                    </option>
                  ))}
                </optgroup>
              </select>
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Choice id="nominee-movement" name="nominee.movement" label={t("movement")} placeholder={t("choose")} options={sortedMovements.map((m) => ({ value: m.slug, label: m.shortName[locale] }))} />
              <Choice id="nominee-field" name="nominee.field" label={t("field")} placeholder={t("choose")} options={sortedFields.map((f) => ({ value: f.slug, label: f.name[locale] }))} />
            </div>
          </Fieldset>

          <Fieldset legend={t("deedsLegend")}>
            <Field id="deeds" label={t("deeds")} hint={t("deedsHint", { min: DEEDS_MIN })}>
              <textarea id="deeds" name="deeds" required minLength={DEEDS_MIN} maxLength={DEEDS_MAX} rows={10} aria-describedby="deeds-hint" className={control} />
            </Field>
          </Fieldset>

          <Fieldset legend={t("evidenceLegend")}>
            <Field id="evidence-links" label={t("links", { max: MAX_LINKS })}>
              <textarea id="evidence-links" name="evidence.links" rows={3} inputMode="url" className={control} />
            </Field>
            <Field id="evidence-files" label={t("files", { max: MAX_FILES, size: MAX_FILE_BYTES / 1024 / 1024 })} hint={t("filesHint")}>
              <input id="evidence-files" name="files" type="file" multiple accept={NOMINATION_FILE_TYPES.join(",")} aria-describedby="evidence-files-hint" className="mt-1 block w-full text-base" />
            </Field>
          </Fieldset>

          <Fieldset legend={t("nominatorLegend")}>
            <p className="text-sm text-stone-700">{t("selfNote")}</p>
            <Field id="nominator-name" label={t("nominatorName")}>
              <input id="nominator-name" name="nominator.name" required minLength={2} maxLength={120} autoComplete="name" className={control} />
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="nominator-email" label={t("email")}>
                <input id="nominator-email" name="nominator.email" type="email" required autoComplete="email" className={control} />
              </Field>
              <Field id="nominator-phone" label={t("phone")}>
                <input id="nominator-phone" name="nominator.phone" type="tel" required autoComplete="tel" className={control} />
              </Field>
            </div>
            <Choice id="nominator-relation" name="nominator.relation" label={t("relation")} placeholder={t("choose")} options={RELATIONS.map((r) => ({ value: r, label: t(`relations.${r}`) }))} />
          </Fieldset>

          <Fieldset legend={t("refereesLegend")}>
            {[0, 1].map((i) => (
              <div key={i} className="grid gap-4 sm:grid-cols-2">
                <Field id={`referee-${i}-name`} label={t("refereeName", { n: i + 1 })}>
                  <input id={`referee-${i}-name`} name={`referees.${i}.name`} maxLength={120} className={control} />
                </Field>
                <Field id={`referee-${i}-contact`} label={t("refereeContact", { n: i + 1 })}>
                  <input id={`referee-${i}-contact`} name={`referees.${i}.contact`} maxLength={200} className={control} />
                </Field>
              </div>
            ))}
          </Fieldset>

          <label className="flex items-start gap-2 rounded-lg border border-stone-200 bg-white p-4">
            <input type="checkbox" name="declaration" value="yes" required className="mt-1 h-5 w-5" />
            <span>{t("declaration")}</span>
          </label>
          <button type="submit" className={button}>
            {t("submit")}
          </button>
        </form>

        <aside className="space-y-4 lg:order-none">
          <section aria-labelledby="nominate-steps" className="rounded-lg border border-stone-200 bg-stone-50 p-4">
            <h2 id="nominate-steps" className="text-lg font-bold">
              {t("steps")}
            </h2>
            <ol className="mt-2 list-decimal space-y-2 pl-5 text-stone-800">
              {(["step1", "step2", "step3", "step4"] as const).map((s) => (
                <li key={s}>{t(s)}</li>
              ))}
            </ol>
          </section>
          <p id="nominate-privacy" className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-800">
            {t("privacy", { days: env.NOMINATION_RETENTION_DAYS })}
          </p>
        </aside>
      </div>
    </SimplePage>
  );
}
