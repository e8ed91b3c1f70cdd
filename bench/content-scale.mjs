// Build cost as the collection grows: N synthetic stories, then the content step
// (contentlayer2 build) and next build, each timed with its peak memory, per page built.
// Usage: node bench/content-scale.mjs [200 2000]
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { scratchCopy, timed } from "./lib.mjs";
import { writeSyntheticStories } from "./synthetic-stories.mjs";

function countFiles(dir, suffix) {
  let n = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) n += countFiles(full, suffix);
    else if (entry.endsWith(suffix)) n++;
  }
  return n;
}

const sizes = process.argv.slice(2).map(Number);
const rows = [];
for (const n of sizes.length ? sizes : [200, 2000]) {
  const dir = scratchCopy(`scale-${n}`);
  rmSync(path.join(dir, "content/stories"), { recursive: true, force: true });
  writeSyntheticStories(path.join(dir, "content/stories"), n);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const content = await timed(process.execPath, ["node_modules/contentlayer2/bin/cli.cjs", "build"], { cwd: dir, env });
  const build = await timed(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: dir, env });
  const pages = countFiles(path.join(dir, ".next/server/app"), ".html");
  const images = countFiles(path.join(dir, ".next/server/app/og"), ".body");
  rows.push({
    stories: n,
    pages,
    ogImages: images,
    contentSeconds: content.seconds,
    contentPeakMb: content.peakMb,
    nextBuildSeconds: build.seconds,
    nextBuildPeakMb: build.peakMb,
    msPerPage: Math.round((build.seconds * 1000) / (pages + images)),
  });
  console.table(rows);
  rmSync(dir, { recursive: true, force: true });
}
