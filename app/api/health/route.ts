// GET /api/health – liveness only: answers while the process serves requests, touching nothing else (readiness: /api/health/ready)
import { json } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return json({ status: "ok" });
}
