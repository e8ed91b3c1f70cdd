// GET /api/contests/current – the open contest: rules, windows, categories and their limits
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { contestJson, getCurrentContest } from "@/lib/db/queries/contests";

export const dynamic = "force-dynamic";

export const GET = guard({ access: "anyone" }, async ({ db }) => json(contestJson(await getCurrentContest(db))));
