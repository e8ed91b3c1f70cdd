// The search outbox drainer: sends the entries that changed to the private entries index (and,
// for published prize-winners, to the public winners index).
//
// Why nothing is lost or left stale (at-least-once delivery + idempotent upserts by entry id):
// - Every change to an entry writes a search_outbox row in the change's own transaction, so a
//   committed change always has a pending row, whether or not Meilisearch is up.
// - A drain claims pending rows (FOR UPDATE SKIP LOCKED: several app instances each take
//   different rows), builds the documents from the database as it is NOW (not from the rows),
//   sends them, waits until Meilisearch reports the task succeeded, and only then sets
//   processed_at and commits. Any failure before that (Meilisearch down, the process killed
//   between sending and marking) rolls back: the rows stay pending and are sent again later.
//   Sending twice is harmless: a document replaces the one with the same entry id.
// - Because documents come from the current state, the order rows are drained in cannot make
//   the index go backwards; the only hazard is two instances holding rows of the same entry
//   at once (the later state sent first, then overwritten by the earlier). A transaction-scoped
//   advisory lock per entry, taken in a fixed order, makes the second wait for the first to commit
//   and then read the state again.
// - A row committed late with a smaller id than rows already drained is still pending (we select
//   processed_at IS NULL, never "id > last"), so it is drained on the next pass.
// The transaction is held while Meilisearch indexes the batch (tens of milliseconds); on PGlite,
// which runs one transaction at a time, requests wait that long too.
import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { Db } from "@/lib/db/client";
import { searchOutbox } from "@/lib/db/schema";
import { componentLogger } from "@/lib/log";
import { indexUid, isApiError } from "./indexer";
import { isUuid, loadEntryDocuments, rebuildEntriesIndex } from "./entry-index";
import { anyPublishedPrize, entriesWithPrizes, loadWinnerDocuments, rebuildWinnersIndex } from "./winner-index";
import { entriesIndex, winnersIndex, type IndexDefinition } from "./settings";

export type DrainClients = { admin: Meilisearch };
export type DrainOptions = {
  batchSize?: number;
  prefix?: string;
  /** Test hook: runs after Meilisearch accepted the batch and before the rows are marked (a crash there). */
  afterSend?: () => Promise<void>;
  /** How long to wait for Meilisearch to finish a task before counting the attempt as failed. */
  taskTimeoutMs?: number;
};
export type DrainResult = { claimed: number; upserted: number; deleted: number };

async function waitSucceeded(admin: Meilisearch, taskUid: number, timeout: number, missingIndexIsFine = false): Promise<void> {
  const task = await admin.tasks.waitForTask(taskUid, { timeout, interval: 25 });
  // Deleting from an index that does not exist (yet) leaves nothing behind to delete.
  if (missingIndexIsFine && task.status === "failed" && task.error?.code === "index_not_found") return;
  if (task.status !== "succeeded") throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no error message"}`);
}

/**
 * Drains one batch of pending outbox rows. Returns how many rows it handled (0: nothing pending).
 * Throws when Meilisearch fails; the rows then stay pending with attempts and last_error updated.
 */
