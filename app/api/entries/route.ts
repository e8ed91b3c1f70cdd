// GET /api/entries – the caller's entries; POST /api/entries – create a draft entry
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { once } from "@/lib/db/queries/idempotency";
import { createEntry, listOwnEntries } from "@/lib/db/queries/entries";
import { createEntryInput } from "@/lib/validation/entry";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["journalist"] }, async ({ db, caller }) => json({ entries: await listOwnEntries(db, caller) }));

export const POST = guard({ access: ["journalist"], body: createEntryInput, idempotent: true }, async ({ db, caller, body, idempotency }) => {
  const result = await once(db, idempotency, async (tx) => ({ status: 201, body: await createEntry(tx, caller, body, new Date()) }));
  return json(result.body, result.status, result.replayed ? { "Idempotent-Replayed": "true" } : {});
});
