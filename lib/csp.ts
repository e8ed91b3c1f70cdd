// The Content-Security-Policy, in one place for lib/next-config.ts (every response; no inline script
// in production: scripts/server.ts adds to each prerendered page the hashes of its own inline
// scripts, lib/static-pages.ts) and proxy.ts (the pages rendered per request, whose scripts must
// carry that request's nonce).
import { routes, toPattern } from "./i18n/routes";

/**
 * nonce: scripts need it ('strict-dynamic' lets them load the chunks they import);
 * dev: next dev needs eval (React's error overlays) and its HMR websocket, and renders every page
 * on request without the hashes, so its pages keep inline scripts.
 */
export function contentSecurityPolicy({ nonce, dev = false }: { nonce?: string; dev?: boolean } = {}): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : dev ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: the stylesheet is inlined (experimental.inlineCss) into pages
    // that are static files, and styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The public paths (path-to-regexp, both locales) of internal routes (keys of
 * lib/i18n/routes.ts). Given the pages rendered per request (lib/page-groups.ts: the folders
 * under app/[locale]/(per-request)), the paths proxy.ts gives a nonce and lib/next-config.ts leaves
 * without its own policy.
 */
export function noncePaths(internalRoutes: readonly string[]): string[] {
  return internalRoutes.flatMap((internal) => {
    const entry = routes[internal as keyof typeof routes];
    if (!entry) throw new Error(`${internal} is rendered per request but has no public path in lib/i18n/routes.ts`);
    return [toPattern(entry.vi), internal === "/" ? "/en" : "/en" + toPattern(internal)];
  });
}

/** Path-to-regexp patterns without modifiers as regular-expression alternatives, without the leading slash. */
function alternatives(paths: readonly string[]): string {
  if (paths.length === 0) return "(?!)";
  return paths
    .map((p) =>
      p
        .slice(1)
        .split("/")
        .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/"),
    )
    .join("|");
}

/**
 * A RegExp for a request's pathname that matches exactly `paths` (path-to-regexp patterns
 * without modifiers), also as the React payload of a client navigation (`.rsc`, prefetched
 * segments), as Next.js matches a proxy's matcher.
 */
export function pathsRegExp(paths: readonly string[]): RegExp {
  return new RegExp(`^/(?:${alternatives(paths)})(?:\\.rsc|\\.segments/.+\\.segment\\.rsc)?/?$`);
}

/**
 * A next.config `source` for every path except `paths` (path-to-regexp patterns without
 * modifiers) and everything under the first segments `prefixes` ("api": /api and /api/…).
 */
export function sourceExcept(paths: readonly string[], prefixes: readonly string[] = []): string {
  const under = prefixes.length ? `(?!(?:${prefixes.join("|")})(?:/|$))` : "";
  return `/:path(${under}(?!(?:${alternatives(paths)})/?$).*)`;
}
