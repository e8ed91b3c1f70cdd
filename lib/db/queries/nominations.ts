import "server-only";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { attachments, auditLog, nominationFiles, nominations, type Nomination, type NominationFile } from "../schema";
import { recordAudit } from "./audit";
import { AppError } from "@/lib/errors";
import type { NominationCheck, NominationStatus } from "@/lib/contest/vocabulary";
import { acceptRefusal, mayAct, newNominationCode, nomineeKey, purgeCutoff, type EditorAction } from "@/lib/nominations/rules";
import type { NominationInput } from "@/lib/validation/nomination";
import type { BlobStorage } from "@/lib/storage";

export type StoredEvidence = { sha256: string; size: number; contentType: string; fileName: string; removedMetadata: string[] };

/** Who read or changed a nomination, for the audit log: an editor's account, or the person holding a link. */
export type NominationActor = { editorId: string } | { link: "nominator" | "nominee" } | { system: string };
const actorId = (a: NominationActor) => ("editorId" in a ? a.editorId : null);
const actorNote = (a: NominationActor) => ("editorId" in a ? {} : "link" in a ? { by: a.link } : { by: a.system });

function auditRow(actor: NominationActor, action: string, n: Pick<Nomination, "code">, after: Record<string, unknown> = {}) {
  return { actorId: actorId(actor), action: `nomination.${action}`, entity: "nomination" as const, entityId: n.code, after: { ...actorNote(actor), ...after } };
}

async function audit(tx: Db, actor: NominationActor, action: string, n: Pick<Nomination, "code">, after: Record<string, unknown> = {}) {
  await recordAudit(tx, auditRow(actor, action, n, after));
}

/** Stores a new nomination, unconfirmed until its nominator follows the e-mailed link. */
export async function createNomination(db: Db, input: NominationInput, files: StoredEvidence[], locale: "vi" | "en"): Promise<Nomination> {
  return db.transaction(async (tx) => {
    for (let attempt = 0; ; attempt++) {
      const code = newNominationCode();
      const [row] = await tx
        .insert(nominations)
        .values({
          code,
          nominee: input.nominee,
          nomineeKey: nomineeKey(input.nominee),
          deeds: input.deeds,
          evidenceLinks: input.evidence?.links ?? [],
          referees: input.referees ?? [],
          nominatorName: input.nominator.name,
          nominatorEmail: input.nominator.email,
          nominatorPhone: input.nominator.phone,
          nominatorRelation: input.nominator.relation,
          locale,
        })
        .onConflictDoNothing({ target: nominations.code })
        .returning();
      if (!row) {
        if (attempt > 5) throw new Error("no free nomination code");
        continue;
      }
      if (files.length) await tx.insert(nominationFiles).values(files.map((f) => ({ ...f, nominationId: row.id })));
      await audit(tx, { link: "nominator" }, "create", row, { files: files.length });
      return row;
    }
  });
}

async function lockById(tx: Db, id: string): Promise<Nomination> {
  const [row] = await tx.select().from(nominations).where(eq(nominations.id, id)).for("update");
  if (!row) throw new AppError(404, "notFound");
  return row;
}

async function lockByCode(tx: Db, code: string): Promise<Nomination> {
  const [row] = await tx.select().from(nominations).where(eq(nominations.code, code)).for("update");
  if (!row) throw new AppError(404, "notFound");
  return row;
}

/**
 * The nominator's link was followed: the nomination enters the queue. When the same person is
 * already in the queue (or accepted, or published), it is merged into that nomination: one case
 * for the editors, however many people nominated them, and the number ranks nothing.
 */
export async function confirmNomination(db: Db, id: string, now: Date): Promise<{ nomination: Nomination; mergedInto: string | null; firstTime: boolean }> {
  return db.transaction(async (tx) => {
    const row = await lockById(tx, id);
    if (row.status !== "unconfirmed") return { nomination: row, mergedInto: row.mergedInto, firstTime: false };
    // Serialise confirmations of one nominee, so two at once cannot both become the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${row.nomineeKey}))`);
    const [primary] = await tx
      .select({ id: nominations.id })
      .from(nominations)
      .where(and(eq(nominations.nomineeKey, row.nomineeKey), isNull(nominations.mergedInto), inArray(nominations.status, ["received", "reviewing", "moreInfo", "accepted", "published"]), sql`${nominations.id} <> ${row.id}`))
      .orderBy(asc(nominations.confirmedAt))
      .limit(1);
    const [updated] = await tx
      .update(nominations)
      .set({ status: "received", confirmedAt: now, updatedAt: now, mergedInto: primary?.id ?? null })
      .where(eq(nominations.id, id))
      .returning();
    await audit(tx, { link: "nominator" }, "confirm", row, primary ? { merged: true } : {});
    return { nomination: updated!, mergedInto: primary?.id ?? null, firstTime: true };
  });
}

