// GET /api/admin/entries/{id} – one submitted or withdrawn entry with its files, eligibility history, rounds and sheets, audit trail and the messages sent about it
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { entryDetail } from "@/lib/db/queries/entry-detail";
import { entryMessages } from "@/lib/db/queries/mail";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: entryParams }, async ({ db, params }) => {
  const detail = await entryDetail(db, params.id);
  return json({ ...detail, messages: await entryMessages(db, params.id) });
});
