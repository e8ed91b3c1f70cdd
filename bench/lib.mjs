// Small helpers shared by the benchmarks: processes, ports, a scratch copy of the project.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, rmSync, existsSync } from "node:fs";
import path from "node:path";

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
