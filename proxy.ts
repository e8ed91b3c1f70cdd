// Pages rendered per request get a Content-Security-Policy with a fresh nonce instead of the
// site-wide 'unsafe-inline' one: Next.js reads the nonce from the request's policy header and puts
// it on every script it writes, so an injected inline script cannot run there. Static pages never
// pass through here (they are prerendered files and could not carry a per-request nonce).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/csp";

export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Literal, as Next.js requires: the public paths (both locales) of the routes in lib/csp.ts's
// nonceSections, which next.config.mjs leaves without its static policy.
// tests/unit/proxy.test.ts fails when this list and lib/i18n/routes.ts drift apart.
export const config = {
  matcher: [
    "/cuoc-thi",
    "/en/contest",
    "/dang-ky",
    "/en/signup",
    "/dang-nhap",
    "/en/signin",
    "/tai-khoan/mat-khau",
    "/en/account/password",
    "/bai-du-thi",
    "/en/entries",
    "/bai-du-thi/moi",
    "/en/entries/new",
    "/bai-du-thi/:id",
    "/en/entries/:id",
    "/bai-du-thi/:id/bien-nhan",
    "/en/entries/:id/receipt",
    "/giam-khao",
    "/en/jury",
    "/giam-khao/:id",
    "/en/jury/:id",
    "/ket-qua/:year",
    "/en/results/:year",
    "/ket-qua/:year/:code",
    "/en/results/:year/:code",
    "/tim-kiem",
    "/en/search",
    "/thu-ky",
    "/en/admin",
    "/thu-ky/bai-du-thi",
    "/en/admin/entries",
    "/thu-ky/vong",
    "/en/admin/rounds",
    "/thu-ky/vong/:id",
    "/en/admin/rounds/:id",
    "/thu-ky/giai-thuong",
    "/en/admin/prizes",
    "/thu-ky/tai-khoan",
    "/en/admin/accounts",
    "/thu-ky/nhat-ky",
    "/en/admin/audit",
    "/thu-ky/xuat-du-lieu",
    "/en/admin/exports",
  ],
};
