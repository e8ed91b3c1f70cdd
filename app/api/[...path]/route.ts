// Any /api/… path no route answers: the API's one error shape (404 notFound, in the caller's
// language) under the API's own policy, instead of Next.js's HTML page with none.
import { notFound } from "@/lib/errors";
import { publicGuard } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const unknownPath = publicGuard({}, async () => {
  throw notFound();
});

export const GET = unknownPath;
export const HEAD = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
