import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { openClients } from "./connection";
import { indexUid } from "./indexer";
import { storiesIndex } from "./settings";
import { defaultBackend } from "./stories";

/**
 * "ok" when a search of the live stories index answers with the search key, as a reader's
 * would; "degraded" when readers are being served by the fallback.
 */
export async function searchHealth(): Promise<"ok" | "degraded"> {
  if (!defaultBackend) return "degraded";
  try {
    const { search } = await openClients(defaultBackend);
    await search.index(indexUid(defaultBackend.indexPrefix, storiesIndex.name)).search("", { limit: 0 });
    return "ok";
  } catch {
    return "degraded";
  }
}

export type OutboxBacklog = { pending: number; oldestPendingSeconds: number | null; failing: number };

/**
 * The search outbox's backlog for the readiness report: rows not yet in Meilisearch, how long the
 * oldest has waited, and how many have failed at least once. A growing backlog while search is
 * "ok" means the drainer is not running.
 */
export async function outboxBacklog(db: Db): Promise<OutboxBacklog> {
  const result = (await db.execute(
    sql`select count(*)::int as pending, count(*) filter (where attempts > 0)::int as failing,
      extract(epoch from clock_timestamp() - min(created_at))::float8 as oldest
      from search_outbox where processed_at is null`,
  )) as unknown as { rows: { pending: number | string; failing: number | string; oldest: number | string | null }[] };
  const row = result.rows[0];
  return {
    pending: Number(row?.pending ?? 0),
    failing: Number(row?.failing ?? 0),
    oldestPendingSeconds: row?.oldest === null || row?.oldest === undefined ? null : Math.round(Number(row.oldest)),
  };
}
