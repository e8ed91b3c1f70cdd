// GET /api/admin/publication/preview – the results page as publication would make it, and what is still missing
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { describeMissing, publicationReadiness } from "@/lib/db/queries/publication";
import { previewResults } from "@/lib/db/queries/results";
import { isoDate, text } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

// The decision as the secretariat is about to enter it, to see it on the page before publishing.
const query = z.object({ decisionNumber: text({ max: 100 }).optional(), decisionDate: isoDate().optional() }).strict();

export const GET = guard({ access: ["secretariat"], query }, async ({ db, query, locale }) => {
  const contest = await getCurrentContest(db);
  const [{ missing }, results] = await Promise.all([
    publicationReadiness(db, contest.id),
    previewResults(db, contest, query.decisionNumber && query.decisionDate ? { number: query.decisionNumber, date: query.decisionDate } : null),
  ]);
  return json({
    ready: missing.length === 0 && contest.resultsPublishedAt === null,
    published: contest.resultsPublishedAt?.toISOString() ?? null,
    missing: describeMissing(missing, locale),
    results: { ...results, publishedAt: results.publishedAt.toISOString() },
  });
});
