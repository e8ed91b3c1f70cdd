// GET /og/{locale}/movement/{slug} – the movement's Open Graph image, prerendered at build time
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale, locales } from "@/lib/i18n/config";
import { filterStories } from "@/lib/content/stories";
import { getMovement, movements } from "@/lib/content/taxonomies";
import { renderCard } from "@/lib/og/card";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => movements.map((m) => ({ locale, slug: m.slug })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const movement = getMovement(slug);
  if (!movement || !isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: "Home" });
  const count = filterStories(locale, { kind: "movement", slug }).length;
  return renderCard({ kicker: t("movements"), title: movement.name[locale], footer: t("storyCount", { count }), accent: movement.color });
}
