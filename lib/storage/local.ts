import "server-only";
import { constants, createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, open, rename, stat, unlink, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import type { BlobStorage, BlobUpload } from "./types";

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files under root/ab/cd/<sha256>. Uploads are written to root/tmp and renamed into place only
 * once complete and flushed, so a crash never leaves a half file under a real hash; the same
 * content uploaded twice is stored once.
 */
export function localStorage(root: string): BlobStorage {
  const tmp = path.join(root, "tmp");
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error("not a SHA-256");
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async begin(): Promise<BlobUpload> {
      await mkdir(tmp, { recursive: true });
      const temp = path.join(tmp, `${randomUUID()}.part`);
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
      const info = await stat(file).catch(() => null);
      if (!info) return null;
      return { size: info.size, stream: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> };
    },
    async probe() {
      // Writes and removes a one-byte file where uploads are staged: a full disk, a read-only
      // mount or wrong permissions show here before an upload fails.
      try {
        await mkdir(tmp, { recursive: true });
      } catch {
        return { ok: await access(root, constants.R_OK).then(() => true, () => false), writable: false };
      }
      const probe = path.join(tmp, `${randomUUID()}.probe`);
      try {
        await writeFile(probe, "1", { flag: "wx" });
        await unlink(probe);
        return { ok: true, writable: true };
      } catch {
        await unlink(probe).catch(() => undefined);
        return { ok: true, writable: false };
      }
    },
  };
}
