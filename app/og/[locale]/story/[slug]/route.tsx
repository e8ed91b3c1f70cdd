// GET /og/{locale}/story/{slug} – the story's Open Graph image: the newest stories' at build time,
// the others' on their first request, kept as if prerendered
import { notFound } from "next/navigation";
import { isLocale, locales } from "@/lib/i18n/config";
import { findStory, prerenderedStories } from "@/lib/content/stories";
import { getMovement, provinceLabel } from "@/lib/content/taxonomies";
import { renderCard } from "@/lib/og/card";

export const dynamic = "force-static";
export const dynamicParams = true;

export function generateStaticParams() {
  return locales.flatMap((locale) => prerenderedStories(locale).map((s) => ({ locale, slug: s.slug })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const story = isLocale(locale) ? findStory(locale, slug) : undefined;
  if (!story || !isLocale(locale)) notFound();
  const movement = getMovement(story.movement)!;
  return renderCard({ kicker: movement.shortName[locale], title: story.title, footer: `${story.subjectName} · ${provinceLabel(story.province, locale)}`, accent: movement.color });
}
