// GET /feed.xml (vi), /en/feed.xml – the newest stories of the locale as RSS 2.0, built at build time
// and again on each publication
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { publicGuard } from "@/lib/http/route";
import { localizedPath } from "@/lib/i18n/paths";
import { storiesIn } from "@/lib/content/stories";
import { getMovement } from "@/lib/content/taxonomies";
import { absoluteUrl } from "@/lib/seo/metadata";
import { renderRss } from "@/lib/seo/rss";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = () => locales.map((locale) => ({ locale }));

// What a reader's feed reader shows; at 10,000 stories the whole collection would be 10 MB a fetch.
const FEED_ITEMS = 50;

// Public mode: a publication has it rendered again at request time.
export const GET = publicGuard({ params: z.object({ locale: z.enum(locales) }) }, async ({ params: { locale } }) => {
  const t = translator(locale, "Site");
  const xml = renderRss(
    {
      title: `${t("name")} – ${t("tagline")}`,
      url: absoluteUrl(localizedPath(locale, "/")),
      feedUrl: absoluteUrl(localizedPath(locale, "/feed.xml")),
      description: t("description"),
      language: locale,
    },
    storiesIn(locale).slice(0, FEED_ITEMS).map((s) => ({
      title: s.title,
      url: absoluteUrl(s.url),
      guid: absoluteUrl(s.url),
      description: s.summary,
      publishedAt: s.publishedAt,
      categories: [getMovement(s.movement)?.shortName[locale] ?? s.movement, ...s.tags],
    })),
  );
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
});
