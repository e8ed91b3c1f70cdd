// Who is calling: the rate limits key on the last X-Forwarded-For hop (lib/auth/rate-limit.ts),
// which is the caller's own address only when a proxy we trust appended it. Without one, a
// client could send any header and pick a fresh counter for every attempt.
import type { IncomingHttpHeaders } from "node:http";

/**
 * For a server that no proxy stands in front of: replaces what the client sent as
 * X-Forwarded-For (and X-Real-IP) with the socket's address, and drops X-Forwarded-Proto/-Host, in
 * place, before Next.js reads them.
 */
export function replaceForwardedFor<T extends IncomingHttpHeaders>(headers: T, socketAddress: string | undefined): T {
  const writable: IncomingHttpHeaders = headers;
  delete writable["x-real-ip"];
  // Nor may it claim another scheme or host: Next.js builds request.url from these when present.
  delete writable["x-forwarded-proto"];
  delete writable["x-forwarded-host"];
  writable["x-forwarded-for"] = socketAddress ?? "unknown";
  return headers;
}
