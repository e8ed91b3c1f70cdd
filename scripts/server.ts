// The production server that scripts/start.ts runs in place of `next start`: Next.js's own
// request handler, with the pages the build prerendered once and for all answered from memory
// (lib/static-pages.ts), each under its own Content-Security-Policy listing the hashes of its
// inline scripts (the site-wide one allows none). Same options as `next start`: --port/-p, --hostname/-H.
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { validateEnv } from "../lib/env";
import { componentLogger } from "../lib/log";
import { replaceForwardedFor } from "../lib/forwarding";
import { randomBytes } from "node:crypto";
import { productionStartRefusal } from "../lib/site-url";
import { documentPath, hashErrorPageScripts, onDemandPatterns, pageEntry, publicPath, replacePolicy, sendPage, servableRequest, staticResponse, type PageEntry } from "../lib/static-pages";
import { SCRIPT_FREE_GROUP, hasExecutableScript, scriptRevealedContent, withoutScripts } from "../lib/script-free";
import { onPagesChanged } from "../lib/held-pages";

const env = validateEnv(process.env);
const log = componentLogger("server");
const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname;
process.title = "lantoa-server";

// Refused rather than warned: a wrong SITE_URL breaks nothing visibly, it only sends every share,
// canonical URL and e-mailed link to the wrong place, and a warning scrolls away unread.
const refusal = productionStartRefusal({ SITE_URL: process.env.SITE_URL, LANTOA_DEMO: env.LANTOA_DEMO, LANTOA_LOCAL: env.LANTOA_LOCAL }, readPrerendered("vi.html"));
if (refusal) {
  log.fatal({ siteUrl: process.env.SITE_URL ?? null }, refusal);
  process.exit(1);
}

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

/** Public URL → the page as Next.js answered it; filled once the server listens. */
const pages = new Map<string, PageEntry>();
const manifest = readManifest();
/** The public URLs of the pages the build prerendered once and for all, with their routes (read before listening). */
const staticUrls = staticPageUrls();
/** URLs of routes whose other pages are rendered on first request and kept (stories past PRERENDERED_STORIES). */
const onDemand = onDemandPatterns(Object.entries(manifest.dynamicRoutes ?? {}).filter(([, r]) => r.fallback === null).map(([route]) => route));
/** The routes of app/[locale]/(static), whose pages are sent without scripts (lib/script-free.ts). */
const scriptFreeRoutes = new Set(Object.entries(readJson<Record<string, string>>("app-path-routes-manifest.json")).filter(([appPath]) => appPath.startsWith(SCRIPT_FREE_GROUP)).map(([, route]) => route));
/** Held pages rendered on demand, oldest first: at most ON_DEMAND_HELD, the others are asked of Next.js's own cache again. */
const onDemandHeld = new Set<string>();
const ON_DEMAND_HELD = 2_000;
/** Prerendered URLs Next.js answered with something else (an error, a cookie): left to it. */
const notHeld = new Set<string>();
/** Pages being asked of Next.js, so that concurrent first requests ask once. */
const loading = new Map<string, Promise<PageEntry | null>>();
// Marks this server's own requests for a page (fetchOwn), which must reach Next.js itself; random
// per process, so no client can send it.
const OWN_REQUEST = "x-lantoa-own-request";
const ownToken = randomBytes(16).toString("hex");
const holdPages = env.STATIC_PAGE_CACHE === "1";

const trustProxy = env.TRUST_PROXY === "1";
const server = http.createServer((req, res) => {
  if (!trustProxy) replaceForwardedFor(req.headers, req.socket.remoteAddress);
  if (req.headers[OWN_REQUEST] !== undefined) {
    const own = req.headers[OWN_REQUEST] === ownToken;
    delete req.headers[OWN_REQUEST];
    if (own) return handle(req, res);
  }
  const url = documentPath(req.method, req.url, req.headers);
  if (url === null) return handle(req, res);
  const route = staticUrls.get(url) ?? onDemand.find((r) => r.pattern.test(url))?.route;
  if (route === undefined || notHeld.has(url)) {
    hashErrorPageScripts(res);
    return handle(req, res);
  }
  // A prerendered page: its inline scripts run only under its own policy, which lists their
  // hashes. Not held yet (the first requests after start), it is asked of Next.js now, once.
  const held = pages.get(url);
  if (held) return answer(held, url, req, res);
  load(url, route).then(
    (page) => {
      if (page) return answer(page, url, req, res);
      // Not a held page after all (a story that does not exist is a 404): as any other page.
      hashErrorPageScripts(res);
      handle(req, res);
    },
    (error) => {
      log.error({ err: error, url }, "could not hold a prerendered page");
      handle(req, res);
    },
  );
});

/**
 * A held page from memory, whatever its query string (the page is the same for every query, and a
 * page Next.js rendered after the build still has its scripts there: only the held copy has
 * none). With STATIC_PAGE_CACHE=0, a prerendered page comes from Next.js, under the held policy.
 */
