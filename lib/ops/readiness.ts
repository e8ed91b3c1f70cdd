import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase, type DatabaseHandle } from "@/lib/db/client";
import { outboxBacklog, searchHealth, type OutboxBacklog } from "@/lib/search/health";
import { getStorage, type BlobStorage } from "@/lib/storage";
import { componentLogger } from "@/lib/log";

const log = componentLogger("readiness");

export type Readiness = {
  /** "down": the database cannot be reached (503); "degraded": it can, but search or storage cannot serve fully. */
  status: "ok" | "degraded" | "down";
  database: { ok: boolean; latencyMs: number | null };
  search: "ok" | "degraded";
  /** null while the database is down (the outbox lives there). */
  outbox: OutboxBacklog | null;
  storage: { ok: boolean; writable: boolean };
};

export type ReadinessDeps = {
  database?: () => Promise<DatabaseHandle>;
  search?: () => Promise<"ok" | "degraded">;
  storage?: () => BlobStorage;
  /** How long the database may take to answer `select 1` before it counts as down. */
  timeoutMs?: number;
};

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance can serve traffic: the database answers (required), Meilisearch answers
 * (otherwise search runs on its fallback), the outbox backlog, and whether uploads can be written.
 * The three checks run in parallel and each is bounded, so the report itself stays fast.
 */
export async function readiness({ database = getDatabase, search = searchHealth, storage = getStorage, timeoutMs = 3_000 }: ReadinessDeps = {}): Promise<Readiness> {
  const searchState = withTimeout(search(), timeoutMs, "search").catch(() => "degraded" as const);
  const storageState = withTimeout(Promise.resolve().then(() => storage().probe()), timeoutMs, "storage").catch(() => ({ ok: false, writable: false }));
  const databaseState = withTimeout(
    (async () => {
      const { db } = await database();
      const started = performance.now();
      await db.execute(sql`select 1`);
      const latencyMs = Math.round(performance.now() - started);
      return { latencyMs, outbox: await outboxBacklog(db) };
    })(),
    timeoutMs,
    "database",
  ).catch((error: unknown) => {
    log.error({ err: error }, "database unavailable");
    return null;
  });
  const [db, searchResult, storageResult] = await Promise.all([databaseState, searchState, storageState]);
  const status = !db ? "down" : searchResult === "ok" && storageResult.ok && storageResult.writable ? "ok" : "degraded";
  return {
    status,
    database: { ok: Boolean(db), latencyMs: db?.latencyMs ?? null },
    search: searchResult,
    outbox: db?.outbox ?? null,
    storage: storageResult,
  };
}
