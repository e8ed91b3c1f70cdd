import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { attachments, entryAuthors, users, type Attachment, type ContestCategory, type Entry } from "../schema";
import { enqueueSearch, recordAudit } from "./audit";
import { getContest } from "./contests";
import { assertEditable, getEntryForCaller, ownEntry, view, type AttachmentView, attachmentView } from "./entries";
import type { Caller } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";

export type NewFile = { sha256: string; size: number; contentType: string; fileName: string };
/** The jurors' copy of a file (lib/storage/clean/store.ts). */
export type CleanCopy = { cleanSha256: string; cleanSize: number; removedMetadata: string[]; bylineFound: string[] };

/**
 * The names a juror must not read in an entry's files: every author's name and pen name, and the
 * pen names of the accounts linked to them.
 */
export async function bylineNames(db: Db, entryId: string): Promise<string[]> {
  const rows = await db
    .select({ name: entryAuthors.name, penName: entryAuthors.penName, accountPenNames: users.penNames })
    .from(entryAuthors)
    .leftJoin(users, eq(users.id, entryAuthors.userId))
    .where(eq(entryAuthors.entryId, entryId));
  return [...new Set(rows.flatMap((r) => [r.name, r.penName, ...(r.accountPenNames ?? [])]).map((n) => n.normalize("NFC").trim()).filter(Boolean))];
}

/** Records the jurors' copy of a file cleaned after its upload (files stored before cleaning existed). */
export async function saveCleanCopy(db: Db, attachmentId: string, copy: CleanCopy): Promise<Attachment> {
  const [row] = await db.update(attachments).set(copy).where(eq(attachments.id, attachmentId)).returning();
  if (!row) throw notFound();
  return row;
}

/** Checked before an upload is read: the entry is the caller's, editable, and has room for a file. */
export async function prepareUpload(db: Db, caller: Caller, entryId: string, now: Date): Promise<{ entry: Entry; category: ContestCategory }> {
  const entry = await ownEntry(db, caller, entryId);
  const contest = await getContest(db, entry.contestId);
  assertEditable(entry, contest, now);
  const category = contest.categories.find((c) => c.code === entry.category)!;
  await assertRoom(db, entryId, category);
  return { entry, category };
}

async function assertRoom(db: Db, entryId: string, category: ContestCategory): Promise<void> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(attachments).where(eq(attachments.entryId, entryId));
  if (n >= category.maxFiles) throw new AppError(409, "tooManyFiles", { max: category.maxFiles });
}

/**
 * Records a stored file on the entry. The checks run again under the entry's lock, since the
 * deadline or the file count may have changed while the bytes were arriving. The same file
 * sent twice to one entry is recorded once.
 */
export async function addAttachment(db: Db, caller: Caller, entryId: string, file: NewFile & Partial<CleanCopy>, now: Date): Promise<{ attachment: AttachmentView; created: boolean }> {
  return db.transaction(async (tx) => {
    const entry = await ownEntry(tx, caller, entryId, true);
    const contest = await getContest(tx, entry.contestId);
    assertEditable(entry, contest, now);
    const [existing] = await tx.select().from(attachments).where(and(eq(attachments.entryId, entryId), eq(attachments.sha256, file.sha256)));
    if (existing) return { attachment: attachmentView(existing), created: false };
    await assertRoom(tx, entryId, contest.categories.find((c) => c.code === entry.category)!);
    const before = await view(tx, entry);
    const [row] = await tx.insert(attachments).values({ ...file, entryId, createdBy: caller.id }).returning();
    await recordAudit(tx, { actorId: caller.id, action: "entry.attachment.add", entity: "entry", entityId: entryId, before, after: await view(tx, entry) });
    await enqueueSearch(tx, entryId, "upsert");
    return { attachment: attachmentView(row!), created: true };
  });
}

/** An attachment the caller may download: their own entry's, or any submitted entry's for the secretariat. */
export async function getAttachment(db: Db, caller: Caller, entryId: string, attachmentId: string): Promise<Attachment> {
  const entry = await getEntryForCaller(db, caller, entryId);
  const [row] = await db.select().from(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.entryId, entry.id)));
  if (!row) throw notFound();
  return row;
}

export async function deleteAttachment(db: Db, caller: Caller, entryId: string, attachmentId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const entry = await ownEntry(tx, caller, entryId, true);
    const contest = await getContest(tx, entry.contestId);
    assertEditable(entry, contest, now);
    const before = await view(tx, entry);
    const deleted = await tx.delete(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.entryId, entryId))).returning({ id: attachments.id });
    if (deleted.length === 0) throw notFound();
    const after = await view(tx, entry);
    if (entry.status === "submitted" && after.attachments.length === 0 && !contest.categories.find((c) => c.code === entry.category)!.requiresUrl) {
      // A submitted entry must keep its work attached; replace a file by uploading first.
      throw new AppError(422, "incomplete", {}, { attachments: { key: "attachmentRequired" } });
    }
    await recordAudit(tx, { actorId: caller.id, action: "entry.attachment.delete", entity: "entry", entityId: entryId, before, after });
    await enqueueSearch(tx, entryId, "upsert");
  });
}
