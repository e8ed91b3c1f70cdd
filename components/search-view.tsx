"use client";
// The search page's form, facets and results. The server renders it with the results of the
// URL's query, so it all works as a GET form and links without JavaScript; with JavaScript it
// searches as the reader types (debounced, through /api/search) and keeps the URL in step.
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { storyQueryParams } from "@/lib/search/url";
import type { FacetName, SearchSuggestions, SiteSearchResult, StoryQuery } from "@/lib/search/types";
import { Pagination } from "./pagination";

/** Value -> label for each facet; `place` labels a story's province, `unitOf` groups former provinces. */
export type SearchLabels = Record<Exclude<FacetName, "year">, Record<string, string>> & { place: Record<string, string>; unitOf: Record<string, string> };

type Props = { locale: Locale; action: string; initial: SiteSearchResult; labels: SearchLabels };

const FACET_ORDER: FacetName[] = ["movement", "province", "field", "year", "kind", "locale"];
const TYPING_DELAY_MS = 200;
const FACET_KEYS = { locale: "facetLocale", movement: "facetMovement", province: "facetProvince", field: "facetField", year: "facetYear", kind: "facetKind" } as const;
const TIER_KEYS = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" } as const;

type Option = { value: string; label: string; count: number; children?: Option[] };

/** Facet choices with stories behind them (and the chosen one even without), in a reader's order. */
function facetOptions(name: FacetName, counts: Record<string, number>, selected: string | undefined, labels: SearchLabels, locale: Locale): Option[] {
  const values = Object.keys(counts).filter((v) => (counts[v] ?? 0) > 0 || v === selected);
  if (selected !== undefined && !values.includes(selected)) values.push(selected);
  const option = (value: string, label: string): Option => ({ value, label, count: counts[value] ?? 0 });
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  switch (name) {
    case "year":
      return values.sort((a, b) => Number(b) - Number(a)).map((v) => option(v, v));
    case "province": {
      // Current units, each with the former provinces its stories were written under.
      const units = values.filter((v) => labels.unitOf[v] === v || labels.unitOf[v] === undefined);
      return units
        .map((unit) => ({
          ...option(unit, labels.province[unit] ?? unit),
          children: values.filter((v) => v !== unit && labels.unitOf[v] === unit).map((v) => option(v, labels.province[v] ?? v)).sort(byLabel),
        }))
        .sort(byLabel);
    }
    case "movement":
    case "field":
      // Taxonomy order, as everywhere else on the site.
      return Object.keys(labels[name]).filter((v) => values.includes(v)).map((v) => option(v, labels[name][v] ?? v));
    default:
      return values.map((v) => option(v, labels[name][v] ?? v)).sort(byLabel);
  }
}

/** The query with one facet set (or cleared, for undefined or "all"), back on page 1. */
function withFacet(query: StoryQuery, name: FacetName, value: string | undefined): StoryQuery {
  const next: StoryQuery = { ...query, page: 1 };
  switch (name) {
    case "year":
      next.year = value === undefined ? undefined : Number(value);
      break;
    case "locale":
      next.locale = value === "vi" || value === "en" ? value : undefined;
      break;
    case "kind":
      next.kind = value === "individual" || value === "collective" ? value : undefined;
      break;
    default:
      next[name] = value;
  }
  return next;
}

