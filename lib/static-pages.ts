// Prerendered pages served from memory. Next.js serves a static page by running its whole
// request pipeline each time (routing, rewrites, headers, the page's cache entry, an ETag over
// 200 KB of HTML): about 1.6 ms of CPU a request, some 50 times what a file server spends. The
// server (scripts/server.ts) asks Next.js itself for every page the build marked static and
// never revalidated, keeps the exact bytes and headers it answered with, and answers later
// plain GET/HEAD requests for those URLs from memory; everything else goes to Next.js as before.
// Each held page also gets its own Content-Security-Policy: the site-wide one allows no inline
// script in production (lib/csp.ts), so the hashes of the page's inline scripts (Next.js's
// bootstrap and its React payload, `self.__next_f.push(…)`) are added to it, computed once here.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import { locales, routes } from "./i18n/routes";
import { hasExecutableScript, scriptFreePolicy } from "./script-free";

export type Encoding = "br" | "gzip";

/** One page as Next.js answered it (see pageEntry). */
export type PageEntry = {
  /** Header names and values, alternating, as in IncomingMessage.rawHeaders. */
  headers: string[];
  /** The page's own Content-Security-Policy (with its script hashes), or null when it has none. */
  policy: string | null;
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

/**
 * Public URL patterns of the routes whose other params are rendered on their first request and
 * kept (dynamicParams with a blocking fallback: the stories past PRERENDERED_STORIES, their
 * images, deep listing pages), each with its internal route ("/[locale]/stories/[slug]").
 */
export function onDemandPatterns(dynamicRoutes: readonly string[]): { pattern: RegExp; route: string }[] {
  const regex = (path: string) => new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\[[^\]/]+\]/g, "[^/]+")}$`);
  return dynamicRoutes.flatMap((route) => {
    const [, first, ...rest] = route.split("/");
    if (first !== "[locale]") return [{ pattern: regex(route), route }];
    const inner = rest.length ? `/${rest.join("/")}` : "/";
    const vi = (routes[inner] as { vi: string } | undefined)?.vi;
    return [{ pattern: regex(inner === "/" ? "/en" : `/en${inner}`), route }, ...(vi ? [{ pattern: regex(vi), route }] : [])];
  });
}

/** True when a request may be answered from memory: a plain GET or HEAD of a URL without a query. */
export function servableRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (url === undefined || url.includes("?")) return false;
  return !BYPASS_HEADERS.some((name) => headers[name] !== undefined);
}

/**
 * The path of a page requested as a document (a plain GET or HEAD without a client-navigation
 * header), whatever its query; null otherwise. A prerendered page is the same for every query, so
 * such a request, answered by Next.js, gets the held page's policy (see sendWithPolicy).
 */
export function documentPath(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (url === undefined || !url.startsWith("/")) return null;
  if (BYPASS_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const [pathname = "", query] = url.split("?", 2);
  if (query !== undefined && new URLSearchParams(query).has("_rsc")) return null;
  return pathname;
}

/**
 * Makes the response Next.js is about to write carry `policy` in place of the site-wide
 * Content-Security-Policy next.config gives it (Next.js sets its configured headers on the
 * response before writing; a policy with a nonce is left alone).
 */
export function replacePolicy(res: ServerResponse, policy: string): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const current = res.getHeader("content-security-policy");
    if (current !== undefined && !String(current).includes("'nonce-")) res.setHeader("content-security-policy", policy);
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/** The bytes of a response body before its Content-Encoding. */
function decoded(body: Buffer, encoding: string): Buffer {
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "deflate") return inflateSync(body);
  return body;
}

type Chunk = string | Uint8Array;
const toBuffer = (chunk: Chunk, encoding?: unknown) => (typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk));

/**
 * An error page (404, 500) that Next.js renders for a document outside the per-request pages has
 * inline scripts but no nonce, and its text only appears once they run: under the site-wide policy
 * (`script-src 'self'`) the reader saw a blank page. Such an answer is held until it ends, then
 * sent under that policy plus the hashes of its own inline scripts. The bytes are hashed as the
 * browser reads them, through the compression Next.js may have applied. Other answers pass as
 * they are.
 */
export function hashErrorPageScripts(res: ServerResponse): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let holding: boolean | null = null;
  let releasing = false;
  let head: Parameters<ServerResponse["writeHead"]> | null = null;
  const chunks: Buffer[] = [];
  const decide = (status: number): boolean => {
    if (holding !== null) return holding;
    const policy = String(res.getHeader("content-security-policy") ?? "");
    holding = status >= 400 && String(res.getHeader("content-type") ?? "").startsWith("text/html") && /script-src 'self'/.test(policy) && !policy.includes("'nonce-");
    // Never put the originals back on `res`: Next.js's compression has wrapped these functions by now.
    return holding;
  };
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (releasing || !decide(args[0])) return original.writeHead.apply(this, args);
    head = args;
    return this;
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
    if (!decide(res.statusCode)) return (original.write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    chunks.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    callback?.();
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!decide(head?.[0] ?? res.statusCode)) return (original.end as (...a: unknown[]) => ServerResponse).apply(this, args);
    const [chunk, encoding] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk as Chunk, encoding));
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    const body = Buffer.concat(chunks);
    const html = decoded(body, String(res.getHeader("content-encoding") ?? "")).toString("utf8");
    res.setHeader("content-security-policy", withScriptSources(String(res.getHeader("content-security-policy")), inlineScriptHashes(html)));
    releasing = true;
    if (head) original.writeHead.apply(this, head);
    return (original.end as (...a: unknown[]) => ServerResponse).call(this, body, callback);
  } as ServerResponse["end"];
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

// A script element and its text; the attributes are read to leave out scripts that load a file.
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;

/**
 * The CSP source expressions ('sha256-…') of the inline scripts of an HTML page, each once, in
 * page order. A browser hashes the script's text as parsed, where CR LF has become LF. Data blocks
 * (JSON-LD) are hashed too: they never run, so a policy need not list them, and listing them is harmless.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", text = ""] of html.matchAll(SCRIPT_ELEMENT)) {
    if (SRC_ATTRIBUTE.test(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text.replace(/\r\n?/g, "\n"), "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The policy with `sources` added to its script-src (to default-src's sources when it has no
 * script-src). A policy whose scripts carry a nonce is returned as it is: a page rendered per
 * request is never held.
 */
export function withScriptSources(policy: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  const directives = policy.split(";").map((d) => d.trim()).filter(Boolean);
  const index = directives.findIndex((d) => /^script-src\s/i.test(d));
  const base = index >= 0 ? directives[index]! : `script-src ${directives.find((d) => /^default-src\s/i.test(d))?.slice("default-src ".length) ?? "'self'"}`;
  if (/'nonce-/.test(base)) return policy;
  const scripts = `${base} ${sources.join(" ")}`;
  if (index >= 0) directives[index] = scripts;
  else directives.push(scripts);
  return directives.join("; ");
}

/**
 * One page as Next.js answered it: its headers in order (repeated ones kept) without the
 * transport ones, its Content-Security-Policy extended with the hashes of its inline scripts when
 * it is HTML (or `script-src 'none'` when it has no script to run), its bytes, and the compressed copies, made on first use (most pages are never
 * asked for in both encodings).
 */
export function pageEntry(rawHeaders: readonly string[], body: Buffer): PageEntry {
  const headers: string[] = [];
  let etag: string | null = null;
  let policy: string | null = null;
  const html = rawHeaders.some((value, i) => i % 2 === 1 && rawHeaders[i - 1]!.toLowerCase() === "content-type" && value.toLowerCase().startsWith("text/html"));
  const text = html ? body.toString("utf8") : "";
  const hashes = html ? inlineScriptHashes(text) : [];
  // A page built without scripts (lib/script-free.ts) allows none at all.
  const scriptFree = html && !hasExecutableScript(text);
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    let value = rawHeaders[i + 1]!;
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) continue;
    if (name.toLowerCase() === "etag") etag = value;
    if (name.toLowerCase() === "content-security-policy") policy = value = scriptFree ? scriptFreePolicy(value) : withScriptSources(value, hashes);
    headers.push(name, value);
  }
  const encoded: Partial<Record<Encoding | "identity", Buffer>> = { identity: body };
  return {
    headers,
    policy,
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
