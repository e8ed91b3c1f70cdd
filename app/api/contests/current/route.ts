// GET /api/contests/current – the open contest: rules, windows, categories and their limits
import { guard, json } from "@/lib/auth/guard";
import { contestJson, getCurrentContest } from "@/lib/db/queries/contests";

export const dynamic = "force-dynamic";

export const GET = guard({ access: "public" }, async ({ db }) => json(contestJson(await getCurrentContest(db))));
