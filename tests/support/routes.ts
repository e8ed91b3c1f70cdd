// Every route handler under app/, found the way Next.js finds them (a [param] folder matches
// one segment, [...param] the rest, a (group) folder none), with the HTTP methods it exports and
// how the guard made each one.
import { guardModeOf, type GuardMode } from "@/lib/http/route";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteModule = Record<string, unknown> & { dynamic?: string; dynamicParams?: boolean };
export type RouteFile = {
  /** The file, e.g. "app/api/entries/[id]/route.ts". */
  file: string;
  /** The URL path as written in the folders, e.g. "/api/entries/[id]". */
  path: string;
  /** Matches a URL path (without its query string) this file answers. */
  pattern: RegExp;
  load: () => Promise<RouteModule>;
};
/** The route file Next.js answers a URL path with: static segments before [param], [param] before [...param]. */
export function resolveRoute(urlPath: string): RouteFile | undefined {
  const rank = (route: RouteFile) => route.path.split("/").map((s) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0));
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    return false;
  };
  let best: RouteFile | undefined;
  for (const route of routeFiles) if (route.pattern.test(urlPath) && (!best || better(rank(route), rank(best)))) best = route;
  return best;
}

export type LoadedRoute = RouteFile & { module: RouteModule; methods: { method: HttpMethod; mode: GuardMode | undefined }[] };

const modules = import.meta.glob<RouteModule>(["/app/**/route.ts", "/app/**/route.tsx"]);

export const routeFiles: RouteFile[] = Object.keys(modules)
  .sort()
  .map((file) => {
    const segments = file.replace(/^\/app\//, "").replace(/\/?route\.tsx?$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
    const source = segments.map((segment) => {
      if (/^\[\.\.\.\w+\]$/.test(segment)) return "[^?]+";
      if (/^\[\w+\]$/.test(segment)) return "[^/?]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    return { file: file.slice(1), path: `/${segments.join("/")}`, pattern: new RegExp(`^/${source.join("/")}$`), load: modules[file]! };
  });

/** Every route file loaded, with its exported method handlers and the guard mode each carries. */
export async function loadRoutes(): Promise<LoadedRoute[]> {
  return Promise.all(
    routeFiles.map(async (route) => {
      const loaded = await route.load();
      const methods = HTTP_METHODS.filter((m) => m in loaded).map((method) => ({ method, mode: guardModeOf(loaded[method]) }));
      return { ...route, module: loaded, methods };
    }),
  );
}
