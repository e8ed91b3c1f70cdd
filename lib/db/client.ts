import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { claimDataDir, releaseDataDir } from "./pglite-lock.mjs";

/** A drizzle database or transaction over either driver: queries take this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

export type DatabaseOptions = { url?: string; dataDir?: string };

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");
// Any constant: every instance starting at once waits here instead of migrating in parallel.
const MIGRATION_LOCK = 72_616_813;

/**
 * Opens PostgreSQL at `url`, or PGlite under `dataDir` (in memory when neither is given), and
 * applies pending migrations before returning.
 */
export async function openDatabase({ url, dataDir }: DatabaseOptions): Promise<DatabaseHandle> {
  if (url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new Pool({ connectionString: url, max: 20 });
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle({ client, schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    return { db: drizzle({ client: pool, schema }) as unknown as Db, kind: "postgres", close: () => pool.end() };
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
  return (await getDatabase()).db;
}

/** Points getDb() at an already opened database (the integration tests run each suite on its own). */
export function installDatabase(handle: DatabaseHandle): void {
  cache.__lantoaDb = Promise.resolve(handle);
}
