// POST /api/admin/publication – publish the current contest's results once it is ready (409 notReady lists what is missing); then e-mail every entrant
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { notifyEntrants, publishResults } from "@/lib/db/queries/publication";
import { AppError } from "@/lib/errors";
import { localizedPath } from "@/lib/i18n/paths";
import { publicationInput } from "@/lib/validation/prizes";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], body: publicationInput }, async ({ db, caller, body }) => {
  const contest = await getCurrentContest(db);
  let publication;
  try {
    publication = await publishResults(db, caller, contest.id, { number: body.decisionNumber, date: body.decisionDate });
  } catch (error) {
    // A retry after a publication that went through: entrants not yet told (a mail failed, the
    // server stopped) are told now; those already told are not mailed again.
    if (error instanceof AppError && error.code === "alreadyPublished") void notifyEntrants(db, contest.id, caller.id);
    throw error;
  }
  // After the commit and not awaited: mail never holds up or undoes the publication.
  void notifyEntrants(db, publication.contestId, caller.id);
  const results = { vi: localizedPath("vi", "/results/[year]", { year: publication.year }), en: localizedPath("en", "/results/[year]", { year: publication.year }) };
  return json({ year: publication.year, publishedAt: publication.publishedAt.toISOString(), decision: publication.decision, winners: publication.winners.map(({ code, tier }) => ({ code, tier })), results });
});
