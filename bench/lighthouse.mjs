// Lighthouse (mobile preset, simulated slow 4G) on the home page and a story page of the
// production build, driving Debian's Chromium. Each page is measured RUNS times (after one
// discarded run that warms Chromium) and the median run by performance score is reported.
// Usage: npm run build && node bench/lighthouse.mjs [runs=3]
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { readFileSync } from "node:fs";
import path from "node:path";
import { existsSync } from "node:fs";
import { ensureBuilt, freePort, outDir, root, startNext } from "./lib.mjs";

ensureBuilt(root);
const stories = JSON.parse(readFileSync(path.join(root, ".contentlayer/generated/Story/_index.json"), "utf8"));
const pages = ["/", stories.find((s) => s.locale === "vi").url, "/en", stories.find((s) => s.locale === "en").url];

const port = await freePort();
const site = await startNext(root, port);
// The bare Next.js page bench/page-weight.mjs builds, measured in the same run as a baseline.
const bareDir = path.join(outDir, "bare");
const barePort = existsSync(path.join(bareDir, ".next", "BUILD_ID")) ? await freePort() : undefined;
const bare = barePort ? await startNext(bareDir, barePort) : undefined;
const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  // Warm the server first, so the first page measured is not paying for a cold start.
  for (const pathname of pages) await (await fetch(`http://127.0.0.1:${port}${pathname}`)).text();
  const runs = Number(process.argv[2] ?? 3);
  const audit = (pathname) => lighthouse(pathname.startsWith("http") ? pathname : `http://127.0.0.1:${port}${pathname}`, { port: chrome.port, output: "json", logLevel: "error" });
  if (barePort) pages.unshift(`http://127.0.0.1:${barePort}/`);
  await audit(pages[0]);
  const rows = [];
  for (const pathname of pages) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await audit(pathname));
    results.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
    const result = results[Math.floor(results.length / 2)];
    const c = result.lhr.categories;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    rows.push({
      page: pathname.startsWith("http") ? "bare Next.js page" : pathname.length > 48 ? pathname.slice(0, 45) + "…" : pathname,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: Math.round(result.lhr.audits["largest-contentful-paint"].numericValue),
      tbtMs: Math.round(result.lhr.audits["total-blocking-time"].numericValue),
    });
    const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && ["accessibility", "seo", "best-practices"].some((cat) => c[cat].auditRefs.some((r) => r.id === a.id && r.weight > 0)));
    if (failing.length) console.log(`${pathname}: ${failing.map((a) => a.id).join(", ")}`);
  }
  console.table(rows);
} finally {
  await chrome.kill();
  site.kill();
  bare?.kill();
}
