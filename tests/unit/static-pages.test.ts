import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { notModified, pageEntry, pickEncoding, publicPath, servableRequest, STATIC_CACHE_CONTROL, staticResponse } from "@/lib/static-pages";

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
    expect(entry.headers).toEqual(["Content-Security-Policy", "default-src 'self'", "x-nextjs-prerender", "1", "x-nextjs-prerender", "1", "ETag", '"e1"', "Content-Type", "text/html; charset=utf-8"]);
    expect(entry.etag).toBe('"e1"');
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
