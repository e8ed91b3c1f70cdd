// SITE_URL cannot be forgotten: a production server refuses an unset or loopback SITE_URL (except
// for the local demo and LANTOA_LOCAL=1), and a build made for another origin.
import { describe, expect, it } from "vitest";
import { buildOriginMismatch, isLoopbackUrl, prerenderedOrigin, productionStartRefusal, siteUrlRefusal } from "@/lib/site-url";

describe("SITE_URL at a production start", () => {
  it("is refused unset, empty, or pointing at this machine", () => {
    expect(siteUrlRefusal({})).toMatch(/^SITE_URL is not set: .*https:\/\/lantoa\.vn/);
    expect(siteUrlRefusal({ SITE_URL: "" })).toMatch(/^SITE_URL is not set/);
    for (const url of ["http://localhost:3000", "http://LOCALHOST", "https://app.localhost", "http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:3000", "http://0.0.0.0:3000"]) {
      expect(isLoopbackUrl(url), url).toBe(true);
      expect(siteUrlRefusal({ SITE_URL: url }), url).toContain(`SITE_URL is ${url}, which only this machine can reach`);
    }
  });

  it("is accepted when public, and anything goes for the local demo or LANTOA_LOCAL=1", () => {
    for (const url of ["https://lantoa.vn", "https://thi-dua.gov.vn/", "http://10.0.0.5:3000", "https://localhost.vn"]) expect(siteUrlRefusal({ SITE_URL: url }), url).toBeNull();
    expect(siteUrlRefusal({ LANTOA_DEMO: "1" })).toBeNull();
    expect(siteUrlRefusal({ LANTOA_LOCAL: "1", SITE_URL: "http://localhost:3000" })).toBeNull();
    expect(siteUrlRefusal({ LANTOA_DEMO: "0", LANTOA_LOCAL: "0" })).not.toBeNull();
  });

  it("must be the origin the build prerendered its pages for", () => {
    const page = '<head><meta charSet="utf-8"/><link rel="canonical" href="https://lantoa.vn"/><meta property="og:url" content="https://lantoa.vn"/></head>';
    expect(prerenderedOrigin(page)).toBe("https://lantoa.vn");
    expect(prerenderedOrigin("<html></html>")).toBeNull();
    expect(buildOriginMismatch("https://lantoa.vn", "https://lantoa.vn/")).toBeNull();
    expect(buildOriginMismatch(null, "https://lantoa.vn")).toBeNull();
    expect(buildOriginMismatch("http://localhost:3000", "https://lantoa.vn")).toBe(
      "The build's pages were prerendered for http://localhost:3000, but SITE_URL is https://lantoa.vn: their canonical URLs and share links would be wrong. Run npm run build again with SITE_URL=https://lantoa.vn.",
    );
  });

  it("applies both rules at a start, whichever server starts", () => {
    const page = '<link rel="canonical" href="https://lantoa.vn"/>';
    expect(productionStartRefusal({}, page)).toMatch(/^SITE_URL is not set/);
    expect(productionStartRefusal({ SITE_URL: "https://lantoa.vn" }, page)).toBeNull();
    expect(productionStartRefusal({ SITE_URL: "https://thi-dua.gov.vn" }, page)).toMatch(/^The build's pages were prerendered for https:\/\/lantoa\.vn/);
    expect(productionStartRefusal({ SITE_URL: "https://thi-dua.gov.vn" }, "")).toBeNull();
    expect(productionStartRefusal({ LANTOA_LOCAL: "1", SITE_URL: "https://thi-dua.gov.vn" }, page)).toBeNull();
  });
});
