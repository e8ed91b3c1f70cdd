import { describe, expect, it } from "vitest";
import { appClientModules, hasExecutableScript, scriptFreePolicy, scriptRevealedContent, withoutScripts } from "@/lib/script-free";

// The head and tail of a page as Next.js 16 prerenders it, cut down.
const PAGE = [
  '<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/turbopack-1.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/2.js"/>',
  '<link rel="preload" href="/covers/a.svg" as="image" fetchPriority="high"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
  '<script src="/_next/static/chunks/3.js" async=""></script>',
  '<script src="/_next/static/chunks/4.js" noModule=""></script>',
  "</head><body><main><h1>Người tốt, việc tốt</h1>",
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Người tốt"}</script>',
  '<a href="/cau-chuyen">Câu chuyện</a></main>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:I[22016,[]]\\n"])</script>',
  "</body></html>",
].join("");

describe("a public page without its scripts", () => {
  it("keeps the content, the styles, the image preload and the JSON-LD; drops every script and script preload", () => {
    const stripped = withoutScripts(PAGE);
    expect(stripped).toContain("<h1>Người tốt, việc tốt</h1>");
    expect(stripped).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>');
    expect(stripped).toContain('as="image"');
    expect(stripped).toContain('<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Người tốt"}</script>');
    expect(stripped).not.toMatch(/_next\/static\/chunks\/[0-9a-z-]+\.js/);
    expect(stripped).not.toContain("__next_f");
    expect(hasExecutableScript(PAGE)).toBe(true);
    expect(hasExecutableScript(stripped)).toBe(false);
    expect(withoutScripts(stripped)).toBe(stripped);
  });
  it("tells a page whose content a script would move into place", () => {
    expect(scriptRevealedContent(PAGE)).toBeNull();
    expect(scriptRevealedContent('<!--$?--><template id="B:0"></template><p>…</p><!--/$--><div hidden id="S:0"><p>Nội dung</p></div>')).toMatch(/Suspense/);
  });
  it("sees the app's own client components, not Next.js's links and routers", () => {
    const modules = [
      "[project]/node_modules/next/dist/client/app-dir/link.js",
      "[project]/node_modules/next/dist/esm/client/components/layout-router.js",
      "[project]/components/search-view.tsx",
      "[project]/node_modules/next-intl/dist/esm/production/shared/NextIntlClientProvider.js",
    ];
    expect(appClientModules(modules)).toEqual(["[project]/components/search-view.tsx", "[project]/node_modules/next-intl/dist/esm/production/shared/NextIntlClientProvider.js"]);
  });
  it("is sent under a policy that runs no script", () => {
    expect(scriptFreePolicy("default-src 'self'; script-src 'self' 'sha256-abc'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")).toBe(
      "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; script-src 'none'",
    );
  });
});
