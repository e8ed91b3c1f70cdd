// GET|POST /api/admin/contests – every year's contest, or a new one (the latest year is current)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { contestJson, createContest, listContests } from "@/lib/db/queries/contests";
import { contestInput } from "@/lib/validation/contest";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ db }) =>
  json({ contests: (await listContests(db)).map((c) => ({ ...contestJson(c), resultsPublishedAt: c.resultsPublishedAt?.toISOString() ?? null })) }),
);

export const POST = guard({ access: ["secretariat"], body: contestInput }, async ({ db, caller, body }) => json(contestJson(await createContest(db, caller.id, body)), 201));
