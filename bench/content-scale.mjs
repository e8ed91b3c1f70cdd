// Build cost as the collection grows, and the time to publish one story into the running site.
// For each size: N synthetic stories (a third also in English) in a scratch copy, then the
// content step (npm run content), next build with PRERENDERED_STORIES newest stories per locale
// prerendered, and the script-free step, each timed with its peak memory. With --publish, the
// built site is started, one new story is written and `npm run story:publish` is timed, with the
// first request of its page and of the stories list.
// Usage: node bench/content-scale.mjs [--prerender 200] [--publish] 2000 10000 50000
import { readdirSync, rmSync, statSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, scratchCopy, timed } from "./lib.mjs";
import { writeSyntheticStories } from "./synthetic-stories.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { prerender: { type: "string", default: "200" }, publish: { type: "boolean", default: false } } });

function countFiles(dir, suffix) {
  let n = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) n += countFiles(full, suffix);
    else if (entry.endsWith(suffix)) n++;
  }
  return n;
}

async function waitFor(url, deadline = Date.now() + 180_000) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** Starts the built site, writes one new story, and times story:publish and the first requests after it. */
async function publishOne(dir, env) {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx/esm", "scripts/start.ts", "--port", String(port)], { cwd: dir, env: { ...env, LANTOA_DEMO: "1", LANTOA_LOCAL: "1", DATA_DIR: path.join(dir, "data") }, stdio: "ignore", detached: true });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    // A site that has been running: the stories index the server builds at its first start is
    // in place (a publication's search update would otherwise queue behind it in Meilisearch).
    const indexStarted = performance.now();
    // The index is built aside and swapped in whole: any answer from it means it is complete.
    for (let total = 0; total === 0 && performance.now() - indexStarted < 600_000; ) {
      await new Promise((r) => setTimeout(r, 2000));
      const answer = await (await fetch(`http://127.0.0.1:${port}/api/search?q=&locale=vi`)).json();
      total = answer.degraded ? 0 : answer.total;
    }
    const slug = "cau-chuyen-moi-xuat-ban-rieng";
    const source = readdirSync(path.join(dir, "content/stories/vi")).find((f) => f.endsWith(".mdx"));
    const text = readFileSync(path.join(dir, "content/stories/vi", source), "utf8")
      .replace(/^slug: .*$/m, `slug: "${slug}"`)
      .replace(/^title: .*$/m, `title: "Câu chuyện mới xuất bản riêng"`)
      .replace(/^translationKey: .*$/m, `translationKey: "moi-xuat-ban"`)
      // Later than any synthetic story (the latest is 2026-12-28), so it opens the stories list.
      .replace(/^publishedAt: .*$/m, `publishedAt: 2026-12-31`);
    writeFileSync(path.join(dir, "content/stories/vi", `${slug}.mdx`), text);
    const publish = await timed(process.execPath, ["--import", "tsx/esm", "scripts/story-publish.ts", "--server", `http://127.0.0.1:${port}`], { cwd: dir, env: { ...env, DATA_DIR: path.join(dir, "data") } });
    let started = performance.now();
    const page = await fetch(`http://127.0.0.1:${port}/cau-chuyen/${slug}`);
    const pageMs = performance.now() - started;
    started = performance.now();
    const list = await (await fetch(`http://127.0.0.1:${port}/cau-chuyen`)).text();
    const listMs = performance.now() - started;
    if (page.status !== 200 || !list.includes(slug)) throw new Error(`published story not served (page ${page.status}, in list: ${list.includes(slug)})`);
    const contentStep = Number(/content: done in ([\d.]+) s/.exec(publish.stdout)?.[1]);
    return { publishSeconds: publish.seconds, publishContentSeconds: contentStep, publishPeakMb: publish.peakMb, firstPageMs: Math.round(pageMs), firstListMs: Math.round(listMs) };
  } finally {
    process.kill(-server.pid, "SIGTERM");
  }
}

const rows = [];
for (const n of positionals.length ? positionals.map(Number) : [2000, 10000]) {
  const dir = scratchCopy(`scale-${n}`);
  rmSync(path.join(dir, "content/stories"), { recursive: true, force: true });
  writeSyntheticStories(path.join(dir, "content/stories"), n);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LANTOA_LOCAL: "1", PRERENDERED_STORIES: values.prerender };
  const row = { stories: n, files: countFiles(path.join(dir, "content/stories"), ".mdx"), prerendered: Number(values.prerender) };
  rows.push(row);
  try {
    const content = await timed(process.execPath, ["--import", "tsx/esm", "scripts/content.ts"], { cwd: dir, env });
    Object.assign(row, { contentSeconds: content.seconds, contentPeakMb: content.peakMb });
    const build = await timed(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: dir, env: { ...env, NODE_ENV: "production" } });
    const scriptFree = await timed(process.execPath, ["--import", "tsx/esm", "scripts/script-free.ts"], { cwd: dir, env });
    Object.assign(row, {
      nextBuildSeconds: build.seconds,
      nextBuildPeakMb: build.peakMb,
      scriptFreeSeconds: scriptFree.seconds,
      totalSeconds: Math.round((content.seconds + build.seconds + scriptFree.seconds) * 10) / 10,
      pages: countFiles(path.join(dir, ".next/server/app"), ".html"),
      ogImages: countFiles(path.join(dir, ".next/server/app/og"), ".body"),
    });
    if (values.publish) Object.assign(row, await publishOne(dir, env));
  } catch (error) {
    // A collection too large must fail with a message that names the limit: it is the figure.
    row.failed = String(error.message).split("\n").find((l) => l.includes("content:")) ?? String(error.message).slice(0, 300);
  }
  console.table(rows);
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(rows));
