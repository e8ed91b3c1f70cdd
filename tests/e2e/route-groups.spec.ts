import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { localeRoutes, PER_REQUEST_GROUP, STATIC_GROUP } from "../../lib/page-groups";

type Manifest = { routes: Record<string, { srcRoute: string | null; initialRevalidateSeconds: number | false }>; dynamicRoutes: Record<string, unknown> };

// The folder a page is in says how it is rendered; this checks that the build did as it says.
test("the build prerendered every page under (static) and none under (per-request)", () => {
  const manifest: Manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../.next/prerender-manifest.json"), "utf8"));
  // Every app/[locale] route is prerendered per locale from the layout's generateStaticParams, so
  // a prerendered one is listed under its internal path with its parameters.
  const prerendered = new Set(Object.keys(manifest.dynamicRoutes));
  const pages = localeRoutes();
  expect(pages.filter((r) => r.groups[0] === STATIC_GROUP).length).toBeGreaterThan(5);
  expect(pages.filter((r) => r.groups[0] === PER_REQUEST_GROUP).length).toBeGreaterThan(5);
  for (const page of pages) {
    const internal = page.route === "/" ? "/[locale]" : `/[locale]${page.route}`;
    if (page.groups[0] === STATIC_GROUP) expect(prerendered.has(internal), page.file).toBe(true);
    if (page.groups[0] === PER_REQUEST_GROUP) expect(prerendered.has(internal), page.file).toBe(false);
  }
  // ...once and for all: nothing under app/[locale] is revalidated.
  for (const [url, route] of Object.entries(manifest.routes)) if (route.srcRoute?.startsWith("/[locale]")) expect(route.initialRevalidateSeconds, url).toBe(false);
});
