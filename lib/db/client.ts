import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { componentLogger } from "@/lib/log";
import * as schema from "./schema";
import { claimDataDir, releaseDataDir } from "./pglite-lock";

/** A drizzle database or transaction over either driver: queries take this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  /** PostgreSQL: resolves when the server can be used, rejects at once while it cannot be reached. */
  available?: () => Promise<void>;
};

export type DatabaseOptions = { url?: string; dataDir?: string };

const log = componentLogger("db");
const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");
// Any constant: every instance starting at once waits here instead of migrating in parallel.
const MIGRATION_LOCK = 72_616_813;

/**
 * Opens PostgreSQL at `url`, or PGlite under `dataDir` (in memory when neither is given), and
 * applies pending migrations before returning.
 */
export async function openDatabase({ url, dataDir }: DatabaseOptions): Promise<DatabaseHandle> {
  if (url) {
    const { Client, Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const breaker = connectionBreaker();
    // The pool opens connections with this class, so a refused connection is seen here even
    // when drizzle reports it as a failed query.
    class WatchedClient extends Client {
      override connect(): Promise<InstanceType<typeof Client>>;
      override connect(callback: (err: Error) => void): void;
      override connect(callback?: (err: Error) => void): Promise<InstanceType<typeof Client>> | void {
        if (!callback) {
          return super.connect().catch((error: Error) => {
            breaker.failed(error);
            throw error;
          });
        }
        super.connect((error: Error) => {
          if (error) breaker.failed(error);
          callback(error);
        });
      }
    }
    const pool = new Pool({ connectionString: url, max: 20, Client: WatchedClient });
    pool.on("connect", () => breaker.succeeded());
    // An idle connection the server closed (restart, failover). Without a listener this is an
    // uncaught exception; the pool has already dropped the connection.
    pool.on("error", (error) => breaker.failed(error));
    breaker.probe = async () => {
      const probe = await pool.connect();
      try {
        await probe.query("select 1");
        probe.release();
      } catch (error) {
        probe.release(error as Error);
        throw error;
      }
      breaker.succeeded();
    };
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle({ client, schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    return { db: drizzle({ client: pool, schema }) as unknown as Db, kind: "postgres", close: () => pool.end(), available: () => breaker.check() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
  // Tells `npm run backup` (and anything else that would open the folder) that this process has it.
  if (dataDir) claimDataDir(dataDir);
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      if (dataDir) releaseDataDir(dataDir);
    },
  };
}

/**
 * Whether PostgreSQL can be reached, so that while it cannot every request fails at once with
 * 503 (the guard maps a failing getDb()) instead of each one running into a refused connection
 * half-way through its work. A failed attempt to connect, or an idle connection the server
 * dropped, marks the server down; while down, callers share one probe (a new connection and
 * `select 1`), and the first success marks it up again. A false alarm costs one probe. Requests
 * already running when the server goes away fail inside their handler; the guard answers them
 * with the same 503.
 */
function connectionBreaker() {
  let down = false;
  let probing: Promise<void> | null = null;
  const breaker = {
    probe: async () => {},
    failed(error: Error) {
      if (!down) log.error({ err: error }, "PostgreSQL cannot be reached; requests fail with 503 until it answers");
      down = true;
    },
    succeeded() {
      if (down) log.info("PostgreSQL answers again");
      down = false;
    },
    async check(): Promise<void> {
      if (!down) return;
      probing ??= breaker.probe().finally(() => (probing = null));
      // The error callers show (the sign-in form too) is the translated "temporarily unavailable".
      await probing.catch((error: unknown) => {
        throw Object.assign(new AppError(503, "databaseUnavailable"), { cause: error });
      });
    },
  };
  return breaker;
}

// PGlite allows one process per data directory, so keep one handle per process; globalThis
// survives module reloads in `next dev`.
const cache = globalThis as typeof globalThis & { __lantoaDb?: Promise<DatabaseHandle> };

/** The application's database, opened and migrated on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  cache.__lantoaDb ??= openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.DATA_DIR, "db") }).catch((error: unknown) => {
    // Let the next request try again instead of caching the failure forever.
    cache.__lantoaDb = undefined;
    throw error;
  });
  return cache.__lantoaDb;
}

export async function getDb(): Promise<Db> {
  const handle = await getDatabase();
  await handle.available?.();
  return handle.db;
}

/** Points getDb() at an already opened database (the integration tests run each suite on its own). */
export function installDatabase(handle: DatabaseHandle): void {
  cache.__lantoaDb = Promise.resolve(handle);
}
