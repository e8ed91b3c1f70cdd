// Prerendered pages served from memory. Next.js serves a static page by running its whole
// request pipeline each time (routing, rewrites, headers, the page's cache entry, an ETag over
// 200 KB of HTML): about 1.6 ms of CPU a request, some 50 times what a file server spends. The
// server (scripts/server.ts) asks Next.js itself for every page the build marked static and
// never revalidated, keeps the exact bytes and headers it answered with, and answers later
// plain GET/HEAD requests for those URLs from memory; everything else goes to Next.js as before.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { locales, routes } from "./i18n/routes";

export type Encoding = "br" | "gzip";

/** One page as Next.js answered it (see pageEntry). */
export type PageEntry = {
  /** Header names and values, alternating, as in IncomingMessage.rawHeaders. */
  headers: string[];
  etag: string | null;
  bytes: number;
  body(encoding: Encoding | null): Buffer;
};

/** Cache-Control of a page built once and never revalidated (`revalidate: false`). */
export const STATIC_CACHE_CONTROL = "s-maxage=31536000";

// Headers that make Next.js answer with something other than the page's HTML (a React Server
// Components payload for client navigation, a server action): those requests go to Next.js.
const BYPASS_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];
// Set per response by the connection, not part of the page.
const TRANSPORT_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "date", "connection", "keep-alive"]);

/**
 * The public URL of a prerendered internal route ("/vi/stories/x" → "/cau-chuyen/x",
 * "/en/stories/x" → "/en/stories/x"), or null when it has none (framework pages such as
 * "/_not-found"). Routes outside app/[locale] (Open Graph images, feeds) keep their path.
 */
export function publicPath(internal: string): string | null {
  const [, first, ...rest] = internal.split("/");
  if (first?.startsWith("_")) return null;
  if (!first || !(locales as readonly string[]).includes(first)) return internal;
  const inner = rest.length ? `/${rest.join("/")}` : "/";
  if (first === "en") return inner === "/" ? "/en" : `/en${inner}`;
  for (const [pattern, { vi }] of Object.entries(routes)) {
    const names: string[] = [];
    const source = pattern.replace(/[.]/g, "\\.").replace(/\[(\w+)\]/g, (_, name) => (names.push(name), "([^/]+)"));
    const match = new RegExp(`^${source}$`).exec(inner);
    if (match) return names.reduce((path, name, i) => path.replace(`[${name}]`, match[i + 1] ?? ""), vi);
  }
  return null;
}

/** True when a request may be answered from memory: a plain GET or HEAD of a URL without a query. */
export function servableRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (url === undefined || url.includes("?")) return false;
  return !BYPASS_HEADERS.some((name) => headers[name] !== undefined);
}

/** True when Next.js answered with a page that is the same for everyone until the next build. */
export function staticResponse(status: number, headers: IncomingHttpHeaders | OutgoingHttpHeaders): boolean {
  return status === 200 && headers["cache-control"] === STATIC_CACHE_CONTROL && !headers["set-cookie"];
}

/** The encoding to send for an Accept-Encoding header: br, then gzip, else the bytes as they are. */
export function pickEncoding(acceptEncoding = ""): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [token, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (token) accepted.set(token, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

/** True when If-None-Match names this ETag (weak or strong, or "*"). */
export function notModified(ifNoneMatch: string | undefined, etag: string | null | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/**
 * One page as Next.js answered it: its headers in order (repeated ones kept) without the
 * transport ones, its bytes, and the compressed copies, made on first use (most pages are never
 * asked for in both encodings).
 */
export function pageEntry(rawHeaders: readonly string[], body: Buffer): PageEntry {
  const headers: string[] = [];
  let etag: string | null = null;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const value = rawHeaders[i + 1]!;
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) continue;
    if (name.toLowerCase() === "etag") etag = value;
    headers.push(name, value);
  }
  const encoded: Partial<Record<Encoding | "identity", Buffer>> = { identity: body };
  return {
    headers,
    etag,
    bytes: body.length,
    body(encoding: Encoding | null): Buffer {
      const key = encoding ?? "identity";
      return (encoded[key] ??= key === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body, { level: 9 }));
    },
  };
}

/** Answers a request from a page entry: 304 when the client has it, HEAD without a body. */
export function sendPage(entry: PageEntry, req: IncomingMessage, res: ServerResponse): void {
  if (notModified(req.headers["if-none-match"], entry.etag)) {
    const headers: string[] = [];
    for (let i = 0; i + 1 < entry.headers.length; i += 2) if (entry.headers[i]!.toLowerCase() !== "content-type") headers.push(entry.headers[i]!, entry.headers[i + 1]!);
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const encoding = pickEncoding(req.headers["accept-encoding"]);
  const body = entry.body(encoding);
  const headers = [...entry.headers, "Content-Length", String(body.length)];
  if (encoding) headers.push("Content-Encoding", encoding);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