function isPlainClick(event: MouseEvent) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function SearchView({ locale, action, initial, labels }: Props) {
  const t = useTranslations("SearchPage");
  const pager = useTranslations("Pagination");
  const winners = useTranslations("Results");
  const [query, setQuery] = useState<StoryQuery>(initial.query);
  const [result, setResult] = useState<SiteSearchResult>(initial);
  const [busy, setBusy] = useState(false);
  const shown = useRef(initial.query);
  // Each request's number: an answer is shown only if no newer request was sent since (an
  // aborted fetch can still resolve when its body had already arrived).
  const latest = useRef(0);

  const href = (q: StoryQuery) => {
    const qs = storyQueryParams(q, locale).toString();
    return qs ? `${action}?${qs}` : action;
  };

  useEffect(() => {
    if (query === shown.current) return;
    const controller = new AbortController();
    const delay = query.q !== shown.current.q ? TYPING_DELAY_MS : 0;
    const timer = setTimeout(async () => {
      shown.current = query;
      window.history.replaceState(window.history.state, "", href(query));
      const number = ++latest.current;
      setBusy(true);
      try {
        const response = await fetch(`/api/search?${storyQueryParams(query)}`, { signal: controller.signal });
        const answer = response.ok ? ((await response.json()) as SiteSearchResult) : undefined;
        // Superseded while it was on its way: the newer request's answer is the one to show.
        if (answer && number === latest.current && !controller.signal.aborted) setResult(answer);
      } catch {
        // Aborted by newer input, or offline: the last results stay on screen.
      } finally {
        if (number === latest.current && !controller.signal.aborted) setBusy(false);
      }
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // href depends only on props that never change for a mounted view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  const choose = (next: StoryQuery) => (event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    setQuery(next);
  };

  const { total } = result;
  const countText = total === 0 ? t("countNone") : (new Intl.PluralRules(locale).select(total) === "one" ? t("countOne") : t("countOther")).replace("#", total.toLocaleString(locale));
  const active = FACET_ORDER.filter((name) => name !== "locale" && query[name] !== undefined);

  return (
    <div>
      <form
        action={action}
        method="get"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          // Hide the phone keyboard so the results are visible.
          (document.activeElement as HTMLElement | null)?.blur();
        }}
        className="flex gap-2"
      >
        <label htmlFor="search-q" className="sr-only">{t("label")}</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={query.q}
          onChange={(event) => setQuery({ ...query, q: event.target.value, page: 1 })}
          placeholder={t("placeholder")}
          autoComplete="off"
          enterKeyHint="search"
          className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2 text-base"
        />
        {active.map((name) => (
          <input key={name} type="hidden" name={name} value={String(query[name])} />
        ))}
        {query.locale !== locale && <input type="hidden" name="locale" value={query.locale ?? "all"} />}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("submit")}</button>
      </form>

      {result.degraded && <p className="mt-3 rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">{t("degraded")}</p>}
      {result.place && result.total > 0 && (
        <p data-testid="search-place" className="mt-3 text-sm text-stone-700">{t("inPlace", { place: labels.province[result.place] ?? labels.place[result.place] ?? result.place })}</p>
      )}

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_16rem]">
        <section aria-labelledby="search-count">
          <p id="search-count" role="status" aria-live="polite" className="text-sm text-stone-600">
            {busy ? t("searching") : countText}
          </p>
          {active.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {active.map((name) => {
                const value = String(query[name]);
                const label = name === "year" ? value : (labels[name as Exclude<FacetName, "year">][value] ?? value);
                const next = withFacet(query, name, undefined);
                return (
                  <li key={name}>
                    <a href={href(next)} onClick={choose(next)} className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">
                      {t("clear", { label })} <span aria-hidden="true">×</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
          {result.winners.length > 0 && (
            <section aria-labelledby="search-winners" data-testid="search-winners" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-4">
              <h2 id="search-winners" className="text-lg font-bold">{winners("searchHeading")}</h2>
              <ul className="mt-2 space-y-3">
                {result.winners.map((winner) => (
                  <li key={winner.code}>
                    <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
                      {winners(TIER_KEYS[winner.tier])} · {winner.categoryName[locale]} · {winner.year}
                    </p>
                    <a href={winner.urls[locale]} className="font-bold hover:text-brand-700 hover:underline [&_mark]:bg-amber-100 [&_mark]:text-inherit" dangerouslySetInnerHTML={{ __html: winner.title }} />
                    <p className="text-sm text-stone-700">{[winner.authors.join(", "), winner.outlet].filter(Boolean).join(" · ")}</p>
                  </li>
                ))}
              </ul>
              {result.winnersTotal > result.winners.length && <p className="mt-2 text-sm text-stone-700">{winners("searchMore", { count: result.winnersTotal - result.winners.length })}</p>}
            </section>
          )}
          {result.hits.length > 0 ? (
            <ol className="mt-4 space-y-6">
              {result.hits.map((hit) => (
                <li key={hit.id}>
                  <article className="flex gap-4">
                    <img src={hit.cover} alt="" width={96} height={50} loading="lazy" decoding="async" className="hidden h-[50px] w-24 shrink-0 rounded object-cover sm:block" />
                    <div>
                      <h2 className="text-lg font-bold leading-snug">
                        <a href={hit.url} lang={hit.locale} className="hover:text-brand-700 hover:underline [&_mark]:bg-amber-100 [&_mark]:text-inherit" dangerouslySetInnerHTML={{ __html: hit.title }} />
                      </h2>
                      <p className="mt-1 text-xs font-semibold uppercase tracking-wide text-stone-600">
                        {labels.place[hit.province] ?? hit.province} · <time dateTime={hit.publishedAt.slice(0, 10)}>{formatDate(hit.publishedAt, locale)}</time>
                        {hit.locale !== locale && ` · ${t("otherLocale")}`}
                      </p>
                      <p lang={hit.locale} className="mt-1 text-sm text-stone-700 [&_mark]:bg-amber-100 [&_mark]:text-inherit" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                    </div>
                  </article>
                </li>
              ))}
            </ol>
          ) : (
            <div className="mt-4">
              <h2 className="text-lg font-bold">{t("emptyTitle")}</h2>
              {result.suggestions && <Suggestions suggestions={result.suggestions} query={query} labels={labels} href={href} choose={choose} />}
              <p className="mt-3 text-stone-700">{t("emptyHint")}</p>
              <ul className="mt-2 flex flex-wrap gap-2">
                {(t.raw("suggestions") as string[]).map((suggestion) => {
                  const next: StoryQuery = { q: suggestion, locale: query.locale, page: 1 };
                  return (
                    <li key={suggestion}>
                      <a href={href(next)} onClick={choose(next)} className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">{suggestion}</a>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            hrefFor={(n) => href({ ...query, page: n })}
            labels={{ nav: pager("label"), previous: pager("previous"), next: pager("next"), pageOf: pager("of", { page: result.page, count: result.pageCount }), page: (n) => pager("page", { page: n }) }}
          />
        </section>

        <aside aria-labelledby="search-filters" className="no-print">
          <h2 id="search-filters" className="text-lg font-bold">{t("filters")}</h2>
          {active.length > 0 && (
            <a href={href({ q: query.q, locale: query.locale, page: 1 })} onClick={choose({ q: query.q, locale: query.locale, page: 1 })} className="mt-2 block text-sm underline">
              {t("clearAll")}
            </a>
          )}
          {FACET_ORDER.map((name) => {
            const selected = name === "locale" ? (query.locale ?? "all") : query[name] === undefined ? undefined : String(query[name]);
            const options = facetOptions(name, result.facets[name], selected === "all" ? undefined : selected, labels, locale);
            if (options.length === 0) return null;
            const link = (o: Option, nested = false) => {
              const current = o.value === selected;
              // A second click on a choice removes it; a language stays chosen (the page needs one).
              const next = withFacet(query, name, current && name !== "locale" ? undefined : o.value);
              return (
                <a href={href(next)} onClick={choose(next)} aria-current={current ? "true" : undefined} className={`flex justify-between gap-2 rounded px-2 py-1 hover:bg-stone-100 ${nested ? "pl-5" : ""} ${current ? "bg-brand-50 font-semibold text-brand-800" : ""}`}>
                  <span>{o.label}</span>
                  <span className="text-stone-600">{o.count}</span>
                </a>
              );
            };
            return (
              <details key={name} open={name !== "locale" || query.locale !== locale} className="border-b border-stone-200 py-2">
                <summary className="cursor-pointer py-1 font-semibold">{t(FACET_KEYS[name])}</summary>
                <ul className="mt-2 space-y-1 text-sm">
                  {name === "locale" && (
                    <li>{link({ value: "all", label: t("allLocales"), count: Object.values(result.facets.locale).reduce((a, b) => a + b, 0) })}</li>
                  )}
                  {options.map((o) => (
                    <li key={o.value}>
                      {link(o)}
                      {o.children && o.children.length > 0 && <ul>{o.children.map((c) => <li key={c.value}>{link(c, true)}</li>)}</ul>}
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
        </aside>
      </div>
    </div>
  );
}

const CHIP = "inline-block rounded-full border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100";

/** Nearby searches when nothing matched: shorter queries, similar titles, movements, provinces. */
function Suggestions({ suggestions, query, labels, href, choose }: {
  suggestions: SearchSuggestions;
  query: StoryQuery;
  labels: SearchLabels;
  href: (q: StoryQuery) => string;
  choose: (next: StoryQuery) => (event: MouseEvent) => void;
}) {
  const t = useTranslations("SearchPage");
  const { queries, stories, movements, provinces } = suggestions;
  if (queries.length + stories.length + movements.length + provinces.length === 0) return null;
  // A movement or province is browsed without the words that found nothing.
  const browse = (facet: Partial<StoryQuery>): StoryQuery => ({ q: "", locale: query.locale, page: 1, ...facet });
  const chips = (items: { key: string; label: string; next: StoryQuery }[]) => (
    <ul className="mt-1 flex flex-wrap gap-2">
      {items.map((item) => (
        <li key={item.key}>
          <a href={href(item.next)} onClick={choose(item.next)} className={CHIP}>{item.label}</a>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="search-near" data-testid="search-suggestions" className="mt-2 space-y-3">
      <h3 id="search-near" className="font-semibold">{t("nearTitle")}</h3>
      {queries.length > 0 && (
        <div>
          <p className="text-sm text-stone-600">{t("nearQueries")}</p>
          {chips(queries.map((q) => ({ key: q, label: q, next: { ...query, q, page: 1 } })))}
        </div>
      )}
      {stories.length > 0 && (
        <div>
          <p className="text-sm text-stone-600">{t("nearStories")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {stories.map((story) => (
              <li key={story.url}>
                <a href={story.url} lang={story.locale} className="underline hover:text-brand-700">{story.title}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {movements.length > 0 && (
        <div>
          <p className="text-sm text-stone-600">{t("nearMovements")}</p>
          {chips(movements.map((slug) => ({ key: slug, label: labels.movement[slug] ?? slug, next: browse({ movement: slug }) })))}
        </div>
      )}
      {provinces.length > 0 && (
        <div>
          <p className="text-sm text-stone-600">{t("nearProvinces")}</p>
          {chips(provinces.map((slug) => ({ key: slug, label: labels.place[slug] ?? labels.province[slug] ?? slug, next: browse({ province: slug }) })))}
        </div>
      )}
    </section>
  );
}
