// The production server that scripts/start.ts runs in place of `next start`: Next.js's own
// request handler, with the pages the build prerendered once and for all answered from memory
// (lib/static-pages.ts). Same options as `next start`: --port/-p, --hostname/-H.
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { validateEnv } from "../lib/env";
import { componentLogger } from "../lib/log";
import { replaceForwardedFor } from "../lib/forwarding";
import { pageEntry, publicPath, sendPage, servableRequest, staticResponse, type PageEntry } from "../lib/static-pages";

const env = validateEnv(process.env);
const log = componentLogger("server");
const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname;
process.title = "lantoa-server";

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

/** Public URL → the page as Next.js answered it; filled once the server listens. */
const pages = new Map<string, PageEntry>();

const trustProxy = env.TRUST_PROXY === "1";
const server = http.createServer((req, res) => {
  if (!trustProxy) replaceForwardedFor(req.headers, req.socket.remoteAddress);
  if (pages.size > 0 && servableRequest(req.method, req.url, req.headers)) {
    const page = pages.get(req.url ?? "");
    if (page) return sendPage(page, req, res);
  }
  handle(req, res);
});
await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, resolve);
});
log.info({ url: `http://${hostname ?? "localhost"}:${port}` }, "listening");

/** Asks this server (so, Next.js) for a page, exactly as a client without compression would. */
function fetchOwn(pathname: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: Buffer }> {
  const host = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: pathname, headers: { "accept-encoding": "identity" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function cacheStaticPages() {
  const manifest: { routes: Record<string, { initialRevalidateSeconds: number | false }> } = JSON.parse(readFileSync(path.join(root, ".next", "prerender-manifest.json"), "utf8"));
  const urls = Object.entries(manifest.routes)
    .filter(([, route]) => route.initialRevalidateSeconds === false)
    .map(([internal]) => publicPath(internal))
    .filter((url) => url !== null);
  const started = performance.now();
  let bytes = 0;
  // Two at a time: the first visitors are served by Next.js meanwhile.
  const queue = [...new Set(urls)];
  await Promise.all(
    [0, 1].map(async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const res = await fetchOwn(url);
        if (!staticResponse(res.status, res.headers)) continue;
        const entry = pageEntry(res.rawHeaders, res.body);
        pages.set(url, entry);
        bytes += entry.bytes;
      }
    }),
  );
  log.info({ pages: pages.size, of: urls.length, mb: Math.round(bytes / 1e5) / 10, ms: Math.round(performance.now() - started) }, "prerendered pages held in memory");
}
if (env.STATIC_PAGE_CACHE === "1") cacheStaticPages().catch((error) => log.error({ err: error }, "could not hold the prerendered pages in memory; Next.js serves them"));

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
