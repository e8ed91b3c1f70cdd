// GET /api/admin/entries/{id} – one submitted or withdrawn entry with its files, eligibility history, rounds and sheets, and audit trail
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { entryDetail } from "@/lib/db/queries/entry-detail";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: entryParams }, async ({ db, params }) => json(await entryDetail(db, params.id)));
