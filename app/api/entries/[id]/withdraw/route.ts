// POST /api/entries/{id}/withdraw – withdraw a submitted entry (frees the authors' slots)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { withdrawEntry } from "@/lib/db/queries/entries";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["journalist"], params: entryParams }, async ({ db, caller, params }) => json(await withdrawEntry(db, caller, params.id, new Date())));
