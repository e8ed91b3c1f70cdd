// Load: requests per second and p99 latency of the production build under wrk, for a story page
// (as the server answers it, from memory, and through Next.js's pipeline with a query string),
// the home page, GET /api/search and a signed-in GET /api/entries, and Debian's nginx serving the
// same prerendered story page (`.next/server/app/vi/stories/<slug>.html`) in the same run with the
// same wrk settings. Targets run interleaved, round after round (the order rotates each round),
// and the medians are reported, with the server's CPU time per request and its peak memory.
//
//   node bench/load.mjs [--dir <built copy>] [--no-build] [--rounds 3] [--duration 15]
//                       [--warmup 5] [--threads 2] [--connections 32] [--no-gzip]
//                       [--variant <label>=<built copy>]...
//
// Without --dir it builds a scratch copy of the committed project in bench/out/load
// (contentlayer, then next build); --no-build reuses that copy's build. The server is started
// with `npm start` (its packaged Meilisearch, a fresh DATA_DIR, LANTOA_DEMO=1).
// Requests carry no Accept-Encoding (both servers send the file as it is); unless --no-gzip,
// the story page is measured again with `Accept-Encoding: gzip` on both (Next.js compresses on
// the fly at zlib's default level, nginx with gzip_comp_level 6). A plain node:http server
// sending the same bytes from memory is measured too, as a control. --variant starts a second
// build (say, one with a changed next.config.mjs) and measures its story page in the same rounds.
// Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light). Writes bench/out/load.json.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { freePort, median, outDir, processTree, procUsage, scratchCopy, signIn, timed } from "./lib.mjs";

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    dir: { type: "string" },
    build: { type: "boolean", default: true },
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "15" },
    warmup: { type: "string", default: "5" },
    threads: { type: "string", default: "2" },
    connections: { type: "string", default: "32" },
    gzip: { type: "boolean", default: true },
    variant: { type: "string", multiple: true, default: [] },
    query: { type: "string", default: "nông thôn mới" },
  },
});
const ROUNDS = Number(args.rounds);
const WRK = ["-t", args.threads, "-c", args.connections, "--latency", "--timeout", "10s"];

