// Small helpers shared by the benchmarks: processes, ports, a scratch copy of the project.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, rmSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export const root = path.resolve(import.meta.dirname, "..");
export const outDir = path.join(root, "bench", "out");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a command under GNU time and returns wall seconds and peak resident memory (MB) of the
 * command and all its children.
 */
export function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    // Through sh: contentlayer's CLI stalls when spawned directly by a Node process.
    const child = spawn("sh", ["-c", '/usr/bin/time -f "__TIME__ %e %M" "$@"', "sh", command, ...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => {
      const match = stderr.match(/__TIME__ ([\d.]+) (\d+)/);
      if (code !== 0 || !match) return reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      resolve({ seconds: Number(match[1]), peakMb: Math.round(Number(match[2]) / 1024), stdout });
    });
  });
}

/** A scratch copy of the committed project (hard-linked node_modules, as Turbopack needs it inside). */
export function scratchCopy(name) {
  const dir = path.join(outDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git -C "${root}" archive HEAD | tar -x -C "${dir}"`]);
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  return dir;
}

/** Starts `next start` in a folder and resolves when it answers. */
export async function startNext(dir, port, env = {}) {
  const child = spawn(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: dir, env: { ...process.env, NODE_ENV: "production", ...env }, stdio: "ignore" });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.status < 500) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`next start in ${dir} did not answer on ${port}`);
}

export function ensureBuilt(dir) {
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error(`${dir} has no production build: run npm run build first`);
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** `pid` and every process below it, read from /proc. */
export function processTree(pid) {
  const parentOf = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parentOf) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** One process from /proc: CPU seconds so far (user + system), resident and peak resident MB (VmRSS, VmHWM), command line; null once it has gone. */
export function procUsage(pid) {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    const stat = raw.slice(raw.lastIndexOf(")") + 2).split(" "); // utime and stime in clock ticks (100 a second on Linux)
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100, rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024, command: readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim() };
  } catch {
    return null;
  }
}

/**
 * The contest-scale jury round of bench/jury.mjs, as data: `entries` in five categories, `jurors`
 * in panels of one category each, 40 outlets, authors drawn from 3,000, 20 declared conflicts
 * per juror. The same fixed pseudo-random sequence, so every benchmark measures the same round.
 * `pairKey` is lib/contest/assignment.ts's (passed in: this file stays plain JavaScript).
 */
export function juryScenario({ entries: entryCount = 5000, jurors: jurorCount = 60, pairKey }) {
  const panels = ["print", "online", "radio", "television", "photo"];
  let state = 42;
  const rand = (n) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
  const outlets = Array.from({ length: 40 }, (_, i) => `Báo số ${i}`);
  const jurors = Array.from({ length: jurorCount }, (_, i) => ({ id: `juror-${String(i).padStart(3, "0")}`, panels: [panels[i % panels.length]], outlet: outlets[rand(outlets.length)], coAuthorIds: [`author-${rand(3000)}`] }));
  const entries = Array.from({ length: entryCount }, (_, i) => ({ id: `entry-${String(i).padStart(5, "0")}`, panel: panels[i % panels.length], outlet: outlets[rand(outlets.length)], authorIds: [`author-${rand(3000)}`] }));
  const declared = new Set();
  for (const juror of jurors) {
    let own = 0;
    while (own < 20) {
      const key = pairKey(juror.id, entries[rand(entryCount)].id);
      if (declared.has(key)) continue;
      declared.add(key);
      own++;
    }
  }
  return { panels, outlets, jurors, entries, declared, rand };
}

/** Runs `fn` over `items` with at most `size` at a time; results in the items' order. */
export async function pool(items, size, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** fetch, tried again on a network error (a kept-alive connection the server had just closed). */
export async function fetchRetry(url, init, attempts = 5) {
  for (let n = 1; ; n++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (n >= attempts) throw error;
      await sleep(200 * n);
    }
  }
}

/** A fresh database on the server of `base`; drop() removes it. */
export async function createDatabase(base, prefix = "lantoa_drill") {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs `sql` on a run's database: PostgreSQL at `url`, or PGlite under `dataDir/db` (server stopped). */
export async function query({ url, dataDir }, sql, params = []) {
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = await PGlite.create({ dataDir: path.join(dataDir, "db"), extensions: { unaccent, pg_trgm } });
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.close();
  }
}

/** next-auth's credentials sign-in, as a browser does it; returns the session cookie. `from` plays a load balancer's X-Forwarded-For. */
export async function signIn(origin, email, password, from) {
  const csrf = await fetchRetry(`${origin}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const res = await fetchRetry(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), ...(from ? { "x-forwarded-for": from } : {}) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("next-auth.session-token="));
  if (!cookie) throw new Error(`sign-in ${email} failed: ${res.status} ${await res.text()}`);
  return cookie;
}
