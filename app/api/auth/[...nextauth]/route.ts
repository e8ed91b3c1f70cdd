// GET|POST /api/auth/* – next-auth's own endpoints (csrf, sign-in, sign-out, session)
// This is the one handler outside `guard`: it is where sessions are made, not checked.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, context: Context): Promise<Response> {
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