function answer(page: PageEntry, url: string, req: http.IncomingMessage, res: http.ServerResponse) {
  if (page.bytes > 0 && servableRequest(req.method, url, req.headers)) return sendPage(page, req, res);
  if (page.policy) replacePolicy(res, page.policy);
  handle(req, res);
}

/**
 * Asks Next.js for a prerendered page and keeps it (only its policy with STATIC_PAGE_CACHE=0). A
 * page of app/[locale]/(static) that Next.js rendered after the build (on demand, or again after
 * a publication) loses its scripts here, as the build's own pages did in scripts/script-free.ts.
 */
function load(url: string, route: string): Promise<PageEntry | null> {
  let pending = loading.get(url);
  if (!pending) {
    pending = fetchOwn(url).then((res) => {
      if (!staticResponse(res.status, res.headers)) {
        if (notHeld.size > 10_000) notHeld.clear();
        return (notHeld.add(url), null);
      }
      // After a publication Next.js may send the old version once while it renders the new one:
      // sent (without its scripts), but not held, so the next request asks again.
      const stale = res.headers["x-nextjs-cache"] === "STALE";
      const entry = pageEntry(res.rawHeaders, scriptFreeRoutes.has(route) ? scriptFree(res.body, res.headers) : res.body);
      const rendered = !staticUrls.has(url);
      // Without the cache only the policy of a prerendered page is kept; the bytes go with the closure.
      const page = holdPages || rendered ? entry : { ...entry, bytes: 0, body: () => Buffer.alloc(0) };
      if (rendered && !stale) {
        onDemandHeld.add(url);
        for (const oldest of onDemandHeld) {
          if (onDemandHeld.size <= ON_DEMAND_HELD) break;
          onDemandHeld.delete(oldest);
          pages.delete(oldest);
        }
      }
      if (!stale) pages.set(url, page);
      return page;
    });
    pending.finally(() => loading.delete(url)).catch(() => {});
    loading.set(url, pending);
  }
  return pending;
}

await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, resolve);
});
log.info({ url: `http://${hostname ?? "localhost"}:${port}` }, "listening");

/** Asks this server (so, Next.js) for a page, exactly as a client without compression would. */
function fetchOwn(pathname: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: Buffer }> {
  const host = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: pathname, headers: { "accept-encoding": "identity", [OWN_REQUEST]: ownToken } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

type PrerenderManifest = {
  routes: Record<string, { initialRevalidateSeconds: number | false; srcRoute: string | null }>;
  dynamicRoutes?: Record<string, { fallback: string | false | null }>;
};

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(root, ".next", file), "utf8")) as T;
}

function readManifest(): PrerenderManifest {
  return readJson<PrerenderManifest>("prerender-manifest.json");
}

/** The public URLs of the pages in .next/prerender-manifest.json that are never revalidated, with their routes. */
function staticPageUrls(): Map<string, string> {
  const urls = new Map<string, string>();
  for (const [internal, route] of Object.entries(manifest.routes)) {
    const url = route.initialRevalidateSeconds === false ? publicPath(internal) : null;
    if (url !== null) urls.set(url, route.srcRoute ?? internal);
  }
  return urls;
}

/** A page without its scripts, unless it has none or content only a script would reveal. */
function scriptFree(body: Buffer, headers: http.IncomingHttpHeaders): Buffer {
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return body;
  const html = body.toString("utf8");
  return hasExecutableScript(html) && !scriptRevealedContent(html) ? Buffer.from(withoutScripts(html)) : body;
}

// A publication (app/api/content/published) changed pages: every held copy goes, and is asked
// of Next.js again on its next request.
onPagesChanged(() => {
  pages.clear();
  notHeld.clear();
  onDemandHeld.clear();
  log.info("held pages released after a publication");
});

/** Holds every prerendered page, two at a time: the first visitors are served meanwhile. */
async function cacheStaticPages() {
  const started = performance.now();
  const queue = [...staticUrls.keys()];
  await Promise.all(
    [0, 1].map(async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) if (!pages.has(url)) await load(url, staticUrls.get(url)!);
    }),
  );
  let bytes = 0;
  for (const page of pages.values()) bytes += page.bytes;
  log.info({ pages: pages.size, of: staticUrls.size, mb: Math.round(bytes / 1e5) / 10, ms: Math.round(performance.now() - started) }, "prerendered pages held in memory");
}
if (holdPages) cacheStaticPages().catch((error) => log.error({ err: error }, "could not hold the prerendered pages in memory; Next.js serves them"));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Requests under way finish; idle keep-alive connections are closed so the process can end.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

/** A page of the build (empty when there is none: Next.js then says what is missing). */
function readPrerendered(name: string): string {
  try {
    return readFileSync(path.join(root, ".next", "server", "app", name), "utf8");
  } catch {
    return "";
  }
}
