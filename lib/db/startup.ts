import "server-only";
import { env } from "@/lib/env";
import { getDatabase } from "./client";
import { seedDemo } from "./seed";

export async function prepareDatabase(): Promise<void> {
  const { db, kind } = await getDatabase();
  if (env.LANTOA_DEMO === "1") {
    await seedDemo(db, env.DEMO_PASSWORD);
    console.log(`[db] ${kind}: migrated, demo data present (password from DEMO_PASSWORD)`);
  } else {
    console.log(`[db] ${kind}: migrated`);
  }
}
