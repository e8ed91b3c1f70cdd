// After `NEXT_OUTPUT=standalone npm run build`: completes .next/standalone into a folder that runs
// with `node server.js` and nothing else from this checkout. Next.js leaves out what it does not
// trace: public/ and .next/static (meant for a CDN, but served by the server too when present), and
// the SQL migrations the server reads at start (lib/db/client.ts: <cwd>/lib/db/migrations), and the
// stories (.contentlayer). PGlite
// loads its WebAssembly, data bundle and extensions by URL at run time; any the trace missed are
// copied too.
import { cp, readdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".next", "standalone");
if (!existsSync(path.join(out, "server.js"))) {
  console.error("standalone: .next/standalone/server.js is missing; build first with NEXT_OUTPUT=standalone npm run build");
  process.exit(1);
}

const copies: [string, string][] = [
  ["public", "public"],
  [".next/static", ".next/static"],
  ["lib/db/migrations", "lib/db/migrations"],
  // The stories, read from disk at run time (lib/content/story-store.ts): the index and each body.
  [".contentlayer/stories.json", ".contentlayer/stories.json"],
  [".contentlayer/generated/Story", ".contentlayer/generated/Story"],
];
for (const [from, to] of copies) {
  await cp(path.join(root, from), path.join(out, to), { recursive: true, force: true });
  console.log(`standalone: copied ${from}/ -> .next/standalone/${to}/`);
}

// PGlite's run-time files (pglite.wasm, pglite.data, initdb.wasm, extension bundles) next to its code.
const pgliteDist = path.join(root, "node_modules", "@electric-sql", "pglite", "dist");
const pgliteOut = path.join(out, "node_modules", "@electric-sql", "pglite", "dist");
if (existsSync(pgliteOut)) {
  let added = 0;
  for (const name of await readdir(pgliteDist)) {
    if (!/\.(wasm|data|tar\.gz)$/.test(name)) continue;
    const target = path.join(pgliteOut, name);
    const [a, b] = await Promise.all([stat(path.join(pgliteDist, name)), stat(target).catch(() => null)]);
    if (b && b.size === a.size) continue;
    await cp(path.join(pgliteDist, name), target);
    added++;
  }
  if (added) console.log(`standalone: added ${added} PGlite run-time file(s) the trace left out`);
}

console.log(`
Start it (from any directory; copy .next/standalone anywhere with the same Node.js):
  cd ${path.relative(process.cwd(), out) || "."}
  NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 \\
  DATA_DIR=/var/lib/lantoa DATABASE_URL=postgres://… MEILI_HOST=https://… MEILI_MASTER_KEY=… \\
  AUTH_SECRET=… SITE_URL=https://… node server.js
The standalone server does not start a Meilisearch (scripts/start.mjs does): set MEILI_HOST, or
search runs on its database fallback. server.js changes into its own folder, so a relative DATA_DIR
(default ./data) means .next/standalone/data: give an absolute path.`);
