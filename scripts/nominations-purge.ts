// npm run nominations:purge: deletes rejected nominations decided more than
// NOMINATION_RETENTION_DAYS days ago (default 90), and never-confirmed ones that old, with their
// files. Run it daily (cron, a scheduled task).
import { getDb } from "../lib/db/client";
import { env } from "../lib/env";
import { purgeNominations } from "../lib/db/queries/nominations";
import { getStorage } from "../lib/storage";

const result = await purgeNominations(await getDb(), getStorage(), new Date(), env.NOMINATION_RETENTION_DAYS);
console.log(`nominations:purge: ${result.deleted} nominations and ${result.files} files deleted (older than ${env.NOMINATION_RETENTION_DAYS} days).`);
process.exit(0);
