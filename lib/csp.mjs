// The Content-Security-Policy, in one place for next.config.mjs (every response, scripts allowed
// inline because prerendered pages cannot carry a per-request nonce) and proxy.ts (the pages
// rendered per request, whose scripts must carry that request's nonce). Plain .mjs so
// next.config.mjs can import it.
import { routes, toPattern } from "./i18n/routes.mjs";

/**
 * @param {{ nonce?: string, dev?: boolean }} [options]
 *   nonce: scripts need it ('strict-dynamic' lets them load the chunks they import);
 *   dev: next dev needs eval (React's error overlays) and its HMR websocket.
 */
export function contentSecurityPolicy({ nonce, dev = false } = {}) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
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
 * lib/i18n/routes.mjs). Given the pages rendered per request (lib/page-groups.mjs: the folders
 * under app/[locale]/(per-request)), the paths proxy.ts gives a nonce and next.config.mjs leaves
 * without its own policy.
 * @param {string[]} internalRoutes
 */
export function noncePaths(internalRoutes) {
  return internalRoutes.flatMap((internal) => {
    const entry = routes[internal];
    if (!entry) throw new Error(`${internal} is rendered per request but has no public path in lib/i18n/routes.mjs`);
    return [toPattern(entry.vi), internal === "/" ? "/en" : "/en" + toPattern(internal)];
  });
}

/** Path-to-regexp patterns without modifiers as regular-expression alternatives, without the leading slash. */
function alternatives(paths) {
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
export function pathsRegExp(paths) {
  return new RegExp(`^/(?:${alternatives(paths)})(?:\\.rsc|\\.segments/.+\\.segment\\.rsc)?/?$`);
}

/** A next.config `source` for every path except `paths` (path-to-regexp patterns without modifiers). */
export function sourceExcept(paths) {
  return `/:path((?!(?:${alternatives(paths)})/?$).*)`;
}
