// GET /api/health/ready – readiness: database (503 when down), search, outbox backlog, storage; see lib/ops/readiness.ts
import { json } from "@/lib/http/response";
import { publicGuard } from "@/lib/http/route";
import { readiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

// Public mode: the guard opens no database, so a database that is down is reported here (503 with
// the report), not refused before it.
export const GET = publicGuard({}, async () => {
  const report = await readiness();
  return json(report, report.status === "down" ? 503 : 200);
});
