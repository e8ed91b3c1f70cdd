// GET /api/jury/search – a juror searches the entries assigned to them in open rounds (blind rounds: no author fields): q, page
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { searchEntriesAsJuror } from "@/lib/search/entries";
import { jurorEntryQuery } from "@/lib/search/entry-types";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"], query: jurorEntryQuery }, async ({ db, caller, query }) => json(await searchEntriesAsJuror(db, caller.id, query)));
