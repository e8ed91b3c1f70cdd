// GET /og/{locale}/results/{year}/{code} – a prize-winner's Open Graph image (404 before publication and for any other entry)
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { publishedWinner } from "@/lib/db/queries/results";
import { notFound } from "@/lib/errors";
import { locales } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { renderCard } from "@/lib/og/card";

// Rendered on request: a winner exists only once the results are published, without a rebuild.
export const dynamic = "force-dynamic";

const TIER_KEYS = { A: "tierA", B: "tierB", C: "tierC", encouragement: "tierEncouragement" } as const;
const ACCENT = { A: "#b4231b", B: "#9a3412", C: "#a16207", encouragement: "#15803d" } as const;

// The footer shares one line with the site's name.
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

// Anything else is a 404, as the guard answers for malformed params.
const winnerParams = z.object({ locale: z.enum(locales), year: z.string().regex(/^\d{4}$/), code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/) });

export const GET = guard({ access: "anyone", params: winnerParams }, async ({ db, params: { locale, year, code } }) => {
  const winner = await publishedWinner(db, Number(year), code);
  if (!winner) throw notFound();
  const prize = translator(locale, "Results")(TIER_KEYS[winner.tier]);
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
});
