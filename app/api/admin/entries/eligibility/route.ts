// POST /api/admin/entries/eligibility – one eligibility decision and reason for several entries, all or none (audited per entry, re-indexed)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { decideEligibilityInBulk } from "@/lib/db/queries/entry-detail";
import { bulkEligibilityInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], body: bulkEligibilityInput }, async ({ db, caller, body }) =>
  json(await decideEligibilityInBulk(db, caller, body.ids, body.eligible, body.reason ?? "")),
);
