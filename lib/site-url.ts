// SITE_URL cannot be forgotten (docs/deploy.md, "SITE_URL"): it is written into every canonical
// URL, share link, preview image, feed and e-mailed link, and the prerendered pages carry the
// value the build had. A production server therefore refuses to start when it is unset or points
// at this machine, unless it is the local demo, and when the build was made for another origin.
// Pure functions; scripts/server.ts applies them before it starts Next.js, and instrumentation.ts
// again when Next.js is started some other way (`next start`, the standalone server.js).

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/** True for an origin that only this machine can reach. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

type SiteEnv = { SITE_URL?: string; LANTOA_DEMO?: string; LANTOA_LOCAL?: string };

/** Why a production server must not start with this environment, or null when it may. */
export function siteUrlRefusal(env: SiteEnv): string | null {
  // The local demo (LANTOA_DEMO=1 npm start) and a build served to this machine only (LANTOA_LOCAL=1).
  if (env.LANTOA_DEMO === "1" || env.LANTOA_LOCAL === "1") return null;
  if (!env.SITE_URL) return "SITE_URL is not set: canonical URLs, share links, feeds and e-mailed links would point at http://localhost:3000. Set SITE_URL to the public origin (https://lantoa.vn) before building and starting, or set LANTOA_LOCAL=1 to serve this machine only.";
  if (isLoopbackUrl(env.SITE_URL)) return `SITE_URL is ${env.SITE_URL}, which only this machine can reach: canonical URLs, share links, feeds and e-mailed links would point there. Set SITE_URL to the public origin (https://lantoa.vn), or set LANTOA_LOCAL=1 to serve this machine only.`;
  return null;
}

/** The origin a prerendered page was built for: the one of its canonical link. */
export function prerenderedOrigin(html: string): string | null {
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (!href) return null;
  try {
    return new URL(href).origin;
  } catch {
    return null;
  }
}

/** Why this build cannot be served at `siteUrl` (its pages name another origin), or null. */
export function buildOriginMismatch(builtOrigin: string | null, siteUrl: string): string | null {
  if (builtOrigin === null || builtOrigin === new URL(siteUrl).origin) return null;
  return `The build's pages were prerendered for ${builtOrigin}, but SITE_URL is ${siteUrl}: their canonical URLs and share links would be wrong. Run npm run build again with SITE_URL=${siteUrl}.`;
}

/** Why a production server with this environment and these prerendered pages must not start, or null. */
export function productionStartRefusal(env: SiteEnv, prerenderedHome: string): string | null {
  if (env.LANTOA_DEMO === "1" || env.LANTOA_LOCAL === "1") return null;
  return siteUrlRefusal(env) ?? buildOriginMismatch(prerenderedOrigin(prerenderedHome), env.SITE_URL!);
}
