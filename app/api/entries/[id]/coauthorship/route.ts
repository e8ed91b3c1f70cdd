// POST /api/entries/{id}/coauthorship – the linked co-author accepts or declines being named on an entry
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { once } from "@/lib/db/queries/idempotency";
import { answerCoauthorship } from "@/lib/db/queries/coauthors";
import { coauthorshipInput } from "@/lib/validation/coauthorship";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

// Every role: a juror's or the secretariat's e-mail may have been named; they may decline, and
// an accept is refused by the rule (lib/contest/coauthors.ts), not by the role gate.
export const POST = guard(
  { access: ["journalist", "juror", "secretariat"], params: entryParams, body: coauthorshipInput, idempotent: true },
  async ({ db, caller, params, body, idempotency }) => {
    const result = await once(db, idempotency, async (tx) => ({ status: 200, body: await answerCoauthorship(tx, caller, params.id, body.answer, new Date()) }));
    return json(result.body, result.status, result.replayed ? { "Idempotent-Replayed": "true" } : {});
  },
);
