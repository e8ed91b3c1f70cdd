// The Content-Security-Policy, in one place for next.config.mjs (every response, scripts allowed
// inline because prerendered pages cannot carry a per-request nonce) and proxy.ts (the pages
// rendered per request, whose scripts must carry that request's nonce).
import { routes, toPattern } from "./i18n/routes";

/**
 * nonce: scripts need it ('strict-dynamic' lets them load the chunks they import);
 * dev: next dev needs eval (React's error overlays) and its HMR websocket.
 */
export function contentSecurityPolicy({ nonce, dev = false }: { nonce?: string; dev?: boolean } = {}): string {
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
 * Internal routes (keys of lib/i18n/routes.ts) rendered per request, each with everything under
 * it: sign-in and sign-up, the account's own pages, the journalist portal, the juror workspace,
 * the secretariat, the contest and results pages that read the database, and search (rendered
 * from its query).
 */
export const nonceSections = ["/signin", "/signup", "/account", "/entries", "/jury", "/admin", "/contest", "/results", "/search"];

/**
 * The public paths (path-to-regexp, both locales) of those routes: what proxy.ts's matcher lists
 * literally, and what next.config.mjs leaves without its own policy.
 */
export function noncePaths(): string[] {
  return Object.entries(routes)
    .filter(([internal]) => nonceSections.some((section) => internal === section || internal.startsWith(section + "/")))
    .flatMap(([internal, { vi }]) => [toPattern(vi), "/en" + toPattern(internal)]);
}

/** A next.config `source` for every path except `paths` (path-to-regexp patterns without modifiers). */
export function sourceExcept(paths: readonly string[]): string {
  const alternatives = paths.map((p) =>
    p
      .slice(1)
      .split("/")
      .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/"),
  );
  return `/:path((?!(?:${alternatives.join("|")})/?$).*)`;
}
