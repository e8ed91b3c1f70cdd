import type { Metadata } from "next";
import Link from "next/link";
import { preload } from "react-dom";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { countBy, featuredStories, storiesIn } from "@/lib/content/stories";
import { movements } from "@/lib/content/taxonomies";
import { pageMetadata, sameParamsAlternates } from "@/lib/seo/metadata";
import { SiteHeader } from "@/components/site-header";
import { StoryGrid } from "@/components/story-card";

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: "Site" });
  return { ...pageMetadata({ locale, title: t("name"), description: t("description"), alternates: sameParamsAlternates("/") }), title: { absolute: `${t("name")} – ${t("tagline")}` } };
}

export default async function HomePage({ params }: Params) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Home" });
  const featured = featuredStories(locale, 3);
  const featuredKeys = new Set(featured.map((s) => s._id));
  const latest = storiesIn(locale).filter((s) => !featuredKeys.has(s._id)).slice(0, 6);
  const counts = countBy(locale, (s) => s.movement);
  // The first featured cover is the largest paint on a phone: request it ahead of the web fonts.
  if (featured[0]) preload(featured[0].cover, { as: "image", fetchPriority: "high" });

  return (
    <>
      <SiteHeader locale={locale} alternates={sameParamsAlternates("/")} />
      <main id="main" className="flex-1">
        <section className="bg-gradient-to-b from-brand-50 to-stone-50">
          <div className="mx-auto max-w-6xl px-4 py-10 sm:py-14">
            <h1 className="max-w-3xl text-3xl font-bold leading-tight text-brand-800 sm:text-5xl">{t("heroTitle")}</h1>
            <p className="mt-4 max-w-2xl text-lg text-stone-700">{t("heroText")}</p>
            <p className="mt-6">
              <Link href={localizedPath(locale, "/stories")} className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
                {t("browseStories")}
              </Link>
            </p>
          </div>
        </section>

        <div className="mx-auto max-w-6xl space-y-14 px-4 py-10">
          <section aria-labelledby="featured-title">
            <h2 id="featured-title" className="text-2xl font-bold">{t("featured")}</h2>
            <div className="mt-5"><StoryGrid stories={featured} locale={locale} eagerCount={1} /></div>
          </section>

          <section aria-labelledby="movements-title">
            <h2 id="movements-title" className="text-2xl font-bold">{t("movements")}</h2>
            <ul className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {movements.map((m) => (
                <li key={m.slug}>
                  <Link href={localizedPath(locale, "/movements/[slug]", { slug: m.slug })} className="block h-full rounded-lg border border-stone-200 border-l-8 bg-white p-4 shadow-sm hover:shadow" style={{ borderLeftColor: m.color }}>
                    <span className="block font-bold">{m.name[locale]}</span>
                    <span className="mt-2 block text-sm text-stone-600">{t("storyCount", { count: counts.get(m.slug) ?? 0 })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="latest-title">
            <h2 id="latest-title" className="text-2xl font-bold">{t("latest")}</h2>
            <div className="mt-5"><StoryGrid stories={latest} locale={locale} /></div>
            <p className="mt-6"><Link className="font-semibold text-brand-700 underline" href={localizedPath(locale, "/stories")}>{t("browseStories")} →</Link></p>
          </section>

          <section aria-labelledby="contest-title" className="rounded-xl bg-brand-700 p-6 text-white sm:p-10">
            <h2 id="contest-title" className="text-2xl font-bold">{t("contestTitle")}</h2>
            <p className="mt-3 max-w-2xl">{t("contestText")}</p>
            <p className="mt-5">
              <Link href={localizedPath(locale, "/contest")} className="inline-block rounded-md bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50">{t("contestCta")}</Link>
            </p>
          </section>
        </div>
      </main>
    </>
  );
}
