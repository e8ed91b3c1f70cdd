// GET /api/search – search the stories and the published prize-winners (public): q, locale, movement, province, field, year, kind, page
import { requestLocale, translator } from "@/lib/i18n/translator";
import { parseStoryQuery } from "@/lib/search/params";
import { searchSite } from "@/lib/search/winners";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseStoryQuery(new URL(request.url).searchParams, "all");
  if (!parsed.ok) {
    return Response.json(
      {
        error: {
          code: "invalidQuery",
          message: translator(requestLocale(request.headers.get("accept-language")), "Errors")("invalidQuery", { fields: Object.keys(parsed.fields).join(", ") }),
          fields: parsed.fields,
        },
      },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const result = await searchSite(parsed.query);
  // Results change only when stories or contest results are published; a degraded answer is kept briefly so the
  // real one returns soon after Meilisearch does.
  const cache = result.degraded ? "public, max-age=5" : "public, max-age=30, s-maxage=60, stale-while-revalidate=300";
  return Response.json(result, { headers: { "Cache-Control": cache } });
}
