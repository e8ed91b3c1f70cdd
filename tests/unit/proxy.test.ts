import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
// Next.js's own compilers of proxy matchers and next.config sources: the test matches paths the
// way the server will.
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { buildCustomRoute } from "next/dist/lib/build-custom-route";
import { config, proxy } from "@/proxy";
import { noncePaths } from "@/lib/csp";
import { routes } from "@/lib/i18n/routes";
import nextConfig from "../../next.config.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const pages = path.join(root, "app/[locale]");

type Route = { internal: string; publicPaths: string[]; kind: "dynamic page" | "static page" | "route handler" | "not built yet" };

/** "/entries/[id]" -> "/entries/x1y2z3": a concrete path for each public pattern. */
const concrete = (pattern: string) => pattern.replace(/\[(\w+)\]/g, "x1y2z3");

/**
 * Every public route, from lib/i18n/routes.ts, and how app/ renders it: a page is rendered per
 * request when it, or a layout above it, says `dynamic = "force-dynamic"` (how this code base
 * marks them) or reads the query string, cookies or request headers.
 */
function publicRoutes(): Route[] {
  return Object.entries(routes).map(([internal, { vi }]) => {
    const publicPaths = [concrete(vi), concrete(internal === "/" ? "/en" : "/en" + internal)];
    const folder = path.join(pages, internal);
    if (existsSync(path.join(folder, "route.ts"))) return { internal, publicPaths, kind: "route handler" };
    if (!existsSync(path.join(folder, "page.tsx"))) return { internal, publicPaths, kind: "not built yet" };
    const segments = internal.split("/").filter(Boolean);
    const files = [path.join(folder, "page.tsx"), ...segments.map((_, i) => path.join(pages, ...segments.slice(0, i + 1), "layout.tsx")), path.join(pages, "layout.tsx")];
    const dynamic = files.some((file) => existsSync(file) && /export const dynamic = "force-dynamic"|\bsearchParams\b|\b(?:cookies|headers|connection)\(\)/.test(readFileSync(file, "utf8")));
    return { internal, publicPaths, kind: dynamic ? "dynamic page" : "static page" };
  });
}

// Exported by Next.js but left out of its type declarations.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: string[], nextConfig: object) => { regexp: string }[] };
const proxyMatchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
const proxyRuns = (pathname: string) => proxyMatchers.some((re) => re.test(pathname));

async function headerRules() {
  const rules = await nextConfig.headers!();
  return rules.map((rule) => ({ ...rule, regex: new RegExp(buildCustomRoute("header", rule).regex) }));
}

describe("proxy matcher", () => {
  const all = publicRoutes();

  it("lists exactly the public paths of the nonce routes, in both locales", () => {
    expect([...config.matcher].sort()).toEqual(noncePaths().sort());
  });

  it("runs on every page rendered per request and on no other public path", () => {
    const built = all.filter((r) => r.kind !== "not built yet");
    expect(built.filter((r) => r.kind === "dynamic page").length).toBeGreaterThan(5);
    expect(built.filter((r) => r.kind === "static page").length).toBeGreaterThan(5);
    for (const route of built) {
      for (const pathname of route.publicPaths) expect(proxyRuns(pathname), `${pathname} (${route.kind})`).toBe(route.kind === "dynamic page");
    }
    // Client navigations fetch the same page as RSC; API, images and static files never pass through.
    expect(proxyRuns("/bai-du-thi/moi.rsc")).toBe(true);
    for (const pathname of ["/api/entries", "/og/vi/story/x", "/_next/static/chunks/a.js", "/covers/a.jpg", "/", "/en", "/cau-chuyen/x"]) expect(proxyRuns(pathname), pathname).toBe(false);
  });

  it("leaves the static policy of next.config.mjs off exactly the paths the proxy covers", async () => {
    const rules = await headerRules();
    const csp = rules.filter((r) => r.headers.some((h) => h.key.toLowerCase() === "content-security-policy"));
    expect(csp).toHaveLength(1);
    const other = rules.find((r) => r.headers.some((h) => h.key === "Strict-Transport-Security"))!;
    const paths = [...all.flatMap((r) => r.publicPaths), "/api/health", "/og/vi/story/x", "/feed.xml", "/khong-co-trang-nay", "/bai-du-thi/a/b/c"];
    for (const pathname of paths) {
      expect(csp[0]!.regex.test(pathname), pathname).toBe(!proxyRuns(pathname));
      expect(other.regex.test(pathname), pathname).toBe(true);
    }
  });
});

describe("proxy", () => {
  const run = (pathname: string) => proxy(new NextRequest(`http://localhost${pathname}`, { headers: { "content-security-policy": "script-src 'nonce-forged'" } }));

  it("sets a policy with a fresh nonce and no inline scripts, on the response and for Next.js's renderer", () => {
    const first = run("/dang-nhap");
    const policy = first.headers.get("content-security-policy")!;
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{24}' 'strict-dynamic'$/);
    expect(policy).not.toContain("unsafe-eval");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "default-src 'self'"]) expect(policy).toContain(directive);
    // NextResponse.next({ request: { headers } }) hands the overridden request headers on this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);

    const second = run("/dang-nhap").headers.get("content-security-policy")!;
    expect(/'nonce-([^']+)'/.exec(second)![1]).not.toBe(nonce);
  });
});
