import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/csp";
import { documentPath, hashErrorPageScripts, inlineScriptHashes, notModified, pageEntry, pickEncoding, publicPath, replacePolicy, servableRequest, STATIC_CACHE_CONTROL, staticResponse, withScriptSources } from "@/lib/static-pages";

describe("publicPath", () => {
  it("maps prerendered internal routes to the URLs visitors use", () => {
    expect(publicPath("/vi")).toBe("/");
    expect(publicPath("/en")).toBe("/en");
    expect(publicPath("/vi/stories/co-giao-vung-cao")).toBe("/cau-chuyen/co-giao-vung-cao");
    expect(publicPath("/en/stories/a-teacher")).toBe("/en/stories/a-teacher");
    expect(publicPath("/vi/movements/xa-hoi-hoc-tap/page/2")).toBe("/phong-trao/xa-hoi-hoc-tap/trang/2");
    expect(publicPath("/vi/feed.xml")).toBe("/feed.xml");
    expect(publicPath("/og/vi/story/co-giao")).toBe("/og/vi/story/co-giao");
  });
  it("has no URL for framework pages or routes it does not know", () => {
    expect(publicPath("/_not-found")).toBeNull();
    expect(publicPath("/_global-error")).toBeNull();
    expect(publicPath("/vi/khong-co-trong-ban-do")).toBeNull();
  });
});

describe("which requests and responses are served from memory", () => {
  it("only plain GET and HEAD without a query or a client-navigation header", () => {
    expect(servableRequest("GET", "/cau-chuyen/x", {})).toBe(true);
    expect(servableRequest("HEAD", "/", {})).toBe(true);
    expect(servableRequest("POST", "/", {})).toBe(false);
    expect(servableRequest("GET", "/?_rsc=1", {})).toBe(false);
    expect(servableRequest("GET", "/", { rsc: "1" })).toBe(false);
    expect(servableRequest("GET", "/", { "next-router-prefetch": "1" })).toBe(false);
    expect(servableRequest("GET", "/", { "next-action": "abc" })).toBe(false);
  });
  it("only pages built once and never revalidated, with no cookie", () => {
    expect(staticResponse(200, { "cache-control": STATIC_CACHE_CONTROL })).toBe(true);
    expect(staticResponse(404, { "cache-control": STATIC_CACHE_CONTROL })).toBe(false);
    expect(staticResponse(200, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })).toBe(false);
    expect(staticResponse(200, { "cache-control": "s-maxage=60, stale-while-revalidate" })).toBe(false);
    expect(staticResponse(200, { "cache-control": STATIC_CACHE_CONTROL, "set-cookie": ["a=b"] })).toBe(false);
  });
});

describe("content negotiation", () => {
  it("prefers br, then gzip, honouring q=0 and *", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("*, br;q=0")).toBe("gzip");
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding("")).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
  it("matches If-None-Match weakly, in a list, or with *", () => {
    expect(notModified('"abc"', '"abc"')).toBe(true);
    expect(notModified('W/"abc"', '"abc"')).toBe(true);
    expect(notModified('"x", "abc"', '"abc"')).toBe(true);
    expect(notModified("*", '"abc"')).toBe(true);
    expect(notModified('"abd"', '"abc"')).toBe(false);
    expect(notModified(undefined, '"abc"')).toBe(false);
  });
});

describe("pageEntry", () => {
  const html = Buffer.from("<!DOCTYPE html><p>Người tốt, việc tốt</p>".repeat(200));
  const raw = ["Content-Security-Policy", "default-src 'self'", "x-nextjs-prerender", "1", "x-nextjs-prerender", "1", "ETag", '"e1"', "Content-Type", "text/html; charset=utf-8", "Content-Length", String(html.length), "Date", "Mon, 23 Nov 2026 10:00:00 GMT", "Connection", "keep-alive"];
  it("keeps the page's headers in order, repeated ones too, and drops the connection's", () => {
    const entry = pageEntry(raw, html);
    // A page with no script to run allows none.
    expect(entry.headers).toEqual(["Content-Security-Policy", "default-src 'self'; script-src 'none'", "x-nextjs-prerender", "1", "x-nextjs-prerender", "1", "ETag", '"e1"', "Content-Type", "text/html; charset=utf-8"]);
    expect(entry.etag).toBe('"e1"');
  });
  it("lists the hashes of a page's inline scripts, and lets a page with only JSON-LD run nothing", () => {
    const scripted = pageEntry(raw, Buffer.from('<p>x</p><script>self.a=1</script><script type="application/ld+json">{"@type":"Article"}</script>'));
    expect(scripted.policy).toBe(`default-src 'self'; script-src 'self' ${inlineScriptHashes("<script>self.a=1</script>")[0]} ${inlineScriptHashes('<script>{"@type":"Article"}</script>')[0]}`);
    const dataOnly = pageEntry(raw, Buffer.from('<p>x</p><script type="application/ld+json">{"@type":"Article"}</script>'));
    expect(dataOnly.policy).toBe("default-src 'self'; script-src 'none'");
  });
  it("compresses once on demand, to the same bytes", () => {
    const entry = pageEntry(raw, html);
    expect(entry.body(null)).toBe(html);
    const br = entry.body("br");
    expect(entry.body("br")).toBe(br);
    expect(brotliDecompressSync(br)).toEqual(html);
    expect(gunzipSync(entry.body("gzip"))).toEqual(html);
    expect(br.length).toBeLessThan(html.length / 10);
  });
});

const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";

