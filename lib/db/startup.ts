import "server-only";
import { env } from "@/lib/env";
import { getDatabase } from "./client";
import { seedDemo } from "./seed";
import { ensureSecretariat } from "./bootstrap";

export async function prepareDatabase(): Promise<void> {
  const { db, kind } = await getDatabase();
  if (env.LANTOA_ADMIN_EMAIL && env.LANTOA_ADMIN_PASSWORD) {
    const { created } = await ensureSecretariat(db, env.LANTOA_ADMIN_EMAIL, env.LANTOA_ADMIN_PASSWORD);
    if (created) console.log("[db] created the secretariat account named by LANTOA_ADMIN_EMAIL");
  }
  if (env.LANTOA_DEMO === "1") {
    await seedDemo(db, env.DEMO_PASSWORD);
    console.log(`[db] ${kind}: migrated, demo data present (password from DEMO_PASSWORD)`);
  } else {
    console.log(`[db] ${kind}: migrated`);
  }
}
