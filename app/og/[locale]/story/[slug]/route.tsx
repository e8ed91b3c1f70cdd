// GET /og/{locale}/story/{slug} – the story's Open Graph image: the newest stories' at build time,
// the others' on their first request (and a published story's once published), kept as if
// prerendered. Public mode: it answers at request time, so it goes through the guard.
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { notFound } from "@/lib/errors";
import { publicGuard } from "@/lib/http/route";
import { findStory, prerenderedStories } from "@/lib/content/stories";
import { getMovement, provinceLabel } from "@/lib/content/taxonomies";
import { renderCard } from "@/lib/og/card";
import { storySlug } from "@/lib/content/publication";

export const dynamic = "force-static";
export const dynamicParams = true;

export function generateStaticParams() {
  return locales.flatMap((locale) => prerenderedStories(locale).map((s) => ({ locale, slug: s.slug })));
}

// Anything else is a 404, as the guard answers for malformed params.
const storyParams = z.object({ locale: z.enum(locales), slug: storySlug });

export const GET = publicGuard({ params: storyParams }, async ({ params: { locale, slug } }) => {
  const story = findStory(locale, slug);
  if (!story) throw notFound();
  const movement = getMovement(story.movement)!;
  return renderCard({ kicker: movement.shortName[locale], title: story.title, footer: `${story.subjectName} · ${provinceLabel(story.province, locale)}`, accent: movement.color });
});
