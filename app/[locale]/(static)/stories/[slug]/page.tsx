import type { Metadata } from "next";
import Link from "next/link";
import { preload } from "react-dom";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, locales } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { formatDate } from "@/lib/i18n/format";
import { findStory, prerenderedStories, storiesIn, translationOf, type Story } from "@/lib/content/stories";
import { readStoryBody } from "@/lib/content/story-store";
import { relatedStories } from "@/lib/content/related";
import { getField, getMovement, provinceLabel } from "@/lib/content/taxonomies";
import { KIND_SLUGS } from "@/lib/content/kinds";
import { absoluteUrl, pageMetadata, type Alternates } from "@/lib/seo/metadata";
import { jsonLd } from "@/lib/seo/json-ld";
import { storyImagePath } from "@/lib/og/paths";
import { SiteHeader } from "@/components/site-header";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { SubjectCard } from "@/components/subject-card";
import { ShareLinks } from "@/components/share-links";
import { StoryGrid } from "@/components/story-card";
import { MdxContent } from "@/components/mdx-content";

type Params = { params: Promise<{ locale: string; slug: string }> };

// The newest stories are prerendered; any other published story is rendered on its first request
// and kept like them (and one published later, by `npm run story:publish`, too). An unknown slug
// is a 404.
export const dynamicParams = true;

export function generateStaticParams() {
  return locales.flatMap((locale) => prerenderedStories(locale).map((s) => ({ locale, slug: s.slug })));
}

async function load(params: Params["params"]) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const story = findStory(locale, slug);
  if (!story) notFound();
  return { locale, story };
}

function alternatesOf(story: Story): Alternates {
  const out: Alternates = {};
  for (const locale of locales) {
    const version = locale === story.locale ? story : translationOf(story, locale);
    if (version) out[locale] = version.url;
  }
  return out;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, story } = await load(params);
  return pageMetadata({
    locale,
    title: story.title,
    description: story.summary,
    alternates: alternatesOf(story),
    image: { url: storyImagePath(locale, story.slug), alt: story.title },
    type: "article",
    publishedTime: story.publishedAt,
  });
}

export default async function StoryPage({ params }: Params) {
  const { locale, story } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Story" });
  const nav = await getTranslations({ locale, namespace: "Nav" });
  const kinds = await getTranslations({ locale, namespace: "Kinds" });
  const movement = getMovement(story.movement)!;
  const field = getField(story.field)!;
  const related = relatedStories(story, storiesIn(locale), 3);
  const date = story.publishedAt.slice(0, 10);
  // The cover is the largest paint on a phone: ask for it in <head>, ahead of the web fonts.
  preload(story.cover, { as: "image", fetchPriority: "high" });

  const rows = [
    { label: t("kind"), value: kinds(story.subjectKind), href: localizedPath(locale, "/kinds/[kind]", { kind: KIND_SLUGS[story.subjectKind] }) },
    { label: t("role"), value: story.role },
    { label: t("directWorker"), value: story.directWorker ? t("yes") : t("no") },
    { label: t("province"), value: provinceLabel(story.province, locale), href: localizedPath(locale, "/provinces/[slug]", { slug: story.province }) },
    { label: t("movement"), value: movement.name[locale], href: localizedPath(locale, "/movements/[slug]", { slug: movement.slug }) },
    { label: t("field"), value: field.name[locale], href: localizedPath(locale, "/fields/[slug]", { slug: field.slug }) },
    ...(story.award ? [{ label: t("award"), value: story.award }] : []),
  ];

  return (
    <>
      <SiteHeader locale={locale} alternates={alternatesOf(story)} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(story.structuredData) }} />
        <Breadcrumbs
          label={nav("breadcrumbs")}
          items={[
            { href: localizedPath(locale, "/"), label: nav("home") },
            { href: localizedPath(locale, "/stories"), label: nav("stories") },
            { href: localizedPath(locale, "/movements/[slug]", { slug: movement.slug }), label: movement.shortName[locale] },
            { label: story.title },
          ]}
        />
        <article className="mt-4 grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="min-w-0">
            <header>
              <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{story.title}</h1>
              <p className="mt-3 text-lg text-stone-700">{story.summary}</p>
              <p className="mt-3 text-sm text-stone-600">
                {t("published")} <time dateTime={date}>{formatDate(story.publishedAt, locale)}</time> · {t("readingTime", { minutes: story.readingMinutes })}
              </p>
              {(story.byline || story.source) && (
                <p className="mt-1 text-sm text-stone-700" data-testid="byline">
                  {story.byline && <span className="font-semibold">{t("byline", { name: story.byline })}</span>}
                  {story.byline && story.source && " · "}
                  {story.source && (story.sourceUrl ? <a className="underline" href={story.sourceUrl} rel="noopener noreferrer">{t("source", { source: story.source })}</a> : t("source", { source: story.source }))}
                </p>
              )}
            </header>
            <img src={story.cover} alt={story.coverAlt} width={1200} height={630} fetchPriority="high" className="mt-6 aspect-[1200/630] w-full rounded-lg object-cover" />
            <div className="prose prose-stone mt-8 max-w-none prose-headings:font-bold prose-blockquote:border-brand-600">
              <MdxContent code={readStoryBody(story).code} />
            </div>
            {story.tags.length > 0 && (
              <p className="mt-8 text-sm">
                <span className="font-semibold">{t("tags")}:</span> {story.tags.join(", ")}
              </p>
            )}
            <ShareLinks
              url={absoluteUrl(story.url)}
              title={story.title}
              labels={{ title: t("share"), facebook: t("shareFacebook"), zalo: t("shareZalo"), x: t("shareX"), email: t("shareEmail"), emailName: t("shareEmailName") }}
            />
          </div>
          <SubjectCard title={t("subject")} name={story.subjectName} rows={rows} />
        </article>
        {related.length > 0 && (
          <section aria-labelledby="related-title" className="no-print mt-12">
            <h2 id="related-title" className="text-2xl font-bold">{t("related")}</h2>
            <div className="mt-4">
              <StoryGrid stories={related} locale={locale} />
            </div>
          </section>
        )}
        <p className="no-print mt-8 text-sm">
          <Link className="underline" href={localizedPath(locale, "/stories")}>← {nav("stories")}</Link>
        </p>
      </main>
    </>
  );
}