/** The nomination a merged one follows (itself when it was not merged). */
async function primaryOf(db: Db, n: Nomination): Promise<Nomination> {
  if (!n.mergedInto) return n;
  const [primary] = await db.select().from(nominations).where(eq(nominations.id, n.mergedInto));
  return primary ?? n;
}

export type FollowView = { nomination: Nomination; status: NominationStatus; moreRequest: string | null; rejectReason: string | null; storySlug: string | null; files: Pick<NominationFile, "fileName" | "size">[] };

/** What the nominator's link shows; the reading is audited. */
export async function nominationForNominator(db: Db, id: string): Promise<FollowView> {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(nominations).where(eq(nominations.id, id));
    if (!n) throw new AppError(404, "notFound");
    const primary = await primaryOf(tx, n);
    const files = await tx.select({ fileName: nominationFiles.fileName, size: nominationFiles.size }).from(nominationFiles).where(eq(nominationFiles.nominationId, id));
    await audit(tx, { link: "nominator" }, "view", n);
    // A merged nomination follows its case; only its own nominator is asked for more.
    const status = n.status === "unconfirmed" ? "unconfirmed" : primary.status;
    return { nomination: n, status, moreRequest: status === "moreInfo" && primary.id === n.id ? n.moreRequest : null, rejectReason: status === "rejected" ? primary.rejectReason : null, storySlug: primary.storySlug, files };
  });
}

/** What the nominee's consent page shows: the name and what was said, nothing about the nominator. */
export async function nominationForNominee(db: Db, id: string): Promise<Pick<Nomination, "code" | "nominee" | "deeds" | "consentAt" | "status">> {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(nominations).where(eq(nominations.id, id));
    if (!n || n.status === "rejected" || n.mergedInto) throw new AppError(404, "notFound");
    await audit(tx, { link: "nominee" }, "view", n);
    return { code: n.code, nominee: n.nominee, deeds: n.deeds, consentAt: n.consentAt, status: n.status };
  });
}

export type QueueItem = Pick<Nomination, "code" | "status" | "nominee" | "confirmedAt" | "consentAt" | "checklist"> & { nominators: number };

/**
 * The editors' queue: one row per nominee (merged nominations folded into the first), oldest
 * confirmation first. How many people nominated someone is shown, never used to order. Each case
 * listed is audited as seen by this editor, since the list names the nominees.
 */
export async function listQueue(db: Db, filter: "open" | NominationStatus, editorId: string): Promise<QueueItem[]> {
  const statuses: NominationStatus[] = filter === "open" ? ["received", "reviewing", "moreInfo"] : [filter];
  const merged = db.$with("merged").as(db.select({ into: nominations.mergedInto, count: sql<number>`count(*)::int`.as("count") }).from(nominations).where(sql`${nominations.mergedInto} is not null and ${nominations.status} <> 'unconfirmed'`).groupBy(nominations.mergedInto));
  const rows = await db
    .with(merged)
    .select({ n: nominations, count: merged.count })
    .from(nominations)
    .leftJoin(merged, eq(merged.into, nominations.id))
    .where(and(isNull(nominations.mergedInto), inArray(nominations.status, statuses)))
    .orderBy(asc(nominations.confirmedAt), asc(nominations.code))
    .limit(500);
  if (rows.length > 0) {
    await db.insert(auditLog).values(rows.map(({ n }) => auditRow({ editorId }, "list", n)));
  }
  return rows.map(({ n, count }) => ({ code: n.code, status: n.status, nominee: n.nominee, confirmedAt: n.confirmedAt, consentAt: n.consentAt, checklist: n.checklist, nominators: 1 + (count ?? 0) }));
}

export type EditorView = { nomination: Nomination; files: NominationFile[]; merged: (Nomination & { files: NominationFile[] })[] };

