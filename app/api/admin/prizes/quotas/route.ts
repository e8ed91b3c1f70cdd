// PUT /api/admin/prizes/quotas – the number of A, B, C and encouragement prizes per category (before publication; audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { getCurrentContest } from "@/lib/db/queries/contests";
import { setPrizeQuotas } from "@/lib/db/queries/prizes";
import { quotasInput } from "@/lib/validation/prizes";

export const dynamic = "force-dynamic";

export const PUT = guard({ access: ["secretariat"], body: quotasInput }, async ({ db, caller, body }) => json({ quotas: await setPrizeQuotas(db, caller, await getCurrentContest(db), body) }));
