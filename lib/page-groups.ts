// Whether a page is prerendered or rendered per request is said by the folder it is in:
// app/[locale]/(static)/… (prerendered from generateStaticParams) or app/[locale]/(per-request)/…,
// whose layout sets `dynamic = "force-dynamic"`, as (per-request)/(private)'s sets the robots
// metadata. This reads those folders, at build time (lib/next-config.ts) and in the tests, so that
// no list of pages is kept by hand.
// Uses node:fs: never imported by code that runs per request.
import { readdirSync } from "node:fs";
import path from "node:path";

export const STATIC_GROUP = "(static)";
export const PER_REQUEST_GROUP = "(per-request)";

/** app/[locale] of this checkout. */
export const localeFolder = path.join(import.meta.dirname, "..", "app", "[locale]");

const isGroup = (name: string) => name.startsWith("(") && name.endsWith(")");
export type LocaleRoute = { route: string; groups: string[]; kind: "page" | "route"; file: string };

const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js)$/;

/**
 * Every page and route handler under app/[locale]: its internal route (the key of
 * lib/i18n/routes.ts, route groups left out: "/entries/[id]"), the route groups it is in,
 * outermost first, its kind, and its file relative to app/[locale]. Private folders (`_views`)
 * hold no routes.
 */
export function localeRoutes(folder = localeFolder): LocaleRoute[] {
  const found: LocaleRoute[] = [];
  const walk = (dir: string, segments: string[], groups: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue;
        const group = isGroup(entry.name);
        walk(path.join(dir, entry.name), group ? segments : [...segments, entry.name], group ? [...groups, entry.name] : groups);
      } else {
        const match = ROUTE_FILE.exec(entry.name);
        if (!match) continue;
        const kind = match[1] as LocaleRoute["kind"];
        found.push({ route: "/" + segments.join("/"), groups, kind, file: path.relative(folder, path.join(dir, entry.name)).split(path.sep).join("/") });
      }
    }
  };
  walk(folder, [], []);
  return found.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/** The internal routes of the pages rendered per request: everything under (per-request). */
export function perRequestRoutes(folder = localeFolder): string[] {
  return localeRoutes(folder)
    .filter((r) => r.groups[0] === PER_REQUEST_GROUP)
    .map((r) => r.route);
}
