import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { countBy, storyYears } from "@/lib/content/stories";
import { fields, movements, provincePageSlugs, sortedCurrentProvinces } from "@/lib/content/taxonomies";
import { KIND_SLUGS } from "@/lib/content/kinds";

type Option = { href: string; label: string; count: number; current: boolean };

function Group({ title, options, open }: { title: string; options: Option[]; open: boolean }) {
  return (
    <details open={open} className="border-b border-stone-200 py-2">
      <summary className="cursor-pointer py-1 font-semibold">{title}</summary>
      <ul className="mt-2 space-y-1 text-sm">
        {options.map((o) => (
          <li key={o.href}>
            <Link href={o.href} aria-current={o.current ? "page" : undefined} className={`flex justify-between gap-2 rounded px-2 py-1 hover:bg-stone-100 ${o.current ? "bg-brand-50 font-semibold text-brand-800" : ""}`}>
              <span>{o.label}</span>
              <span className="text-stone-600">{o.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Filters that work without JavaScript: each choice is a link to a static listing, with the
 * number of stories behind it; combined filters go to the search page as a GET form.
 * `collapsible`: the phone's copy, a closed <details> placed before the results (the listing
 * shows it below the lg breakpoint and the sidebar copy above it); `idPrefix` keeps its ids apart.
 */
export async function FilterPanel({ locale, currentPath, collapsible = false, idPrefix = "" }: { locale: Locale; currentPath: string; collapsible?: boolean; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: "Filters" });
  const kinds = await getTranslations({ locale, namespace: "Kinds" });
  const byMovement = countBy(locale, (s) => s.movement);
  const byProvince = countBy(locale, (s) => provincePageSlugs(s.province));
  const byField = countBy(locale, (s) => s.field);
  const byYear = countBy(locale, (s) => String(s.year));
  const byKind = countBy(locale, (s) => s.subjectKind);
  const option = (href: string, label: string, count: number): Option => ({ href, label, count, current: href === currentPath });

  const groups = [
    { key: "movement", title: t("movement"), options: movements.map((m) => option(localizedPath(locale, "/movements/[slug]", { slug: m.slug }), m.shortName[locale], byMovement.get(m.slug) ?? 0)) },
    { key: "year", title: t("year"), options: storyYears(locale).map((y) => option(localizedPath(locale, "/years/[year]", { year: y }), String(y), byYear.get(String(y)) ?? 0)) },
    { key: "kind", title: t("kind"), options: (["individual", "collective"] as const).map((k) => option(localizedPath(locale, "/kinds/[kind]", { kind: KIND_SLUGS[k] }), kinds(k), byKind.get(k) ?? 0)) },
    { key: "field", title: t("field"), options: fields.map((f) => option(localizedPath(locale, "/fields/[slug]", { slug: f.slug }), f.name[locale], byField.get(f.slug) ?? 0)).filter((o) => o.count > 0) },
    { key: "province", title: t("province"), options: sortedCurrentProvinces(locale).map((p) => option(localizedPath(locale, "/provinces/[slug]", { slug: p.slug }), locale === "vi" ? p.name : p.nameEn, byProvince.get(p.slug) ?? 0)).filter((o) => o.count > 0) },
  ];

  const content = (
    <>
      <Link href={localizedPath(locale, "/stories")} className="mt-2 block text-sm underline">{t("any")}</Link>
      {groups.map((g) => (
        <Group key={g.key} title={g.title} options={g.options} open={g.key === "movement" || g.options.some((o) => o.current)} />
      ))}
      <details className="py-2">
        <summary className="cursor-pointer py-1 font-semibold">{t("combined")}</summary>
        <form action={localizedPath(locale, "/search")} method="get" className="mt-2 space-y-2 text-sm">
          <Select idPrefix={idPrefix} name="movement" label={t("movement")} any={t("any")} options={movements.map((m) => [m.slug, m.shortName[locale]])} />
          <Select idPrefix={idPrefix} name="province" label={t("province")} any={t("any")} options={sortedCurrentProvinces(locale).map((p) => [p.slug, locale === "vi" ? p.name : p.nameEn])} />
          <Select idPrefix={idPrefix} name="field" label={t("field")} any={t("any")} options={fields.map((f) => [f.slug, f.name[locale]])} />
          <Select idPrefix={idPrefix} name="year" label={t("year")} any={t("any")} options={storyYears(locale).map((y) => [String(y), String(y)])} />
          <Select idPrefix={idPrefix} name="kind" label={t("kind")} any={t("any")} options={(["individual", "collective"] as const).map((k) => [k, kinds(k)])} />
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
        </form>
      </details>
    </>
  );

  if (collapsible) {
    return (
      <details className="no-print rounded-md border border-stone-300 bg-white" data-testid="filters-collapsible">
        <summary className="cursor-pointer px-4 py-3 font-bold">
          <h2 id={`${idPrefix}filters-title`} className="inline text-base">{t("title")}</h2>
        </summary>
        <nav aria-labelledby={`${idPrefix}filters-title`} className="px-4 pb-3">
          {content}
        </nav>
      </details>
    );
  }
  return (
    <aside aria-labelledby={`${idPrefix}filters-title`} className="no-print">
      <h2 id={`${idPrefix}filters-title`} className="text-lg font-bold">{t("title")}</h2>
      {content}
    </aside>
  );
}

function Select({ idPrefix, name, label, any, options }: { idPrefix: string; name: string; label: string; any: string; options: [string, string][] }) {
  const id = `${idPrefix}filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">{label}</label>
      <select id={id} name={name} className="mt-1 w-full rounded-md border border-stone-400 bg-white px-2 py-2">
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </div>
  );
}
