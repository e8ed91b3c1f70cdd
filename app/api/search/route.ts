// GET /api/search – search the stories and the published prize-winners (public): q, locale, movement, province, field, year, kind, page
import { publicGuard } from "@/lib/http/route";
import { storyQueryFrom, storyQuerySchema } from "@/lib/search/params";
import { searchSite } from "@/lib/search/winners";

export const dynamic = "force-dynamic";

// Public mode: no session, no database of the guard's own; the search falls back by itself.
export const GET = publicGuard({ query: storyQuerySchema }, async ({ query }) => {
  const result = await searchSite(storyQueryFrom(query, "all"));
  // Results change only when stories or contest results are published; a degraded answer is kept briefly so the
  // real one returns soon after Meilisearch does.
  const cache = result.degraded ? "public, max-age=5" : "public, max-age=30, s-maxage=60, stale-while-revalidate=300";
  return Response.json(result, { headers: { "Cache-Control": cache } });
});
