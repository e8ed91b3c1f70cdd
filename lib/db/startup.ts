import "server-only";
import { env } from "@/lib/env";
import { componentLogger } from "@/lib/log";
import { getDatabase } from "./client";
import { seedDemo } from "./seed";
import { ensureSecretariat } from "./bootstrap";

const log = componentLogger("db");

export async function prepareDatabase(): Promise<void> {
  const { db, kind } = await getDatabase();
  if (env.LANTOA_ADMIN_EMAIL && env.LANTOA_ADMIN_PASSWORD) {
    const { created } = await ensureSecretariat(db, env.LANTOA_ADMIN_EMAIL, env.LANTOA_ADMIN_PASSWORD);
    if (created) log.info("created the secretariat account named by LANTOA_ADMIN_EMAIL");
  }
  if (env.LANTOA_DEMO === "1") {
    await seedDemo(db, env.DEMO_PASSWORD);
    log.info({ database: kind, demo: true }, "database migrated, demo data present (password from DEMO_PASSWORD)");
  } else {
    log.info({ database: kind, demo: false }, "database migrated");
  }
}
