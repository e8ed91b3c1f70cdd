// A Meilisearch of the test run (scripts/test.ts passes MEILI_HOST/MEILI_MASTER_KEY) under an
// index prefix of its own per test file, so tests never touch the app's indexes or each other's.
import { randomBytes } from "node:crypto";
import { openClients, type SearchBackend } from "@/lib/search/connection";

export function testBackend(): SearchBackend {
  const host = process.env.MEILI_HOST;
  if (!host) throw new Error("MEILI_HOST is not set: run the search tests through `npm test` (scripts/test.ts starts Meilisearch)");
  return { host, masterKey: process.env.MEILI_MASTER_KEY || undefined, indexPrefix: `${process.env.MEILI_INDEX_PREFIX ?? "test_"}${randomBytes(4).toString("hex")}_` };
}

/** Deletes every index of the backend's prefix (live indexes and build copies alike). */
export async function dropTestIndexes(backend: SearchBackend): Promise<void> {
  const { admin } = await openClients(backend);
  const { results } = await admin.getRawIndexes({ limit: 1000 });
  await Promise.all(results.filter((i) => i.uid.startsWith(backend.indexPrefix)).map((i) => admin.deleteIndex(i.uid).waitTask()));
}

/** A port nothing listens on: a Meilisearch that is down. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
