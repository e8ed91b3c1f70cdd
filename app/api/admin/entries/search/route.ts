// GET /api/admin/entries/search – the secretariat searches submitted and withdrawn entries: q, status, category, page
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { searchEntriesAsSecretariat } from "@/lib/search/entries";
import { secretariatEntryQuery } from "@/lib/search/entry-types";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], query: secretariatEntryQuery }, async ({ db, query }) => json(await searchEntriesAsSecretariat(db, query)));
