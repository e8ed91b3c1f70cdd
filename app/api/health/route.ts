// GET /api/health – liveness, the database, and whether search is served by Meilisearch ("ok") or its fallback ("degraded")
import { guard, json } from "@/lib/auth/guard";
import { getDatabase } from "@/lib/db/client";
import { sql } from "drizzle-orm";
import { searchHealth } from "@/lib/search/health";

export const dynamic = "force-dynamic";

export const GET = guard({ access: "public" }, async () => {
  const started = performance.now();
  const search = searchHealth();
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return json({ status: "ok", database: { status: "ok", kind, latencyMs: Math.round(performance.now() - started) }, search: await search });
  } catch (error) {
    console.error("[health] database unavailable", error);
    return json({ status: "degraded", database: { status: "unavailable" }, search: await search }, 503);
  }
});
