// Who holds an embedded (PGlite) data folder. PGlite allows one process per data folder and
// does not say when another has it open, so the app records its process id beside the folder
// (DATA_DIR/db.lock) while it has the database open; scripts that would open the same folder
// (npm run backup) refuse while that process is alive. A lock left by a process that died is stale
// and ignored.
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export function lockFile(dataDir) {
  return `${path.resolve(dataDir)}.lock`;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === "EPERM";
  }
}

/** Records this process as the holder of `dataDir` (overwriting a stale record). */
export function claimDataDir(dataDir, role = "app") {
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, host: hostname(), role, since: new Date().toISOString() }));
}

/** Removes the record if this process wrote it. */
export function releaseDataDir(dataDir) {
  const holder = readHolder(dataDir);
  if (holder?.pid === process.pid) {
    try {
      unlinkSync(lockFile(dataDir));
    } catch {
      // Already gone.
    }
  }
}

function readHolder(dataDir) {
  try {
    return JSON.parse(readFileSync(lockFile(dataDir), "utf8"));
  } catch {
    return null;
  }
}

/**
 * The live process (other than this one) holding `dataDir`, or null. A record from another
 * machine (a shared disk) counts as held: its process cannot be checked from here.
 */
export function dataDirHolder(dataDir) {
  const holder = readHolder(dataDir);
  if (!holder || typeof holder.pid !== "number") return null;
  if (holder.host !== hostname()) return holder;
  if (holder.pid === process.pid || !alive(holder.pid)) return null;
  return holder;
}
