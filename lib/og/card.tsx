import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";

export const OG_SIZE = { width: 1200, height: 630 } as const;

// Be Vietnam Pro from npm, every subset a Vietnamese title can touch (Đ, ữ, ặ live in
// latin-ext and vietnamese). Satori reads WOFF, not WOFF2.
const FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/be-vietnam-pro/files");
const SUBSETS = ["latin", "latin-ext", "vietnamese"] as const;

// One family name per subset: Satori falls back along the font-family list glyph by glyph,
// but does not merge files that share a name.
const FONT_STACK = SUBSETS.map((subset) => `"Be Vietnam Pro ${subset}"`).join(", ");

let fontsPromise: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }[]> | undefined;

function loadFonts() {
  fontsPromise ??= Promise.all(
    ([400, 700] as const).flatMap((weight) =>
      SUBSETS.map(async (subset) => ({
        name: `Be Vietnam Pro ${subset}`,
        data: await readFile(path.join(FONT_DIR, `be-vietnam-pro-${subset}-${weight}-normal.woff`)),
        weight,
        style: "normal" as const,
      })),
    ),
  );
  return fontsPromise;
}

type Card = { kicker: string; title: string; footer: string; accent: string };

/** A 1200×630 preview card: kicker, title and footer on a coloured band. */
export async function renderCard({ kicker, title, footer, accent }: Card): Promise<ImageResponse> {
  const titleSize = title.length > 90 ? 48 : title.length > 60 ? 56 : 64;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#fffaf5", fontFamily: FONT_STACK, padding: "64px 72px", borderTop: `24px solid ${accent}` }}>
        <div style={{ display: "flex", fontSize: 30, fontWeight: 700, color: accent, textTransform: "uppercase", letterSpacing: 1 }}>{kicker}</div>
        <div style={{ display: "flex", fontSize: titleSize, fontWeight: 700, lineHeight: 1.2, color: "#1c1917" }}>{title}</div>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 28, color: "#44403c" }}>
          <span>{footer}</span>
          <span style={{ fontWeight: 700, color: "#b4231b" }}>Lan Tỏa</span>
        </div>
      </div>
    ),
    { ...OG_SIZE, fonts: await loadFonts() },
  );
}
