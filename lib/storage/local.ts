import "server-only";
import { constants, createWriteStream } from "node:fs";
import { access, mkdir, open, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileWebStream } from "./file-stream";
import { abandoned, tempName as newTempName } from "./temp";
import type { BlobStorage, BlobUpload } from "./types";

const SHA256 = /^[0-9a-f]{64}$/;

export { ABANDONED_AFTER_MS } from "./temp";

export type LocalStorage = BlobStorage;

/**
 * Files under root/ab/cd/<sha256>. Uploads are written to root/tmp and renamed into place only
 * once complete and flushed, so a crash never leaves a half file under a real hash; the same
 * content uploaded twice is stored once.
 */
export function localStorage(root: string): LocalStorage {
  const tmp = path.join(root, "tmp");
  const tempName = (suffix: "part" | "probe") => path.join(tmp, newTempName(suffix));
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error("not a SHA-256");
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async begin(): Promise<BlobUpload> {
      await mkdir(tmp, { recursive: true });
      const temp = tempName("part");
      const sink = createWriteStream(temp, { flags: "wx" });
      const removeTemp = () => unlink(temp).catch(() => undefined);
      return {
        sink,
        async commit(sha256) {
          const target = pathOf(sha256);
          const handle = await open(temp, "r+");
          try {
            await handle.datasync();
          } finally {
            await handle.close();
          }
          const exists = await stat(target).then(() => true, () => false);
          if (exists) return removeTemp();
          await mkdir(path.dirname(target), { recursive: true });
          await rename(temp, target);
        },
        async abort() {
          sink.destroy();
          await removeTemp();
        },
      };
    },
    async open(sha256) {
      const file = pathOf(sha256);
      const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      if (!handle) return null;
      const { size } = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      return { size, stream: fileWebStream(handle) };
    },
    async removeBlob(sha256) {
      await unlink(pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    },
    async probe() {
      // Writes and removes a one-byte file where uploads are staged: a full disk, a read-only
      // mount or wrong permissions show here before an upload fails.
      try {
        await mkdir(tmp, { recursive: true });
      } catch {
        return { ok: await access(root, constants.R_OK).then(() => true, () => false), writable: false };
      }
      const probe = tempName("probe");
      try {
        await writeFile(probe, "1", { flag: "wx" });
        await unlink(probe);
        return { ok: true, writable: true };
      } catch {
        await unlink(probe).catch(() => undefined);
        return { ok: true, writable: false };
      }
    },
    async sweep(now = Date.now()) {
      const names = await readdir(tmp).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        const file = path.join(tmp, name);
        const info = await stat(file).catch(() => null);
        if (!info?.isFile() || !abandoned(name, info.mtimeMs, now)) continue;
        if (await unlink(file).then(() => true, () => false)) removed++;
      }
      return { removed };
    },
  };
}
