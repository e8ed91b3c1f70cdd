import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
// Next.js's own compilers of proxy matchers and next.config sources: the test matches paths the
// way the server will.
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { buildCustomRoute } from "next/dist/lib/build-custom-route";
import { perRequestRoutes } from "@/lib/page-groups";
import { routes } from "@/lib/i18n/routes";
import nextConfig from "../../next.config.mjs";

// Next.js inlines next.config.mjs's `env` into the proxy's bundle; here the proxy reads it at import.
process.env.LANTOA_NONCE_ROUTES = nextConfig.env!.LANTOA_NONCE_ROUTES;
const { config, proxy } = await import("@/proxy");

const pages = path.join(path.resolve(import.meta.dirname, "../.."), "app/[locale]");

type Kind = "per-request page" | "static page" | "route handler";
type Route = { internal: string; file: string; kind: Kind; publicPaths: string[] };

/** "/entries/[id]" -> "/entries/x1y2z3": a concrete path for each public pattern. */
const concrete = (pattern: string) => pattern.replace(/\[(\w+)\]/g, "x1y2z3");

/**
 * Every page and route handler under app/[locale], read straight from the folders: a page is
 * rendered per request when it is under (per-request), whose layout says so (the build lists it
 * as ƒ), and prerendered under (static).
 */
function localeRoutes(): Route[] {
  const files = (readdirSync(pages, { recursive: true }) as string[]).map((f) => f.split(path.sep).join("/")).filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f));
  return files.map((file) => {
    const segments = file.split("/").slice(0, -1);
    const internal = "/" + segments.filter((s) => !/^\(.+\)$/.test(s)).join("/");
    const vi = routes[internal as keyof typeof routes]?.vi;
    const publicPaths = vi === undefined ? [] : [concrete(vi), concrete(internal === "/" ? "/en" : "/en" + internal)];
    const kind: Kind = file.endsWith("route.ts") ? "route handler" : segments[0] === "(per-request)" ? "per-request page" : "static page";
    return { internal, file, kind, publicPaths };
  });
}

// Exported by Next.js but left out of its type declarations.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: string[], nextConfig: object) => { regexp: string }[] };
const proxyMatchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
const proxyRuns = (pathname: string) => proxyMatchers.some((re) => re.test(pathname));
/** True when the response to `pathname` carries the proxy's nonce policy. */
const nonced = (pathname: string) => proxyRuns(pathname) && proxy(new NextRequest(`http://localhost${pathname}`)).headers.has("content-security-policy");

async function headerRules() {
  const rules = await nextConfig.headers!();
  return rules.map((rule) => ({ ...rule, regex: new RegExp(buildCustomRoute("header", rule).regex) }));
}

describe("route groups", () => {
  const all = localeRoutes();

  it("put every public route in (static) or (per-request), once, and nothing else there", () => {
    const grouped = all.filter((r) => r.file.startsWith("(static)/") || r.file.startsWith("(per-request)/"));
    expect(grouped.map((r) => r.internal).sort()).toEqual(Object.keys(routes).sort());
    // Outside the groups: only the catch-all that renders the localized 404 page.
    expect(all.filter((r) => !grouped.includes(r)).map((r) => r.file)).toEqual(["[...rest]/page.tsx"]);
    expect(all.filter((r) => r.kind === "per-request page").length).toBeGreaterThan(5);
    expect(all.filter((r) => r.kind === "static page").length).toBeGreaterThan(5);
  });

  it("are what next.config.mjs derives, and hands to the proxy", () => {
    const perRequest = all.filter((r) => r.kind === "per-request page").map((r) => r.internal);
    expect(perRequestRoutes()).toEqual([...perRequest].sort());
    expect(JSON.parse(nextConfig.env!.LANTOA_NONCE_ROUTES!)).toEqual(perRequestRoutes());
  });

  it("set the segment config and the robots metadata once, in their layouts; no page repeats them", async () => {
    const perRequestLayout = await import("@/app/[locale]/(per-request)/layout");
    const privateLayout = await import("@/app/[locale]/(per-request)/(private)/layout");
    expect(perRequestLayout.dynamic).toBe("force-dynamic");
    expect(perRequestLayout.dynamicParams).toBe(true);
    expect(privateLayout.metadata.robots).toEqual({ index: false, follow: false });
    for (const route of all.filter((r) => r.kind !== "route handler")) {
      const source = readFileSync(path.join(pages, route.file), "utf8");
      expect(source, route.file).not.toMatch(/export const (dynamic|revalidate)\b/);
      if (route.kind === "per-request page") expect(source, route.file).not.toMatch(/export const dynamicParams\b/);
      if (route.file.startsWith("(per-request)/(private)/")) expect(source, route.file).not.toMatch(/\brobots\b/);
    }
  });
});

describe("proxy", () => {
  const all = localeRoutes().filter((r) => r.publicPaths.length > 0);

  it("runs on every page path, and never on the API, images, Next.js's files or other files", () => {
    for (const route of all.filter((r) => r.kind !== "route handler")) {
      for (const pathname of route.publicPaths) expect(proxyRuns(pathname), `${pathname} (${route.kind})`).toBe(true);
    }
    // Client navigations fetch the same page as RSC.
    expect(proxyRuns("/bai-du-thi/moi.rsc")).toBe(true);
    for (const pathname of ["/api/entries", "/og/vi/story/x", "/_next/static/chunks/a.js", "/covers/a.svg", "/feed.xml", "/en/feed.xml", "/robots.txt", "/sitemap.xml", "/icon.svg"]) expect(proxyRuns(pathname), pathname).toBe(false);
  });

  it("gives a nonce policy to exactly the pages under (per-request), in both locales", () => {
    for (const route of all) {
      for (const pathname of route.publicPaths) expect(nonced(pathname), `${pathname} (${route.kind})`).toBe(route.kind === "per-request page");
    }
    expect(nonced("/bai-du-thi/moi.rsc")).toBe(true);
    for (const pathname of ["/", "/en", "/cau-chuyen/x", "/cau-chuyen/x.rsc", "/khong-co-trang-nay", "/bai-du-thi/a/b/c", "/en/entries/a/b/c"]) expect(nonced(pathname), pathname).toBe(false);
  });

  it("leaves the static policy of next.config.mjs off exactly the paths that get a nonce", async () => {
    const rules = await headerRules();
    const csp = rules.filter((r) => r.headers.some((h) => h.key.toLowerCase() === "content-security-policy"));
    expect(csp).toHaveLength(1);
    const other = rules.find((r) => r.headers.some((h) => h.key === "Strict-Transport-Security"))!;
    const api = ["/api", "/api/health", "/api/entries/x1y2z3/attachments/x1y2z3", "/api/jury/entries/x1y2z3/attachments/x1y2z3", "/api/admin/exports/all"];
    const paths = [...all.flatMap((r) => r.publicPaths), ...api, "/apis", "/og/vi/story/x", "/feed.xml", "/khong-co-trang-nay", "/bai-du-thi/a/b/c"];
    for (const pathname of paths) {
      // Nor on the API: it would overwrite the policy its handler sets (a download's sandbox).
      expect(csp[0]!.regex.test(pathname), pathname).toBe(!nonced(pathname) && !api.includes(pathname));
      expect(other.regex.test(pathname), pathname).toBe(true);
    }
  });

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

  it("passes a static page through untouched, whatever policy the request claims", () => {
    const response = run("/cau-chuyen/x");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
