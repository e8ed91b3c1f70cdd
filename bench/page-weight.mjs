// How much JavaScript a reader's phone downloads: a bare Next.js 16 App Router page (built here,
// beside the project, with the same node_modules) against our home, list and story pages.
// Usage: npm run build && node bench/page-weight.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { ensureBuilt, freePort, outDir, root, startNext } from "./lib.mjs";

async function pageWeight(origin, pathname) {
  const html = await (await fetch(origin + pathname)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  let jsGzip = 0;
  for (const src of new Set(scripts)) jsGzip += gzipSync(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer()), { level: 9 }).length;
  return { scripts: new Set(scripts).size, jsGzipKb: +(jsGzip / 1024).toFixed(1), htmlGzipKb: +(gzipSync(html, { level: 9 }).length / 1024).toFixed(1) };
}

function buildBarePage() {
  const dir = path.join(outDir, "bare");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
  writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(path.join(dir, "app/layout.tsx"), 'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n');
  writeFileSync(path.join(dir, "app/page.tsx"), "export default function Page() {\n  return <main><h1>Hello</h1><p>A bare page.</p></main>;\n}\n");
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { jsx: "react-jsx", strict: true, module: "esnext", moduleResolution: "bundler", skipLibCheck: true, noEmit: true, esModuleInterop: true, isolatedModules: true, lib: ["dom", "esnext"], plugins: [{ name: "next" }] }, include: ["**/*.ts", "**/*.tsx"] }));
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  execFileSync(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "build"], { cwd: dir, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return dir;
}

ensureBuilt(root);
const stories = JSON.parse((await import("node:fs")).readFileSync(path.join(root, ".contentlayer/generated/Story/_index.json"), "utf8"));
const viStory = stories.find((s) => s.locale === "vi");
const enStory = stories.find((s) => s.locale === "en");

const bareDir = buildBarePage();
const [barePort, sitePort] = [await freePort(), await freePort()];
const bare = await startNext(bareDir, barePort);
const site = await startNext(root, sitePort);
try {
  const baseline = await pageWeight(`http://127.0.0.1:${barePort}`, "/");
  const rows = [{ page: "bare Next.js page", ...baseline }];
  for (const pathname of ["/", viStory.url, enStory.url, "/cau-chuyen", "/phong-trao/nong-thon-moi"]) {
    const w = await pageWeight(`http://127.0.0.1:${sitePort}`, pathname);
    rows.push({ page: pathname, ...w, overBareKb: +(w.jsGzipKb - baseline.jsGzipKb).toFixed(1) });
  }
  console.table(rows);
  const story = rows.find((r) => r.page === viStory.url);
  console.log(`story page JS over the bare page: ${story.overBareKb} KB gzip (target ≤ 15 KB)`);
} finally {
  bare.kill();
  site.kill();
}