/** One nomination for an editor, with the nominations merged into it; the reading is audited. */
export async function nominationForEditor(db: Db, code: string, editorId: string): Promise<EditorView> {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(nominations).where(eq(nominations.code, code));
    if (!n || n.status === "unconfirmed") throw new AppError(404, "notFound");
    const merged = await tx.select().from(nominations).where(and(eq(nominations.mergedInto, n.id), sql`${nominations.status} <> 'unconfirmed'`)).orderBy(asc(nominations.confirmedAt));
    const ids = [n.id, ...merged.map((m) => m.id)];
    const files = await tx.select().from(nominationFiles).where(inArray(nominationFiles.nominationId, ids)).orderBy(asc(nominationFiles.createdAt));
    await audit(tx, { editorId }, "view", n);
    return { nomination: n, files: files.filter((f) => f.nominationId === n.id), merged: merged.map((m) => ({ ...m, files: files.filter((f) => f.nominationId === m.id) })) };
  });
}

/** One evidence file of a nomination (or of one merged into it), for an editor; audited. */
export async function nominationFileForEditor(db: Db, code: string, fileId: string, editorId: string): Promise<NominationFile> {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(nominations).where(eq(nominations.code, code));
    if (!n || n.status === "unconfirmed") throw new AppError(404, "notFound");
    const [file] = await tx
      .select({ f: nominationFiles })
      .from(nominationFiles)
      .innerJoin(nominations, eq(nominations.id, nominationFiles.nominationId))
      .where(and(eq(nominationFiles.id, fileId), or(eq(nominations.id, n.id), eq(nominations.mergedInto, n.id))));
    if (!file) throw new AppError(404, "notFound");
    await audit(tx, { editorId }, "file", n, { file: fileId });
    return file.f;
  });
}

/** Everyone who nominated this person: the case and those merged into it (each is told of a decision). */
export async function nominatorsOf(db: Db, id: string): Promise<Pick<Nomination, "id" | "nominatorName" | "nominatorEmail" | "locale">[]> {
  return db
    .select({ id: nominations.id, nominatorName: nominations.nominatorName, nominatorEmail: nominations.nominatorEmail, locale: nominations.locale })
    .from(nominations)
    .where(and(or(eq(nominations.id, id), eq(nominations.mergedInto, id)), sql`${nominations.status} <> 'unconfirmed'`));
}

/** Runs an editor's action on a case under lock: refused (409) from a state it does not apply to, and on a merged nomination (404: the case is acted on). */
async function act<T>(db: Db, code: string, editorId: string, action: EditorAction, change: (tx: Db, n: Nomination) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const n = await lockByCode(tx, code);
    if (n.status === "unconfirmed" || n.mergedInto) throw new AppError(404, "notFound");
    if (!mayAct(action, n.status)) throw new AppError(409, "nominationStateConflict");
    const result = await change(tx, n);
    await audit(tx, { editorId }, action, n);
    return result;
  });
}

async function update(tx: Db, id: string, values: Partial<typeof nominations.$inferInsert>): Promise<Nomination> {
  const [row] = await tx.update(nominations).set({ ...values, updatedAt: new Date() }).where(eq(nominations.id, id)).returning();
  return row!;
}

/** The checklist and notes; the first review moves a received nomination under review. */
export function reviewNomination(db: Db, code: string, editorId: string, input: { checklist?: Partial<Record<NominationCheck, boolean | undefined>>; notes?: string }): Promise<Nomination> {
  return act(db, code, editorId, "review", (tx, n) => {
    const checklist = { ...n.checklist };
    for (const [k, v] of Object.entries(input.checklist ?? {})) if (v !== undefined) checklist[k as NominationCheck] = v;
    return update(tx, n.id, { checklist, notes: input.notes ?? n.notes, status: n.status === "received" ? "reviewing" : n.status });
  });
}

export function askForMore(db: Db, code: string, editorId: string, message: string): Promise<Nomination> {
  return act(db, code, editorId, "askMore", (tx, n) => update(tx, n.id, { status: "moreInfo", moreRequest: message }));
}

export function rejectNomination(db: Db, code: string, editorId: string, reason: string, now: Date): Promise<Nomination> {
  return act(db, code, editorId, "reject", async (tx, n) => {
    const row = await update(tx, n.id, { status: "rejected", rejectReason: reason, decidedAt: now });
    // Nominations merged into this one are rejected with it, and deleted on the same day.
    await tx.update(nominations).set({ status: "rejected", rejectReason: reason, decidedAt: now, updatedAt: now }).where(eq(nominations.mergedInto, n.id));
    return row;
  });
}