// ---- tools ------------------------------------------------------------------------------
const missing = ["wrk", "nginx"].filter((tool) => spawnSync("sh", ["-c", `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0);
if (missing.length) {
  console.error(`bench/load.mjs needs ${missing.join(" and ")}: on Debian, apt-get install -y wrk nginx-light`);
  process.exit(1);
}
const nginxBin = spawnSync("sh", ["-c", "command -v nginx || echo /usr/sbin/nginx"], { encoding: "utf8" }).stdout.trim();

// ---- the build --------------------------------------------------------------------------
async function builtCopy() {
  if (args.dir) return path.resolve(args.dir);
  const dir = path.join(outDir, "load");
  if (!args.build) return dir;
  scratchCopy("load");
  console.log("building a scratch copy in bench/out/load (contentlayer, next build) …");
  const { seconds } = await timed("sh", ["-c", "npx contentlayer2 build && npx next build"], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`built in ${seconds} s`);
  return dir;
}
const dir = await builtCopy();
const variants = args.variant.map((spec) => {
  const at = spec.indexOf("=");
  if (at < 1) throw new Error(`--variant wants <label>=<built copy>, got ${spec}`);
  return { label: spec.slice(0, at), dir: path.resolve(spec.slice(at + 1)) };
});
for (const d of [dir, ...variants.map((v) => v.dir)]) {
  if (!existsSync(path.join(d, ".next", "BUILD_ID"))) throw new Error(`${d} has no production build (npm run build there, or drop --no-build)`);
}

const stories = JSON.parse(readFileSync(path.join(dir, ".contentlayer/generated/Story/_index.json"), "utf8"));
const story = stories.filter((s) => s.locale === "vi").sort((a, b) => a.slug.localeCompare(b.slug))[0];
const storyFile = (d) => path.join(d, ".next/server/app/vi/stories", `${story.slug}.html`);
if (!existsSync(storyFile(dir))) throw new Error(`no prerendered HTML for ${story.url} at ${storyFile(dir)}`);
const storyBytes = readFileSync(storyFile(dir));

// What Next.js does with a prerendered page on every request, for its size: it keeps the page
// as a string, hashes all of it for the ETag (generateEtags), measures its UTF-8 length for
// Content-Length and encodes it into the socket. Best of 7 × 100, in this process.
const { generateETag } = createRequire(path.join(dir, "package.json"))("next/dist/server/lib/etag.js");
function stringWork(file) {
  const html = readFileSync(file, "utf8");
  const best = (fn) => {
    let ms = Infinity;
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) fn();
      ms = Math.min(ms, (performance.now() - t0) / 100);
    }
    return +ms.toFixed(3);
  };
  const w = { bytes: Buffer.byteLength(html), etagMs: best(() => generateETag(html)), byteLengthMs: best(() => Buffer.byteLength(html)), encodeMs: best(() => Buffer.from(html, "utf8")) };
  return { ...w, totalMs: +(w.etagMs + w.byteLengthMs + w.encodeMs).toFixed(3) };
}
// One row per distinct story file (a variant that only changes runtime options shares the file).
const work = [];
for (const b of [{ label: "as built", dir }, ...variants]) {
  const bytes = readFileSync(storyFile(b.dir));
  const same = work.find((w) => w.file.equals(bytes));
  if (same) same.build += `, ${b.label}`;
  else work.push({ build: b.label, file: bytes, ...stringWork(storyFile(b.dir)) });
}
for (const w of work) delete w.file;
console.log("string work per request on the story page (ms):");
console.table(work);

// ---- processes we start, and how they are stopped ---------------------------------------
const scratch = mkdtempSync(path.join(os.tmpdir(), "lantoa-load-"));
const children = [];
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await Promise.all(children.map((child) => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
    setTimeout(() => (child.kill("SIGKILL"), resolve()), 15_000).unref();
  })));
  rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().then(() => process.exit(130)));

/** One request with exactly these headers (fetch would add Accept-Encoding). */
function get(port, pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function startApp(label, appDir, { demo }) {
  const port = await freePort();
  const dataDir = path.join(scratch, `data-${label}`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ["--import", "tsx/esm", "scripts/start.ts", "--port", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      LANTOA_DEMO: demo ? "1" : "0",
      LANTOA_LOCAL: "1", // served on loopback only
      SEARCH_INDEX_ON_START: demo ? "1" : "0",
      MEILI_INDEX_PREFIX: `load_${randomBytes(3).toString("hex")}_`,
      AUTH_RATE_LIMIT_IP: "1000000", // every request comes from 127.0.0.1
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", openSync(path.join(dataDir, "server.log"), "a")],
  });
  children.push(child);
  const deadline = Date.now() + 180_000;
  const log = () => readFileSync(path.join(dataDir, "server.log"), "utf8").slice(-3000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: the server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await get(port, "/api/health/ready");
      if (res.status === 200) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${label}: the server did not become ready:\n${log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { label, port, child };
}

function nodePids(app) {
  return processTree(app.child.pid).filter((pid) => !(procUsage(pid)?.command ?? "").includes("meilisearch"));
}
function meiliPids(app) {
  return processTree(app.child.pid).filter((pid) => (procUsage(pid)?.command ?? "").includes("meilisearch"));
}
const cpuOf = (pids) => pids.reduce((sum, pid) => sum + (procUsage(pid)?.cpuSeconds ?? 0), 0);

// ---- the servers ------------------------------------------------------------------------
try {
  const app = await startApp("app", dir, { demo: true });
  const others = [];
  for (const v of variants) others.push({ ...v, app: await startApp(`variant-${v.label}`, v.dir, { demo: false }) });

  // nginx: Debian's package, a private prefix, one worker per core, sendfile, the same file.
  const nginxPort = await freePort();
  const nginxDir = path.join(scratch, "nginx");
  mkdirSync(path.join(nginxDir, "tmp"), { recursive: true });
  const conf = path.join(nginxDir, "nginx.conf");
  writeFileSync(conf, `daemon off;
worker_processes ${os.availableParallelism()};
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${nginxDir}/tmp;
  proxy_temp_path ${nginxDir}/tmp;
  fastcgi_temp_path ${nginxDir}/tmp;
  uwsgi_temp_path ${nginxDir}/tmp;
  scgi_temp_path ${nginxDir}/tmp;
  types { text/html html; }
  charset utf-8;
  gzip on;
  gzip_comp_level 6;
  gzip_vary on;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${path.dirname(storyFile(dir))};
    location = ${story.url} { try_files /${story.slug}.html =404; }
  }
}
`);
  const nginx = spawn(nginxBin, ["-p", nginxDir, "-c", conf, "-e", path.join(nginxDir, "error.log")], { stdio: ["ignore", "ignore", "inherit"] });
  children.push(nginx);
  for (let i = 0; ; i++) {
    try {
      await get(nginxPort, story.url);
      break;
    } catch {
      if (i > 50 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(path.join(nginxDir, "error.log"), "utf8")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // A control: Node's own http module sending the same bytes from memory (what Node can do
  // without the framework's per-request work).
  const plainPort = await freePort();
  const plain = spawn(process.execPath, ["-e", `
    const body = require("node:fs").readFileSync(process.argv[1]);
    require("node:http").createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      res.end(body);
    }).listen(Number(process.argv[2]), "127.0.0.1");`, storyFile(dir), String(plainPort)], { stdio: ["ignore", "ignore", "inherit"] });
  children.push(plain);
  for (let i = 0; ; i++) {
    try {
      await get(plainPort, story.url);
      break;
    } catch {
      if (i > 50 || plain.exitCode !== null) throw new Error("the plain node:http server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // ---- a signed-in journalist, and the stories index ------------------------------------
  const origin = `http://127.0.0.1:${app.port}`;
  const session = await signIn(origin, "phongvien1@lantoa.test", process.env.DEMO_PASSWORD || "lantoa-demo");
  const searchPath = `/api/search?${new URLSearchParams({ q: args.query })}`;
  for (const deadline = Date.now() + 120_000; ; ) {
    const res = await get(app.port, searchPath);
    const body = res.status === 200 ? JSON.parse(res.body.toString()) : {};
    if (res.status === 200 && !body.degraded && (body.total ?? body.hits?.length ?? 0) > 0) break;
    if (Date.now() > deadline) throw new Error(`${searchPath} never answered from Meilisearch with hits: ${res.status} ${res.body.toString().slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }

  // ---- the targets, each checked before it is measured ----------------------------------
  const gzipHeader = { "Accept-Encoding": "gzip" };
  const appCpu = { pids: () => nodePids(app) };
  const targets = [
    { name: "story page", port: app.port, path: story.url, cpu: appCpu, same: true },
    // A query string sends the same request past the server's memory to Next.js's own pipeline.
    { name: "story page through Next.js (?via=next)", port: app.port, path: `${story.url}?via=next`, cpu: appCpu, same: true },
    { name: "home /", port: app.port, path: "/", cpu: appCpu },
    { name: `GET /api/search?q=${args.query}`, port: app.port, path: searchPath, cpu: appCpu, meili: true },
    { name: "GET /api/entries (signed in)", port: app.port, path: "/api/entries", headers: { Cookie: session }, cpu: appCpu },
    { name: "nginx, same story file", port: nginxPort, path: story.url, cpu: { pids: () => processTree(nginx.pid) }, same: true },
    { name: "node:http, same bytes from memory", port: plainPort, path: story.url, cpu: { pids: () => [plain.pid] }, same: true, identityOnly: true },
    ...others.map((o) => ({ name: `story page, ${o.label}`, port: o.app.port, path: story.url, cpu: { pids: () => nodePids(o.app) }, same: true, variantDir: o.dir })),
  ];
  if (args.gzip) {
    for (const t of targets.filter((t) => t.same && !t.identityOnly)) targets.push({ ...t, name: `${t.name} (gzip)`, headers: gzipHeader, gzip: true });
  }
  for (const t of targets) {
    const res = await get(t.port, t.path, t.headers);
    if (res.status !== 200) throw new Error(`${t.name}: ${t.path} answered ${res.status}`);
    if (t.same) {
      const expected = t.variantDir ? readFileSync(storyFile(t.variantDir)) : storyBytes;
      const body = t.gzip ? (res.headers["content-encoding"] === "gzip" ? gunzipSync(res.body) : null) : res.body;
      if (!body || !body.equals(expected)) throw new Error(`${t.name}: the body is not the prerendered file (${res.headers["content-encoding"] ?? "identity"}, ${res.body.length} bytes)`);
      t.wireBytes = res.body.length;
    }
    if (t.path === "/api/entries" && !(JSON.parse(res.body.toString()).entries?.length > 0)) throw new Error("GET /api/entries: no entries for phongvien1");
  }
  console.log(`story ${story.url}: ${storyBytes.length} bytes (gzip on the wire: ${targets.find((t) => t.gzip && t.port === app.port)?.wireBytes ?? "—"} bytes); Next.js and nginx serve the same bytes`);

  // ---- memory, sampled through the whole run --------------------------------------------
  const memory = { idleMb: 0, peakMb: 0, meiliPeakMb: 0 };
  const sample = () => {
    const mb = nodePids(app).reduce((s, pid) => s + (procUsage(pid)?.rssMb ?? 0), 0);
    memory.peakMb = Math.max(memory.peakMb, mb);
    memory.meiliPeakMb = Math.max(memory.meiliPeakMb, meiliPids(app).reduce((s, pid) => s + (procUsage(pid)?.rssMb ?? 0), 0));
    return mb;
  };
  memory.idleMb = sample();
  const sampler = setInterval(sample, 200);

  function wrk(t, seconds) {
    const extra = Object.entries(t.headers ?? {}).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
    return new Promise((resolve, reject) => {
      const child = spawn("wrk", [...WRK, "-d", `${seconds}s`, ...extra, `http://127.0.0.1:${t.port}${t.path}`], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk ${t.path} failed (${code}): ${out}`))));
    });
  }
  function parse(out) {
    const unit = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
    const p99 = /99%\s+([\d.]+)(us|ms|s|m)\b/.exec(out);
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    return {
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]),
      requests: Number(/(\d+) requests in/.exec(out)[1]),
      p99Ms: Number(p99[1]) * unit[p99[2]],
      non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
      socketErrors: errors ? errors.slice(1).reduce((s, n) => s + Number(n), 0) : 0,
      timeouts: errors ? Number(errors[4]) : 0, // no answer within wrk's --timeout
    };
  }

  console.log(`warm-up: ${args.warmup} s per target`);
  for (const t of targets) await wrk(t, args.warmup);
  for (const t of targets) t.runs = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    for (const t of order) {
      const pids = t.cpu.pids();
      const meili = t.meili ? meiliPids(app) : [];
      const [cpu0, meili0] = [cpuOf(pids), cpuOf(meili)];
      const out = await wrk(t, args.duration);
      const run = parse(out);
      if (run.requests === 0) console.log(out);
      // NaN when nothing completed (a run too short for the machine's load): left out of the medians.
      run.cpuMsPerRequest = ((cpuOf(pids) - cpu0) * 1000) / run.requests;
      if (t.meili) run.meiliCpuMsPerRequest = ((cpuOf(meili) - meili0) * 1000) / run.requests;
      run.round = round + 1;
      t.runs.push(run);
      console.log(`round ${round + 1}  ${t.name.padEnd(44)} ${run.rps.toFixed(0).padStart(6)} req/s  p99 ${run.p99Ms.toFixed(1).padStart(7)} ms  CPU ${run.cpuMsPerRequest.toFixed(2)} ms/req${run.non2xx ? `  NON-2XX ${run.non2xx}` : ""}${run.socketErrors ? `  socket errors ${run.socketErrors} (${run.timeouts} timeouts)` : ""}  (load ${os.loadavg()[0].toFixed(1)})`);
    }
  }
  clearInterval(sampler);
  sample();
  const nextServer = nodePids(app).map((pid) => procUsage(pid)).find((u) => u?.command.startsWith("lantoa-server") || u?.command.startsWith("next-server"));
  memory.nextServerHwmMb = nextServer?.hwmMb ?? null;

  // ---- figures ------------------------------------------------------------------------------
  const rows = targets.map((t) => ({
    target: t.name,
    rps: median(t.runs.map((r) => r.rps)),
    p99Ms: median(t.runs.map((r) => r.p99Ms)),
    cpuMsPerRequest: median(t.runs.map((r) => r.cpuMsPerRequest).filter(Number.isFinite)),
    meiliCpuMsPerRequest: t.meili ? median(t.runs.map((r) => r.meiliCpuMsPerRequest).filter(Number.isFinite)) : undefined,
    non2xx: t.runs.reduce((s, r) => s + r.non2xx + r.socketErrors, 0),
    runs: t.runs.map((r) => Math.round(r.rps)),
  }));
  const ratio = (a, b) => {
    const [ta, tb] = [targets.find((t) => t.name === a), targets.find((t) => t.name === b)];
    return { ofMedians: median(ta.runs.map((r) => r.rps)) / median(tb.runs.map((r) => r.rps)), perRoundMedian: median(ta.runs.map((r, i) => r.rps / tb.runs[i].rps)) };
  };
  const ratios = { identity: ratio("story page", "nginx, same story file"), throughNext: ratio("story page through Next.js (?via=next)", "nginx, same story file") };
  if (args.gzip) ratios.gzip = ratio("story page (gzip)", "nginx, same story file (gzip)");
  const machine = {
    cpus: `${os.availableParallelism()} × ${os.cpus()[0]?.model ?? "?"}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    next: JSON.parse(readFileSync(path.join(dir, "node_modules/next/package.json"), "utf8")).version,
    nginx: spawnSync(nginxBin, ["-v"], { encoding: "utf8" }).stderr.trim().replace("nginx version: ", ""),
    wrk: spawnSync("wrk", ["-v"], { encoding: "utf8" }).stdout.split(" ")[1] ?? "?",
    loadAverageAtEnd: os.loadavg().map((n) => +n.toFixed(1)),
  };
  const command = `node bench/load.mjs ${process.argv.slice(2).join(" ")}`.trim();
  const settings = `wrk ${WRK.join(" ")} -d ${args.duration}s, ${args.warmup} s warm-up per target, ${ROUNDS} rounds`;
  writeFileSync(path.join(outDir, "load.json"), JSON.stringify({ command, settings, story: story.url, storyBytes: storyBytes.length, machine, memory, ratios, stringWork: work, rows, targets: targets.map((t) => ({ name: t.name, path: t.path, runs: t.runs })) }, null, 2));

  const f = (n, d = 0) => (n === undefined ? "—" : n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
  console.log(`\n\`${command}\` — ${settings}; ${machine.cpus}, ${machine.memoryGb} GiB, Node ${machine.node}, Next.js ${machine.next}, nginx ${machine.nginx}, wrk ${machine.wrk}; load average at the end ${machine.loadAverageAtEnd.join(" / ")}\n`);
  console.log("| target | req/s (median) | p99 (median) | server CPU per request | req/s of each round | errors |");
  console.log("| --- | ---: | ---: | ---: | --- | ---: |");
  for (const r of rows) console.log(`| ${r.target} | ${f(r.rps)} | ${f(r.p99Ms, 1)} ms | ${f(r.cpuMsPerRequest, 2)} ms${r.meiliCpuMsPerRequest !== undefined ? ` (+ Meilisearch ${f(r.meiliCpuMsPerRequest, 2)} ms)` : ""} | ${r.runs.join(", ")} | ${r.non2xx} |`);
  console.log("\n| build | story HTML | ETag | UTF-8 length | UTF-8 encoding | together |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const w of work) console.log(`| ${w.build} | ${f(w.bytes)} B | ${f(w.etagMs, 2)} ms | ${f(w.byteLengthMs, 2)} ms | ${f(w.encodeMs, 2)} ms | ${f(w.totalMs, 2)} ms |`);
  console.log(`\nstory page / nginx: ${f(ratios.identity.ofMedians, 3)} (1/${f(1 / ratios.identity.ofMedians, 1)}; median of the per-round ratios ${f(ratios.identity.perRoundMedian, 3)}); target ≥ 1/3`);
  console.log(`story page through Next.js's pipeline / nginx: ${f(ratios.throughNext.ofMedians, 3)} (1/${f(1 / ratios.throughNext.ofMedians, 1)})`);
  if (ratios.gzip) console.log(`story page / nginx, both gzip: ${f(ratios.gzip.ofMedians, 3)} (1/${f(1 / ratios.gzip.ofMedians, 1)}; per-round median ${f(ratios.gzip.perRoundMedian, 3)})`);
  console.log(`server memory (Node processes, Meilisearch apart): ${f(memory.idleMb)} MB before the load, ${f(memory.peakMb)} MB peak sampled; server process VmHWM ${f(memory.nextServerHwmMb)} MB; Meilisearch peak ${f(memory.meiliPeakMb)} MB`);
} finally {
  await cleanup();
}
