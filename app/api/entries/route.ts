// GET /api/entries – the caller's entries and the entries they were named on as a co-author; POST /api/entries – create a draft entry
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { once } from "@/lib/db/queries/idempotency";
import { createEntry, listOwnEntries, type EntryView, type Invitation } from "@/lib/db/queries/entries";
import { notifyInvited } from "@/lib/mail/invitations";
import { listCoauthorships } from "@/lib/db/queries/coauthors";
import { createEntryInput } from "@/lib/validation/entry";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["journalist"] }, async ({ db, caller }) => {
  const [own, coauthorships] = await Promise.all([listOwnEntries(db, caller), listCoauthorships(db, caller)]);
  return json({ entries: own, coauthorships });
});

export const POST = guard({ access: ["journalist"], body: createEntryInput, idempotent: true }, async ({ db, caller, body, idempotency, locale, log }) => {
  let invited: Invitation[] = [];
  const result = await once(db, idempotency, async (tx) => ({ status: 201, body: await createEntry(tx, caller, body, new Date(), (list) => (invited = list)) }));
  if (!result.replayed) notifyInvited(db, invited, caller, result.body as EntryView, locale, log);
  return json(result.body, result.status, result.replayed ? { "Idempotent-Replayed": "true" } : {});
});
