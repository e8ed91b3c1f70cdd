// GET /api/health – liveness, the database, whether search is served by Meilisearch ("ok") or its fallback ("degraded"), and the search outbox backlog
import { guard, json } from "@/lib/auth/guard";
import { getDatabase } from "@/lib/db/client";
import { sql } from "drizzle-orm";
import { outboxBacklog, searchHealth } from "@/lib/search/health";

export const dynamic = "force-dynamic";

export const GET = guard({ access: "public" }, async () => {
  const started = performance.now();
  const search = searchHealth();
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    const latencyMs = Math.round(performance.now() - started);
    return json({ status: "ok", database: { status: "ok", kind, latencyMs }, search: await search, searchOutbox: await outboxBacklog(db) });
  } catch (error) {
    console.error("[health] database unavailable", error);
    return json({ status: "degraded", database: { status: "unavailable" }, search: await search }, 503);
  }
});
