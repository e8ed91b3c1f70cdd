// GET /og/{locale}/results/{year}/{code} – a prize-winner's Open Graph image (404 before publication and for any other entry)
import { getDb } from "@/lib/db/client";
import { publishedWinner } from "@/lib/db/queries/results";
import { isLocale } from "@/lib/i18n/config";
import { portalMessage } from "@/lib/i18n/portal-messages";
import { renderCard } from "@/lib/og/card";

// Rendered on request: a winner exists only once the results are published, without a rebuild.
export const dynamic = "force-dynamic";

const TIER_KEYS = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" } as const;
const ACCENT = { A: "#b4231b", B: "#9a3412", C: "#a16207", encouragement: "#15803d" } as const;

// The footer shares one line with the site's name.
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const missing = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; year: string; code: string }> }) {
  const { locale, year, code } = await params;
  if (!isLocale(locale) || !/^\d{4}$/.test(year) || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(code)) return missing();
  const winner = await publishedWinner(await getDb(), Number(year), code);
  if (!winner) return missing();
  const prize = portalMessage(locale, `Results.${TIER_KEYS[winner.tier]}`);
  const authors = winner.authors.map((a) => a.name).join(", ");
  const image = await renderCard({
    kicker: `${prize} · ${winner.category.name[locale]} · ${winner.year}`,
    title: winner.entry.title,
    footer: clip([authors, winner.entry.outlet].filter(Boolean).join(" · "), 60),
    accent: ACCENT[winner.tier],
  });
  // A published result does not change; an hour keeps crawlers from re-rendering it on every share.
  image.headers.set("Cache-Control", "public, max-age=3600");
  return image;
}
