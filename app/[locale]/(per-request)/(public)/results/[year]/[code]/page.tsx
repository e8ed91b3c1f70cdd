import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { publishedWinner, type PublishedWinner } from "@/lib/db/queries/results";
import type { PrizeTier } from "@/lib/contest/ranking";
import { storiesIn, type Story } from "@/lib/content/stories";
import { locales, type Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { absoluteUrl, pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SiteHeader } from "@/components/site-header";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ShareLinks } from "@/components/share-links";
import { pageLocale } from "@/app/[locale]/_views/static-locale";

type Props = { params: Promise<{ locale: string; year: string; code: string }> };

const TIER_KEYS: Record<PrizeTier, "tierA" | "tierB" | "tierC" | "tierEncouragement"> = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" };
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

async function load(params: Props["params"]) {
  const locale = await pageLocale(params);
  const { year, code } = await params;
  if (!/^\d{4}$/.test(year) || !CODE.test(code)) notFound();
  const winner = await publishedWinner(await getDb(), Number(year), code);
  if (!winner) notFound();
  return { locale, winner };
}

/** The story of the exemplary model the work covers (storyRef: a translationKey or a slug), in this locale when translated. */
function storyOf(winner: PublishedWinner, locale: Locale): Story | undefined {
  const ref = winner.entry.storyRef;
  if (!ref) return undefined;
  const find = (l: Locale) => storiesIn(l).find((s) => s.translationKey === ref || s.slug === ref);
  return find(locale) ?? locales.filter((l) => l !== locale).map(find).find(Boolean);
}

