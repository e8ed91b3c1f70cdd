// The Next.js configuration. next.config.mjs, which Next.js loads as plain JavaScript, loads this
// module through tsx.
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { localeRewrites } from "./i18n/routes";
import { validateEnv } from "./env";
import { siteUrlRefusal } from "./site-url";
import { contentSecurityPolicy, noncePaths, sourceExcept } from "./csp";
import { perRequestRoutes } from "./page-groups";

// Fail at start, not at the first request, when the environment is wrong.
const buildEnv = validateEnv(process.env);

// The prerendered pages keep the SITE_URL the build had; a production server started with another
// refuses (scripts/server.ts). Said loudly here, where it can still be fixed by building again.
const siteUrlWarning = process.argv.includes("build") ? siteUrlRefusal({ SITE_URL: process.env.SITE_URL, LANTOA_DEMO: buildEnv.LANTOA_DEMO, LANTOA_LOCAL: buildEnv.LANTOA_LOCAL }) : null;
if (siteUrlWarning) console.warn(`\n!!! ${siteUrlWarning}\n!!! npm start will serve this build only with LANTOA_LOCAL=1 or LANTOA_DEMO=1 (this machine only).\n`);

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");
const isDev = process.env.NODE_ENV === "development";

// Story pages are static files, so a per-request nonce is not possible there: their scripts are
// limited to this origin, and scripts/server.ts adds the hashes of the inline scripts Next.js
// writes into each page to that page's own copy of this policy (lib/static-pages.ts); no third-party
// script, frame, font or connection is allowed anywhere (lib/csp.ts). The pages rendered per
// request get a nonce-based policy from proxy.ts instead of this one (a browser enforces every
// policy it receives; one per response is what anyone reading the headers expects).
const staticPolicy = { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: isDev }) };
// Those pages are the ones under app/[locale]/(per-request), read here at build time; proxy.ts
// gets the same list through `env` (inlined into its bundle), since it cannot read app/ per request.
const nonceRoutes = perRequestRoutes();

const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];
const { exact, fallback } = localeRewrites();
const JUROR_FILES_EXCEPT = "/:path((?!api/jury/entries/[^/]+/attachments/[^/]+/?$).*)";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The project root is the checkout (lib/..), even when a copy of it builds inside another one.
  turbopack: { root: path.resolve(import.meta.dirname, "..") },
  poweredByHeader: false,
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // The stylesheet is small (~8 KB gzip): inlining it removes the render-blocking request
  // that costs a phone on a slow network a whole round trip before first paint.
  experimental: { inlineCss: true },
  serverExternalPackages: ["@electric-sql/pglite", "pino", "exceljs"],
  env: { LANTOA_NONCE_ROUTES: JSON.stringify(nonceRoutes) },
  // Vietnamese is served without a prefix: its translated paths map onto app/[locale]
  // routes here instead of in a proxy, so static pages stay plain static files.
  async rewrites() {
    return { beforeFiles: exact, afterFiles: [fallback], fallback: [] };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // No page may be framed, except a juror's file inside the jury room: its handler answers
      // SAMEORIGIN with `frame-ancestors 'self'` (headers() here would overwrite it).
      { source: JUROR_FILES_EXCEPT, headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      // Not on /api/: headers() would overwrite the policy a handler sets (a download's
      // `default-src 'none'; sandbox`); the guard gives every API response its own (lib/http/route.ts).
      { source: sourceExcept(noncePaths(nonceRoutes), ["api"]), headers: [staticPolicy] },
    ];
  },
  async redirects() {
    return [
      { source: "/vi", destination: "/", permanent: true },
      { source: "/vi/:path*", destination: "/:path*", permanent: true },
    ];
  },
};

export default withNextIntl(nextConfig);
