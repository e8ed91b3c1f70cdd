// POST /api/admin/entries/{id}/eligibility – the secretariat's eligibility decision (audited, re-indexed, e-mailed to the owner)
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { decideEligibility } from "@/lib/db/queries/entries";
import { notifyEligibility } from "@/lib/mail/events";
import { text } from "@/lib/validation/text";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

const body = z.object({ decision: z.enum(["eligible", "ineligible"]), reason: text({ max: 1000 }).optional() }).strict();

export const POST = guard({ access: ["secretariat"], params: entryParams, body }, async ({ db, caller, params, body, log }) => {
  const entry = await decideEligibility(db, caller, params.id, body.decision, body.reason ?? "");
  // After the commit: the decision stands whether or not the mail goes.
  await notifyEligibility(db, entry, caller.id, log);
  return json(entry);
});