export async function drainOutbox(db: Db, clients: DrainClients, { batchSize = 200, prefix = "", afterSend, taskTimeoutMs = 10_000 }: DrainOptions = {}): Promise<DrainResult> {
  let claimed: number[] = [];
  try {
    return await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: searchOutbox.id, entityId: searchOutbox.entityId })
        .from(searchOutbox)
        .where(and(isNull(searchOutbox.processedAt), eq(searchOutbox.entity, "entry")))
        .orderBy(asc(searchOutbox.id))
        .limit(Math.max(1, Math.floor(batchSize)))
        .for("update", { skipLocked: true });
      claimed = rows.map((r) => Number(r.id));
      if (claimed.length === 0) return { claimed: 0, upserted: 0, deleted: 0 };
      // The latest op per entry collapses to one: whatever the database holds now.
      const ids = [...new Set(rows.map((r) => r.entityId))].filter(isUuid).sort();
      for (const id of ids) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`search_outbox:entry:${id}`}, 0))`);
      const documents = await loadEntryDocuments(tx, ids);
      const present = new Set(documents.map((d) => d.id));
      const gone = ids.filter((id) => !present.has(id));
      // The public winners index follows the same rows: published prize-winners are upserted, and
      // entries holding a prize that are not (or no longer) public winners are deleted from it.
      const winners = await loadWinnerDocuments(tx, ids);
      const winnerIds = new Set(winners.map((w) => w.id));
      const notWinners = (await entriesWithPrizes(tx, ids)).filter((id) => !winnerIds.has(id));
      const index = clients.admin.index(indexUid(prefix, entriesIndex.name));
      const winnersIdx = clients.admin.index(indexUid(prefix, winnersIndex.name));
      // The first winners ever drained create the index with its settings (Meilisearch would
      // otherwise create it bare); built through this transaction, which PGlite needs.
      if (winners.length) await ensureIndex(clients.admin, prefix, winnersIndex, () => rebuildWinnersIndex(clients.admin, { prefix, db: tx }));
      // Enqueued in this order, processed by Meilisearch in this order.
      const tasks: { uid: number; missingIndexIsFine?: boolean }[] = [];
      if (documents.length) tasks.push({ uid: (await index.addDocuments(documents, { primaryKey: entriesIndex.primaryKey })).taskUid });
      if (gone.length) tasks.push({ uid: (await index.deleteDocuments(gone)).taskUid });
      if (winners.length) tasks.push({ uid: (await winnersIdx.addDocuments(winners, { primaryKey: winnersIndex.primaryKey })).taskUid });
      if (notWinners.length) tasks.push({ uid: (await winnersIdx.deleteDocuments(notWinners)).taskUid, missingIndexIsFine: true });
      for (const task of tasks) await waitSucceeded(clients.admin, task.uid, taskTimeoutMs, task.missingIndexIsFine);
      if (afterSend) await afterSend();
      // attempts counts every drain that claimed the row, this one included: a row drained once
      // without failing reads 1, so a second delivery (two instances, a lost lock) would show.
      await tx
        .update(searchOutbox)
        .set({ processedAt: sql`clock_timestamp()`, attempts: sql`${searchOutbox.attempts} + 1` })
        .where(inArray(searchOutbox.id, claimed));
      return { claimed: claimed.length, upserted: documents.length, deleted: gone.length };
    });
  } catch (error) {
    if (claimed.length) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await db
        .update(searchOutbox)
        .set({ attempts: sql`${searchOutbox.attempts} + 1`, lastError: message })
        .where(and(inArray(searchOutbox.id, claimed), isNull(searchOutbox.processedAt)))
        .catch(() => undefined);
    }
    throw error;
  }
}

/**
 * Makes sure the live entries index exists with the settings in settings.ts. A missing index
 * (a new or wiped Meilisearch) is rebuilt from the database, since the outbox holds only changes.
 */
export function ensureEntriesIndex(db: Db, admin: Meilisearch, prefix: string): Promise<"ok" | "rebuilt" | "updated"> {
  return ensureIndex(admin, prefix, entriesIndex, () => rebuildEntriesIndex(admin, { prefix, db }));
}

/** The same for the public winners index (rebuilt from the published prizes when missing). */
export function ensureWinnersIndex(db: Db, admin: Meilisearch, prefix: string): Promise<"ok" | "rebuilt" | "updated"> {
  return ensureIndex(admin, prefix, winnersIndex, () => rebuildWinnersIndex(admin, { prefix, db }));
}

async function ensureIndex(admin: Meilisearch, prefix: string, definition: IndexDefinition, rebuild: () => Promise<unknown>): Promise<"ok" | "rebuilt" | "updated"> {
  const uid = indexUid(prefix, definition.name);
  try {
    const settings = await admin.index(uid).getSettings();
    const wanted = definition.settings;
    const same = (a: unknown, b: unknown) => JSON.stringify([...((a as string[]) ?? [])].sort()) === JSON.stringify([...((b as string[]) ?? [])].sort());
    if (same(settings.filterableAttributes, wanted.filterableAttributes) && JSON.stringify(settings.searchableAttributes) === JSON.stringify(wanted.searchableAttributes) && same(settings.displayedAttributes, wanted.displayedAttributes)) return "ok";
    const task = await admin.index(uid).updateSettings(wanted).waitTask();
    if (task.status !== "succeeded") throw new Error(`settings update ${task.status}: ${task.error?.message ?? ""}`);
    return "updated";
  } catch (error) {
    if (!isApiError(error, "index_not_found")) throw error;
    await rebuild();
    return "rebuilt";
  }
}

export type DrainerOptions = {
  db: () => Promise<Db>;
  clients: () => Promise<DrainClients>;
  prefix: string;
  batchSize?: number;
  pollMs?: number;
  maxBackoffMs?: number;
  /** Where the drainer reports; by default JSON lines from the "outbox" component logger. */
  log?: (message: string, level: "info" | "warn", fields?: Record<string, unknown>) => void;
};

export type Drainer = { stop: () => Promise<void> };

const outboxLog = componentLogger("outbox");
function logToOutbox(message: string, level: "info" | "warn", fields: Record<string, unknown> = {}): void {
  outboxLog[level](fields, message);
}

/**
 * Drains the outbox until stopped: at once while rows are pending, every `pollMs` when idle,
 * with exponential backoff (capped at `maxBackoffMs`) while Meilisearch or the database fails.
 * Never throws; errors are logged once per outage. The cap is short because a failed attempt is
 * cheap (after the first failure the index check fails before any row is claimed) and the index
 * should catch up within seconds of Meilisearch's return (bench/drills/meili-outage.ts: with a
 * 10 s cap it took 15.6 s).
 */
export function runOutboxDrainer({ db: openDb, clients: openClients, prefix, batchSize = 200, pollMs = 500, maxBackoffMs = 2_000, log = logToOutbox }: DrainerOptions): Drainer {
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    let failures = 0;
    let indexReady = false;
    while (!stopped) {
      let delay = pollMs;
      try {
        const db = await openDb();
        const clients = await openClients();
        if (!indexReady) {
          const state = await ensureEntriesIndex(db, clients.admin, prefix);
          if (state !== "ok") log(`entries index ${state}`, "info");
          // Winners published before the index existed (a new or wiped Meilisearch, the seeded demo year).
          if (await anyPublishedPrize(db)) {
            const winners = await ensureWinnersIndex(db, clients.admin, prefix);
            if (winners !== "ok") log(`winners index ${winners}`, "info");
          }
          indexReady = true;
        }
        const result = await drainOutbox(db, clients, { batchSize, prefix });
        if (failures > 0) log(`outbox drainer recovered after ${failures} failed attempt(s)`, "info", { failures });
        failures = 0;
        if (result.claimed >= batchSize) delay = 0;
      } catch (error) {
        failures++;
        // A wiped Meilisearch loses the index: check it again once it answers.
        indexReady = false;
        if (failures === 1) log("outbox drainer failed; retrying with backoff", "warn", { err: error });
        delay = Math.min(maxBackoffMs, pollMs * 2 ** Math.min(failures - 1, 10));
      }
      if (!stopped && delay > 0) await sleep(delay);
    }
  };
  const done = loop();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
