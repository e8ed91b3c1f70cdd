// Pages rendered per request get a Content-Security-Policy with a fresh nonce instead of the
// site-wide one (which allows no inline script): Next.js reads the nonce from the request's policy
// header and puts it on every script it writes, so an injected inline script cannot run there.
// Static pages are prerendered files and could not carry a per-request nonce: they pass through
// unchanged, and scripts/server.ts adds their inline scripts' hashes to the policy next.config.mjs
// gives them.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, noncePaths, pathsRegExp } from "@/lib/csp";

// The internal routes of the pages under app/[locale]/(per-request), found by lib/next-config.ts at
// build time (lib/page-groups.ts) and inlined here by Next.js.
const nonceRoutes = process.env.LANTOA_NONCE_ROUTES;
if (!nonceRoutes) throw new Error("LANTOA_NONCE_ROUTES is not set: proxy.ts must be built with next.config.mjs");
const perRequest = pathsRegExp(noncePaths(JSON.parse(nonceRoutes) as string[]));

export function proxy(request: NextRequest) {
  if (!perRequest.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Literal, as Next.js requires, and about no page in particular: every path that can be a page
// (not the API, preview images, Next.js's own files, covers, or a file name with an extension such
// as /feed.xml or /robots.txt). The proxy itself decides which of them get a nonce.
export const config = {
  matcher: ["/((?!api/|og/|_next/|covers/|.*\\.(?:svg|png|jpe?g|webp|ico|txt|xml)$).*)"],
};