const authorLine = (winner: PublishedWinner) => winner.authors.map((a) => (a.penName ? `${a.name} (${a.penName})` : a.name)).join(", ");
const imagePath = (locale: Locale, winner: PublishedWinner) => `/og/${locale}/results/${winner.year}/${encodeURIComponent(winner.entry.code)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, winner } = await load(params);
  const t = await getTranslations({ locale, namespace: "Results" });
  const prize = t(TIER_KEYS[winner.tier]);
  return pageMetadata({
    locale,
    title: `${winner.entry.title} – ${prize}`,
    description: t("winnerDescription", { prize, category: winner.category.name[locale], year: winner.year, title: winner.entry.title, authors: authorLine(winner) }),
    alternates: sameParamsAlternates("/results/[year]/[code]", { year: winner.year, code: winner.entry.code }),
    image: { url: imagePath(locale, winner), alt: t("imageAlt", { prize, title: winner.entry.title }) },
    type: "article",
  });
}

/** "1,2 MB" in Vietnamese, "1.2 MB" in English. */
const formatSize = (bytes: number, locale: Locale) => {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024));
  return `${new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 }).format(value)} ${mb ? "MB" : "KB"}`;
};
const filePath = (winner: PublishedWinner, id: string) => `/api/results/${winner.year}/${encodeURIComponent(winner.entry.code)}/files/${id}`;

/**
 * One prize-winning entry: what it won and by which decision, the jury's citation, who wrote it
 * where, the work itself (the published article, and its files when the author agreed), the model
 * it is about, and links to share it.
 */
export default async function WinnerPage({ params }: Props) {
  const { locale, winner } = await load(params);
  const [t, nav] = await Promise.all([getTranslations({ locale, namespace: "Results" }), getTranslations({ locale, namespace: "Nav" })]);
  const prize = t(TIER_KEYS[winner.tier]);
  const story = storyOf(winner, locale);
  const resultsPath = localizedPath(locale, "/results/[year]", { year: winner.year });
  return (
    <>
      <SiteHeader locale={locale} alternates={sameParamsAlternates("/results/[year]/[code]", { year: winner.year, code: winner.entry.code })} />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
        <Breadcrumbs
          label={nav("breadcrumbs")}
          items={[{ href: localizedPath(locale, "/"), label: nav("home") }, { href: resultsPath, label: t("title", { year: winner.year }) }, { label: winner.entry.title }]}
        />
        <p className="mt-4 text-sm font-bold uppercase tracking-wide text-brand-700" data-testid="winner-prize">
          {t("winnerKicker", { prize, category: winner.category.name[locale], year: winner.year })}
        </p>
        <h1 className="mt-2 text-3xl font-bold leading-tight">{winner.entry.title}</h1>
        {winner.entry.summary && <p className="mt-3 text-lg text-stone-700">{winner.entry.summary}</p>}
        {winner.citation[locale] && (
          <figure className="mt-6 rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4" data-testid="winner-citation">
            <figcaption className="text-sm font-bold uppercase tracking-wide text-brand-800">{t("citation")}</figcaption>
            <blockquote className="mt-2 text-lg leading-relaxed text-stone-900">{winner.citation[locale]}</blockquote>
          </figure>
        )}
        <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("prize")}</dt>
          <dd>{prize}</dd>
          {winner.decision && (
            <>
              <dt className="font-semibold">{t("decision")}</dt>
              <dd data-testid="winner-decision">{t("decisionValue", { number: winner.decision.number, date: formatDate(winner.decision.date, locale) })}</dd>
            </>
          )}
          <dt className="font-semibold">{t("authors")}</dt>
          <dd>{authorLine(winner)}</dd>
          <dt className="font-semibold">{t("outlet")}</dt>
          <dd>{winner.entry.outlet}</dd>
          <dt className="font-semibold">{t("category")}</dt>
          <dd>{winner.category.name[locale]}</dd>
          {winner.entry.publishedAt && (
            <>
              <dt className="font-semibold">{t("publishedAt")}</dt>
              <dd>{formatDate(winner.entry.publishedAt, locale)}</dd>
            </>
          )}
          <dt className="font-semibold">{t("code")}</dt>
          <dd className="font-mono">{winner.entry.code}</dd>
        </dl>
        {winner.entry.url && (
          <p className="mt-6">
            <a className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800" href={winner.entry.url} rel="noopener noreferrer">
              {winner.entry.outlet ? t("readWork", { outlet: winner.entry.outlet }) : t("read")}
            </a>
          </p>
        )}
        {winner.files.length > 0 && (
          <section className="mt-8" aria-labelledby="winner-files">
            <h2 id="winner-files" className="text-lg font-bold">{t("files")}</h2>
            <p className="mt-1 text-sm text-stone-600">{t("filesIntro")}</p>
            <ul className="mt-2 space-y-2">
              {winner.files.map((f) => (
                <li key={f.id}>
                  <a className="font-semibold text-brand-700 underline" href={filePath(winner, f.id)} data-testid="winner-file">
                    {t("openFile", { name: f.fileName, size: formatSize(f.size, locale) })}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {story && (
          <section className="mt-8 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="winner-story">
            <h2 id="winner-story" className="text-lg font-bold">{t("story")}</h2>
            <p className="mt-2">
              <Link href={story.url} className="font-semibold text-brand-700 underline" lang={story.locale}>
                {t("storyLink", { title: story.title })}
              </Link>
              {story.locale !== locale && <span className="ml-1 text-sm text-stone-600">{t("storyOtherLocale")}</span>}
            </p>
          </section>
        )}
        <ShareLinks
          url={absoluteUrl(localizedPath(locale, "/results/[year]/[code]", { year: winner.year, code: winner.entry.code }))}
          title={`${winner.entry.title} – ${prize}`}
          labels={{ title: t("share"), facebook: t("shareFacebook"), zalo: t("shareZalo"), x: t("shareX"), email: t("shareEmail"), emailName: t("shareEmailName") }}
        />
        <p className="mt-8">
          <Link href={resultsPath} className="font-semibold text-brand-700 underline">
            {t("allWinners", { year: winner.year })}
          </Link>
        </p>
      </main>
    </>
  );
}
