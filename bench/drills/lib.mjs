// Shared by the fault drills: the production server as a process group we can kill, clients
// that sign up and retry, fresh databases, a private PostgreSQL cluster, a Meilisearch we can
// stop, and readers of what ended up in the database and on disk.
import { execFile, execFileSync, spawn } from "node:child_process";
import { promisify } from "node:util";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createDatabase, fetchRetry, freePort, outDir, query, root, signIn, sleep } from "../lib.mjs";

export { createDatabase, fetchRetry, freePort, outDir, query, root, signIn, sleep };

// Whatever a drill started dies with it, even when the drill itself fails half-way.
const owned = new Set(); // negative: a process group
process.on("exit", () => {
  for (const pid of owned) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

export function pct(list, p) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]) : null;
}

export function requireBuild(dir) {
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error(`${dir} has no production build: run npm run build there first (or pass --dir)`);
}

/** A folder of its own under bench/out for one run. */
export function runDir(name) {
  const dir = path.join(outDir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * `npm start` in its own process group (so SIGKILL takes `next start` with it), its
 * output appended to `log`. Resolves once /api/health/ready answers 200.
 */
export async function startApp({ dir, port, env, log, readyTimeoutMs = 180_000 }) {
  const out = openSync(log, "a");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx/esm", "scripts/start.ts", "--port", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", out, out],
    // The clients send X-Forwarded-For as a load balancer would.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", TRUST_PROXY: "1", LANTOA_LOCAL: "1", ...env },
  });
  owned.add(-child.pid);
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  exited.then(() => owned.delete(-child.pid));
  const app = {
    origin,
    child,
    exited,
    /** Sends `signal` to the whole group (start.ts, next start, and a Meilisearch it started). */
    signal(signal) {
      try {
        process.kill(-child.pid, signal);
      } catch {}
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      app.signal("SIGTERM");
      const timer = setTimeout(() => app.signal("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
    readySeconds: 0,
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was ready; see ${log}:\n${readFileSync(log, "utf8").slice(-3000)}`);
    const status = await fetch(`${origin}/api/health/ready`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`server not ready after ${readyTimeoutMs / 1000} s; see ${log}`);
    }
    await sleep(100);
  }
  app.readySeconds = (performance.now() - started) / 1000;
  return app;
}

// ---- clients ----------------------------------------------------------------------------

/** Signs up (as a journalist) and signs in; returns the session cookie. */
export async function journalist(origin, email, { password = "drill-password-123", name = "Phóng viên diễn tập", from } = {}) {
  const headers = { "content-type": "application/json", ...(from ? { "x-forwarded-for": from } : {}) };
  const signup = await fetchRetry(`${origin}/api/account`, { method: "POST", headers, body: JSON.stringify({ name, email, password, phone: "0900000000", outlet: "Báo Diễn Tập" }) });
  if (signup.status !== 201) throw new Error(`sign-up ${email}: ${signup.status} ${await signup.text()}`);
  return signIn(origin, email, password, from);
}

/** A small PDF with unique content. */
export function pdf(bytes, tag = randomBytes(8).toString("hex")) {
  const head = Buffer.from(`%PDF-1.7\n%${tag}\n`);
  return Buffer.concat([head, randomBytes(Math.max(0, bytes - head.length))]).subarray(0, Math.max(bytes, head.length));
}

export const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

export function multipart(file, name = "bai-bao.pdf") {
  const form = new FormData();
  form.append("file", new Blob([file], { type: "application/pdf" }), name);
  return form;
}

/**
 * Sends a request again (same method, body and headers — so the same Idempotency-Key) until
 * the server answers in full with a status below 500, or until `giveUpMs`. A response whose
 * body is cut off (the server died while sending it) counts as no answer. Returns the last
 * { status, body } (body parsed when JSON) and how many times it retried.
 */
export async function retrying(send, { giveUpMs = 180_000, onAttempt } = {}) {
  const started = Date.now();
  let retries = 0;
  for (;;) {
    let res;
    let error;
    try {
      const response = await send();
      const text = await response.text();
      let body = text;
      try {
        body = JSON.parse(text);
      } catch {}
      res = { status: response.status, body };
    } catch (e) {
      error = e;
    }
    onAttempt?.(res, error);
    if (res && res.status < 500) return { res, retries };
    if (Date.now() - started > giveUpMs) return { res, error, retries, gaveUp: true };
    retries++;
    await sleep(150 + Math.random() * 350);
  }
}

// ---- storage ------------------------------------------------------------------------------

/** Files stored by hash (uploads/ab/cd/<sha256>) and whatever is left in uploads/tmp. */
export function storedFiles(uploadsDir) {
  const files = [];
  const temp = existsSync(path.join(uploadsDir, "tmp")) ? readdirSync(path.join(uploadsDir, "tmp")) : [];
  if (!existsSync(uploadsDir)) return { files, temp };
  for (const a of readdirSync(uploadsDir)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of readdirSync(path.join(uploadsDir, a))) {
      for (const name of readdirSync(path.join(uploadsDir, a, b))) {
        const file = path.join(uploadsDir, a, b, name);
        files.push({ sha256: name, size: statSync(file).size, actual: sha256(readFileSync(file)) });
      }
    }
  }
  return { files, temp };
}

// ---- a private PostgreSQL cluster (the drills stop it; never the shared server) -------------

const PG_BIN = (() => {
  const base = "/usr/lib/postgresql";
  const version = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  return version ? path.join(base, version, "bin") : "";
})();

/** initdb (once) and pg_ctl for a cluster under `dir` on `port`, run as the postgres user when we are root. */
export function privateCluster({ dir, port }) {
  if (!PG_BIN) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql");
  const asPostgres = process.getuid?.() === 0;
  const command = (bin, args) => {
    const file = path.join(PG_BIN, bin);
    return asPostgres ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  };
  const run = (bin, args) => execFileSync(...command(bin, args), { stdio: "pipe" }).toString();
  // Asynchronous, so the drill's own clients keep running (and timing) while the server stops.
  const runAsync = async (bin, args) => (await promisify(execFile)(...command(bin, args))).stdout;
  const data = path.join(dir, "data");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    init() {
      if (existsSync(path.join(data, "PG_VERSION"))) return;
      mkdirSync(dir, { recursive: true });
      if (asPostgres) execFileSync("chown", ["postgres", dir]);
      run("initdb", ["-D", data, "-A", "trust", "-U", "postgres"]);
    },
    start: () => runAsync("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]),
    stop: (mode = "fast") => runAsync("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]),
    running() {
      try {
        run("pg_ctl", ["-D", data, "status"]);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** A Meilisearch of the drill's own (scripts/meili.ts) on a fixed port, so it can be stopped and started again. */
export async function ownMeilisearch({ dataDir, port }) {
  const { tsImport } = await import("tsx/esm/api");
  /** @type {typeof import("../../scripts/meili")} */
  const { startMeilisearch } = await tsImport("../../scripts/meili.ts", import.meta.url);
  const saved = process.env.MEILI_HOST;
  delete process.env.MEILI_HOST; // otherwise startMeilisearch uses that server and starts none
  try {
    const meili = await startMeilisearch({ dataDir, port });
    owned.add(meili.process.pid);
    meili.process.once("exit", () => owned.delete(meili.process.pid));
    return meili;
  } finally {
    if (saved !== undefined) process.env.MEILI_HOST = saved;
  }
}
