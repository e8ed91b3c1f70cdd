// The public pages without scripts against the same pages as Next.js built them, side by side in
// one run: page weight (HTML, gzip, scripts and their gzip) and Lighthouse (mobile preset, simulated
// slow 4G, median of RUNS by performance score) on the home page and a story page in both locales.
// "as built" is served from .next/with-scripts (kept by scripts/script-free.ts) by a small server
// that sends everything else (chunks, styles, covers) on to the same `next start`.
// Usage: npm run build && node bench/script-free.mjs [runs=3]
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { ensureBuilt, freePort, root, startNext } from "./lib.mjs";

ensureBuilt(root);
const runs = Number(process.argv[2] ?? 3);
const stories = JSON.parse(readFileSync(path.join(root, ".contentlayer/generated/Story/_index.json"), "utf8"));
const viStory = stories.find((s) => s.locale === "vi");
const enStory = stories.find((s) => s.locale === "en");
/** Public URL → the prerendered page's file under .next/with-scripts. */
const pages = new Map([
  ["/", "vi.html"],
  [viStory.url, `vi/stories/${viStory.slug}.html`],
  ["/en", "en.html"],
  [enStory.url, `en/stories/${enStory.slug}.html`],
]);

const sitePort = await freePort();
const site = await startNext(root, sitePort);
const builtPort = await freePort();
const asBuilt = http.createServer((req, res) => {
  const file = pages.get(req.url);
  if (file) {
    const html = readFileSync(path.join(root, ".next", "with-scripts", file));
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...(gzip ? { "content-encoding": "gzip" } : {}) });
    return res.end(gzip ? gzipSync(html) : html);
  }
  const upstream = http.request({ host: "127.0.0.1", port: sitePort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  req.pipe(upstream);
});
await new Promise((resolve) => asBuilt.listen(builtPort, "127.0.0.1", resolve));
const versions = [
  ["as built", `http://127.0.0.1:${builtPort}`],
  ["without scripts", `http://127.0.0.1:${sitePort}`],
];

async function weight(origin, pathname) {
  const html = await (await fetch(origin + pathname)).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let jsGzip = 0;
  for (const src of scripts) jsGzip += gzipSync(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer()), { level: 9 }).length;
  return { htmlKb: +(Buffer.byteLength(html) / 1024).toFixed(1), htmlGzipKb: +(gzipSync(html, { level: 9 }).length / 1024).toFixed(1), scripts: scripts.length, jsGzipKb: +(jsGzip / 1024).toFixed(1) };
}

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const audit = (url) => lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
  await audit(`${versions[0][1]}/`); // warms Chromium and both servers
  const rows = [];
  for (const pathname of pages.keys()) {
    // The two versions take turns, so a noisy moment costs both alike.
    const results = Object.fromEntries(versions.map(([name]) => [name, []]));
    for (let i = 0; i < runs; i++) for (const [name, origin] of versions) results[name].push(await audit(origin + pathname));
    for (const [name, origin] of versions) {
      const sorted = results[name].sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
      const { lhr } = sorted[Math.floor(sorted.length / 2)];
      const score = (k) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
      rows.push({
        page: pathname.length > 40 ? `${pathname.slice(0, 37)}…` : pathname,
        version: name,
        ...(await weight(origin, pathname)),
        performance: score("performance"),
        performanceRuns: results[name].map((r) => Math.round(r.lhr.categories.performance.score * 100)).join(" "),
        tbtMs: Math.round(lhr.audits["total-blocking-time"].numericValue),
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
      });
      const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && ["accessibility", "seo", "best-practices"].some((cat) => lhr.categories[cat].auditRefs.some((r) => r.id === a.id && r.weight > 0)));
      if (failing.length) console.log(`${name} ${pathname}: below 100 on ${failing.map((a) => a.id).join(", ")}`);
    }
  }
  console.table(rows);
} finally {
  await chrome.kill();
  asBuilt.close();
  site.kill();
}
