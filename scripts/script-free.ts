// After `next build`: the pages of app/[locale]/(static) lose the scripts Next.js added to them
// (lib/script-free.ts says why), in .next and in .next/standalone when there is one. The build
// fails when such a page gains a client component of its own or content only a script reveals:
// the page would then need its scripts, so the component belongs on a page outside that group.
// The pages as Next.js wrote them are kept under .next/with-scripts for the benchmarks.
// Usage: node --import tsx/esm scripts/script-free.ts (npm run build and npm test run it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { SCRIPT_FREE_GROUP, appClientModules, hasExecutableScript, scriptRevealedContent, withoutScripts } from "../lib/script-free";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, ".next");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dist, file), "utf8")) as T;

// "/[locale]/(static)/stories/[slug]/page" → "/[locale]/stories/[slug]": which routes are the group's.
const appPaths = readJson<Record<string, string>>("app-path-routes-manifest.json");
const groupRoutes = new Map(Object.entries(appPaths).filter(([appPath]) => appPath.startsWith(SCRIPT_FREE_GROUP) && appPath.endsWith("/page")).map(([appPath, route]) => [route, appPath]));

const problems: string[] = [];
const require = createRequire(import.meta.url);
for (const [route, appPath] of groupRoutes) {
  const manifestFile = path.join(dist, "server", "app", `${appPath}_client-reference-manifest.js`);
  if (!existsSync(manifestFile)) {
    problems.push(`${route}: no client reference manifest at ${path.relative(root, manifestFile)}, so its client components cannot be checked`);
    continue;
  }
  // The manifest is a script that files the route's client modules under globalThis.__RSC_MANIFEST.
  const registry = ((globalThis as { __RSC_MANIFEST?: Record<string, { clientModules: Record<string, unknown> }> }).__RSC_MANIFEST ??= {});
  (globalThis as { self?: unknown }).self ??= globalThis;
  require(manifestFile);
  const own = appClientModules(Object.keys(registry[appPath]?.clientModules ?? {}));
  if (own.length) problems.push(`${route}: client component ${own.map((m) => m.replace("[project]/", "")).join(", ")}`);
}

const prerendered = readJson<{ routes: Record<string, { srcRoute: string | null; initialRevalidateSeconds: number | false }> }>("prerender-manifest.json").routes;
const pages = Object.entries(prerendered).filter(([, r]) => r.srcRoute !== null && groupRoutes.has(r.srcRoute) && r.initialRevalidateSeconds === false);
const dirs = [dist, path.join(dist, "standalone", ".next")].filter((dir) => existsSync(path.join(dir, "server", "app")));
let before = 0;
let after = 0;
let done = 0;
let already = 0;
for (const [url] of pages) {
  const relative = path.join("server", "app", `${url}.html`);
  for (const dir of dirs) {
    const file = path.join(dir, relative);
    if (!existsSync(file)) continue;
    const html = readFileSync(file, "utf8");
    if (!hasExecutableScript(html)) {
      if (dir === dist) already += 1; // the step ran on this build before
      continue;
    }
    const reason = scriptRevealedContent(html);
    if (reason) {
      problems.push(`${url}: ${reason}`);
      continue;
    }
    const stripped = withoutScripts(html);
    if (dir === dist) {
      const kept = path.join(dist, "with-scripts", `${url}.html`);
      mkdirSync(path.dirname(kept), { recursive: true });
      writeFileSync(kept, html);
      before += Buffer.byteLength(html);
      after += Buffer.byteLength(stripped);
      done += 1;
    }
    writeFileSync(file, stripped);
  }
}

if (problems.length) {
  console.error(`script-free: ${problems.length} page(s) of app${SCRIPT_FREE_GROUP} need scripts; move what needs them to a page outside that group:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`script-free: ${done} page(s) of app${SCRIPT_FREE_GROUP} lost their scripts, HTML ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB; ${already} had none already`);
