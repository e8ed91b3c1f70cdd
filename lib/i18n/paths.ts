import { routes } from "./routes";
import type { Locale } from "./config";

export type RouteKey = keyof typeof routes;
type Params = Record<string, string | number>;

/**
 * The public path of an internal route in a locale:
 * localizedPath("vi", "/stories/[slug]", { slug: "x" }) === "/cau-chuyen/x",
 * localizedPath("en", "/stories/[slug]", { slug: "x" }) === "/en/stories/x".
 */
export function localizedPath(locale: Locale, route: RouteKey, params: Params = {}): string {
  const pattern = locale === "vi" ? (routes[route]?.vi ?? route) : route;
  const filled = pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing parameter "${name}" for route ${route}`);
    return encodeURIComponent(String(value));
  });
  if (locale === "vi") return filled;
  return filled === "/" ? "/en" : `/en${filled}`;
}

/** The path of page `page` of a paginated listing; page 1 is the listing itself. */
export function pagedPath(locale: Locale, route: RouteKey, params: Params, page: number): string {
  if (page <= 1) return localizedPath(locale, route, params);
  return localizedPath(locale, `${route}/page/[page]` as RouteKey, { ...params, page });
}
