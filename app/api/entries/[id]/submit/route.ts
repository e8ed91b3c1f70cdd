// POST /api/entries/{id}/submit – submit an entry: it gets its code, and a receipt is e-mailed
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { once } from "@/lib/db/queries/idempotency";
import { submitEntry, type EntryView } from "@/lib/db/queries/entries";
import { receiptVars, sendEventMail } from "@/lib/mail/events";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["journalist"], params: entryParams, idempotent: true }, async ({ db, caller, params, idempotency, locale, log }) => {
  const result = await once(db, idempotency, async (tx) => ({ status: 200, body: await submitEntry(tx, caller, params.id, new Date()) }));
  if (!result.replayed) {
    const entry = result.body as EntryView;
    // The submission is already committed; a mail server being down must not undo or fail it.
    await sendEventMail(db, {
      event: "receipt",
      to: caller.email,
      userId: caller.id,
      entryId: entry.id,
      locale,
      vars: receiptVars({ name: caller.name, entryId: entry.id, code: entry.code!, title: entry.title, submittedAt: new Date(entry.submittedAt!), attachments: entry.attachments }),
    }).catch((error: unknown) => log.error({ err: error, code: entry.code }, "receipt not sent"));
  }
  return json(result.body, result.status, result.replayed ? { "Idempotent-Replayed": "true" } : {});
});