describe("the policy of prerendered pages", () => {
  it("allows no inline script in production; next dev keeps them (it renders without hashes)", () => {
    expect(scriptSrc(contentSecurityPolicy())).toBe("script-src 'self'");
    expect(scriptSrc(contentSecurityPolicy({ dev: true }))).toBe("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    // Styles stay inline: the stylesheet is inlined into every page, and styles run no code.
    expect(contentSecurityPolicy()).toContain("style-src 'self' 'unsafe-inline'");
  });

  it("hashes each inline script once, as the browser parses it, and no script that loads a file", () => {
    const html = [
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      "<script>alert('Hello, world.');</script>",
      '<script>self.__next_f.push([1,"Người tốt"])\n</script>',
      "<script>alert('Hello, world.');</script>",
      '<SCRIPT id="_R_">a\r\nb</SCRIPT >',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
    ].join("");
    const hashes = inlineScriptHashes(html);
    // Digests computed elsewhere (the first is MDN's example for CSP hashes).
    expect(hashes.slice(0, 3)).toEqual(["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='", "'sha256-1gqCULgpCXYMA9iRKhZG+rjeE5yQiFeGGlhGfsdcYn8='", "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='"]);
    expect(hashes).toHaveLength(4); // the JSON-LD block too: never run, harmless to list
    expect(inlineScriptHashes("<p>no scripts</p>")).toEqual([]);
  });

  it("adds the hashes to script-src, and leaves a nonce policy alone", () => {
    const policy = contentSecurityPolicy();
    const added = withScriptSources(policy, ["'sha256-a'", "'sha256-b'"]);
    expect(scriptSrc(added)).toBe("script-src 'self' 'sha256-a' 'sha256-b'");
    expect(added.replace(" 'sha256-a' 'sha256-b'", "")).toBe(policy);
    expect(withScriptSources(policy, [])).toBe(policy);
    expect(withScriptSources("default-src 'self'; img-src 'self'", ["'sha256-a'"])).toBe("default-src 'self'; img-src 'self'; script-src 'self' 'sha256-a'");
    const nonce = contentSecurityPolicy({ nonce: "abc" });
    expect(withScriptSources(nonce, ["'sha256-a'"])).toBe(nonce);
  });

  it("a held HTML page carries its own policy; other held files keep theirs", () => {
    const html = Buffer.from("<!DOCTYPE html><script>alert('Hello, world.');</script><p>Người tốt</p>");
    const policy = contentSecurityPolicy();
    const page = pageEntry(["Content-Security-Policy", policy, "Content-Type", "text/html; charset=utf-8"], html);
    expect(page.policy).toBe(withScriptSources(policy, ["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"]));
    expect(page.headers).toEqual(["Content-Security-Policy", page.policy, "Content-Type", "text/html; charset=utf-8"]);
    expect(page.body(null)).toBe(html);
    const feed = pageEntry(["Content-Security-Policy", policy, "Content-Type", "application/rss+xml"], Buffer.from("<rss><script>x</script></rss>"));
    expect(feed.policy).toBe(policy);
  });

  it("finds the page of a document request, whatever its query, but not of a client navigation", () => {
    expect(documentPath("GET", "/cau-chuyen/x", {})).toBe("/cau-chuyen/x");
    expect(documentPath("HEAD", "/?utm_source=zalo&fbclid=1", {})).toBe("/");
    expect(documentPath("GET", "/?_rsc=1x2y", {})).toBeNull();
    expect(documentPath("GET", "/", { rsc: "1" })).toBeNull();
    expect(documentPath("POST", "/", {})).toBeNull();
    expect(documentPath("GET", "*", {})).toBeNull();
  });

  it("replaces the site-wide policy on a response written by someone else, never a nonce policy", async () => {
    const server = http.createServer((req, res) => {
      replacePolicy(res, "script-src 'self' 'sha256-a'");
      res.setHeader("Content-Security-Policy", req.url === "/nonce" ? contentSecurityPolicy({ nonce: "abc" }) : contentSecurityPolicy());
      res.setHeader("Content-Type", "text/html");
      res.end("<p>x</p>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/`)).headers.get("content-security-policy")).toBe("script-src 'self' 'sha256-a'");
      expect((await fetch(`${base}/nonce`)).headers.get("content-security-policy")).toBe(contentSecurityPolicy({ nonce: "abc" }));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("hashErrorPageScripts", () => {
  const policy = contentSecurityPolicy();
  const html = "<!DOCTYPE html><html><body><script>self.__next_f.push([1,\"404\"])</script></body></html>";

  /** A real server whose handler answers like Next.js: headers set one by one, then the body in parts. */
  async function answer(status: number, encoding: "gzip" | null, type = "text/html; charset=utf-8", csp = policy) {
    const server = http.createServer((_req, res) => {
      hashErrorPageScripts(res);
      res.statusCode = status;
      res.setHeader("content-type", type);
      res.setHeader("content-security-policy", csp);
      const body = encoding ? gzipSync(html) : Buffer.from(html);
      if (encoding) res.setHeader("content-encoding", encoding);
      res.write(body.subarray(0, 10));
      res.end(body.subarray(10));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
      return { status: response.status, policy: response.headers.get("content-security-policy"), text: await response.text() };
    } finally {
      server.close();
    }
  }

  it("sends a 404 page under the site-wide policy plus its inline scripts' hashes, compressed or not", async () => {
    const expected = withScriptSources(policy, inlineScriptHashes(html));
    expect(expected).not.toBe(policy);
    for (const encoding of [null, "gzip"] as const) {
      const got = await answer(404, encoding);
      expect(got).toEqual({ status: 404, policy: expected, text: html });
    }
  });

  it("leaves pages, non-HTML answers and nonce policies as they are", async () => {
    expect((await answer(200, null)).policy).toBe(policy);
    expect((await answer(404, null, "application/json")).policy).toBe(policy);
    const withNonce = contentSecurityPolicy({ nonce: "abc" });
    expect((await answer(404, "gzip", undefined, withNonce)).policy).toBe(withNonce);
  });
});
