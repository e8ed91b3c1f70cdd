// Names of files being uploaded, shared by every store (the local disk's tmp/ folder, the bucket's
// tmp/ prefix): <host>.<pid>.<token>.<uuid>.part, so a sweep can tell a file whose writer died
// (SIGKILL, power loss: no abort() ran) from one another process is still writing. The token tells
// this process apart from an earlier one that had the same pid (containers restart with the same pid).
// No "server-only" here: scripts/backup.mjs and the tests load the S3 store outside Next.js.
import { randomBytes, randomUUID } from "node:crypto";
import { hostname } from "node:os";

const HOST = hostname().replace(/[^A-Za-z0-9-]/g, "_") || "host";
const TOKEN = randomBytes(6).toString("hex");
const PART = /^(?<host>[A-Za-z0-9_-]+)\.(?<pid>\d+)\.(?<token>[0-9a-f]+)\.[0-9a-f-]{36}\.(?:part|probe)$/;

/**
 * A temporary file nobody has written to for this long is abandoned whoever wrote it (another
 * machine on a shared mount or bucket, an older naming): Node.js ends a request that is not
 * complete after 5 minutes (server.requestTimeout), so no upload is still being written an hour later.
 */
export const ABANDONED_AFTER_MS = 60 * 60_000;

/** A new temporary name of this process (no folder or prefix). */
export function tempName(suffix: "part" | "probe"): string {
  return `${HOST}.${process.pid}.${TOKEN}.${randomUUID()}.${suffix}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a temporary file was left by a writer that is gone (see the naming above). */
export function abandoned(name: string, mtimeMs: number, now: number): boolean {
  if (now - mtimeMs > ABANDONED_AFTER_MS) return true;
  const m = PART.exec(name);
  if (!m?.groups || m.groups.host !== HOST) return false;
  const pid = Number(m.groups.pid);
  return pid === process.pid ? m.groups.token !== TOKEN : !alive(pid);
}
