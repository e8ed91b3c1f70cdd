// GET /api/health – liveness only: answers while the process serves requests, touching nothing else (readiness: /api/health/ready)
import { json } from "@/lib/http/response";
import { publicGuard } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicGuard({}, async () => json({ status: "ok" }));
