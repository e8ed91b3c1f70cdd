// GET /api/jury/search – a juror searches the entries assigned to them in open rounds (blind rounds: no author fields): q, page
import { guard, json, zodFields } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { searchEntriesAsJuror } from "@/lib/search/entries";
import { jurorEntryQuery } from "@/lib/search/entry-types";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"] }, async ({ req, db, caller }) => {
  const parsed = jurorEntryQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams), { reportInput: true });
  if (!parsed.success) throw new AppError(422, "validation", {}, zodFields(parsed.error));
  return json(await searchEntriesAsJuror(db, caller.id, parsed.data));
});
