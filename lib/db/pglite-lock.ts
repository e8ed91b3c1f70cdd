// Who holds an embedded (PGlite) data folder. PGlite allows one process per data folder and
// does not say when another has it open, so the app records its process id beside the folder
// (DATA_DIR/db.lock) while it has the database open; scripts that would open the same folder
// (npm run backup) refuse while that process is alive. A lock left by a process that died is stale
// and ignored.
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** What DATA_DIR/db.lock records. */
export type DataDirHolder = { pid: number; host?: string; role?: string; since?: string };

export function lockFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException | undefined)?.code === "EPERM";
  }
}

/** Records this process as the holder of `dataDir` (overwriting a stale record). */
export function claimDataDir(dataDir: string, role = "app"): void {
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, host: hostname(), role, since: new Date().toISOString() }));
}

/** Removes the record if this process wrote it. */
export function releaseDataDir(dataDir: string): void {
  const holder = readHolder(dataDir);
  if (holder?.pid === process.pid) {
    try {
      unlinkSync(lockFile(dataDir));
    } catch {
      // Already gone.
    }
  }
}

function readHolder(dataDir: string): Partial<DataDirHolder> | null {
  try {
    return JSON.parse(readFileSync(lockFile(dataDir), "utf8")) as Partial<DataDirHolder> | null;
  } catch {
    return null;
  }
}

/**
 * The live process (other than this one) holding `dataDir`, or null. A record from another
 * machine (a shared disk) counts as held: its process cannot be checked from here.
 */
export function dataDirHolder(dataDir: string): DataDirHolder | null {
  const holder = readHolder(dataDir);
  if (!holder || typeof holder.pid !== "number") return null;
  const held = { ...holder, pid: holder.pid };
  if (held.host !== hostname()) return held;
  if (held.pid === process.pid || !alive(held.pid)) return null;
  return held;
}