/** Accepted once the checklist is done and the nominee has consented (422 otherwise). */
export function acceptNomination(db: Db, code: string, editorId: string, storySlug: string, now: Date): Promise<Nomination> {
  return act(db, code, editorId, "accept", (tx, n) => {
    const refusal = acceptRefusal(n);
    if (refusal) throw new AppError(422, refusal);
    return update(tx, n.id, { status: "accepted", decidedAt: now, storySlug });
  });
}

/** Checks the case may get a consent link now (the link itself is signed, not stored). */
export function prepareConsentLink(db: Db, code: string, editorId: string): Promise<Nomination> {
  return act(db, code, editorId, "consentLink", async (_tx, n) => n);
}

export function markPublished(db: Db, code: string, editorId: string, slug: string, now: Date): Promise<Nomination> {
  return act(db, code, editorId, "published", (tx, n) => update(tx, n.id, { status: "published", publishedAt: now, storySlug: slug }));
}

/** The nominee (or their representative) consents through their link. */
export async function recordConsent(db: Db, id: string, by: string, now: Date): Promise<Nomination> {
  return db.transaction(async (tx) => {
    const n = await lockById(tx, id);
    if (n.status === "rejected" || n.status === "unconfirmed" || n.mergedInto) throw new AppError(404, "notFound");
    if (n.consentAt) return n;
    const row = await update(tx, id, { consentAt: now, consentBy: by });
    await audit(tx, { link: "nominee" }, "consent", n);
    return row;
  });
}

/** The nominator adds what an editor asked for: the case goes back under review. */
export async function addMore(db: Db, id: string, more: { text: string; links: string[] }, files: StoredEvidence[], now: Date): Promise<Nomination> {
  return db.transaction(async (tx) => {
    const n = await lockById(tx, id);
    if (n.status !== "moreInfo") throw new AppError(409, "nominationNotAskingMore");
    const row = await update(tx, id, { status: "reviewing", moreAnswers: [...n.moreAnswers, { text: more.text, links: more.links, at: now.toISOString() }] });
    if (files.length) await tx.insert(nominationFiles).values(files.map((f) => ({ ...f, nominationId: id })));
    await audit(tx, { link: "nominator" }, "more", n, { files: files.length });
    return row;
  });
}

/**
 * Deletes rejected nominations decided more than `days` ago, and unconfirmed ones created that
 * long ago, with their evidence files (a stored file is removed once no nomination and no entry
 * uses it). Each deletion is audited by code only.
 */
export async function purgeNominations(db: Db, storage: BlobStorage, now: Date, days: number): Promise<{ deleted: number; files: number }> {
  const cutoff = purgeCutoff(now, days);
  const shas = await db.transaction(async (tx) => {
    const expired = or(and(eq(nominations.status, "rejected"), lt(nominations.decidedAt, cutoff)), and(eq(nominations.status, "unconfirmed"), lt(nominations.createdAt, cutoff)));
    const files = await tx.select({ sha: nominationFiles.sha256 }).from(nominationFiles).innerJoin(nominations, eq(nominations.id, nominationFiles.nominationId)).where(expired);
    // Their files go with the rows (on delete cascade).
    const gone = await tx.delete(nominations).where(expired).returning({ id: nominations.id, code: nominations.code });
    for (const g of gone) await audit(tx, { system: "retention" }, "purge", g);
    return { count: gone.length, files: [...new Set(files.map((f) => f.sha))] };
  });
  // After the commit: a blob still used by another nomination or an entry stays.
  const unused = await unusedBlobs(db, shas.files);
  for (const sha of unused) await storage.removeBlob(sha);
  return { deleted: shas.count, files: unused.length };
}

/** Blobs to remove: of these SHA-256s, those no nomination file and no entry attachment uses. */
export async function unusedBlobs(db: Db, candidates: string[]): Promise<string[]> {
  if (candidates.length === 0) return [];
  const used = new Set<string>();
  for (const r of await db.select({ sha: nominationFiles.sha256 }).from(nominationFiles).where(inArray(nominationFiles.sha256, candidates))) used.add(r.sha);
  for (const r of await db.select({ a: attachments.sha256, b: attachments.cleanSha256 }).from(attachments).where(or(inArray(attachments.sha256, candidates), inArray(attachments.cleanSha256, candidates)))) {
    used.add(r.a);
    if (r.b) used.add(r.b);
  }
  return candidates.filter((c) => !used.has(c));
}
