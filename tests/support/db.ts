import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, installDatabase, type DatabaseHandle } from "@/lib/db/client";

export type DatabaseKind = "pglite" | "postgres";

/** Every database suite runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TestDatabase = DatabaseHandle & { dispose: () => Promise<void>; /** PostgreSQL only: the test database's own URL. */ url?: string };

/**
 * A fresh, migrated database that the application modules will use: PGlite in memory, or a
 * PostgreSQL database of its own (created here, dropped afterwards) so parallel runs never meet.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = await openDatabase({});
    installDatabase(handle);
    return { ...handle, dispose: handle.close };
  }
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `lantoa_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  installDatabase(handle);
  return {
    ...handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: base.toString() });
      await cleanup.connect();
      // Clients the pool is still closing would be killed by `with (force)` (an unhandled FATAL
      // 57P01 in the test run): wait for them to go, and force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(attempt < 50 ? `drop database if exists ${name}` : `drop database if exists ${name} with (force)`);
          break;
        } catch (error) {
          if (attempt >= 50 || (error as { code?: string }).code !== "55006") throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleanup.end();
    },
  };
}
