// GET /api/health/ready – readiness: database (503 when down), search, outbox backlog, storage; see lib/ops/readiness.ts
import { json } from "@/lib/auth/guard";
import { readiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await readiness();
  return json(report, report.status === "down" ? 503 : 200);
}
