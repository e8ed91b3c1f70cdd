// GET|POST /api/auth/* – next-auth's own endpoints (csrf, sign-in, sign-out, session)
// Where sessions are made, not checked: the guard's public mode (request id, log line, error
// shape, cross-origin writes refused) passes the request on to next-auth untouched.
import NextAuth from "next-auth";
import { z } from "zod";
import { authOptions } from "@/lib/auth/options";
import { withSignInStatus } from "@/lib/auth/signin-status";
import { publicGuard } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ nextauth: z.array(z.string()) });

const handler = publicGuard({ params }, ({ req, params }) =>
  // A throttled sign-in leaves its 429 and Retry-After for this response (lib/auth/signin-status.ts).
  withSignInStatus(() => NextAuth(req as never, { params: Promise.resolve(params) } as never, authOptions()) as Promise<Response>),
);

export { handler as GET, handler as POST };
