import "server-only";
import type { Db } from "@/lib/db/client";
import { bylineNames, saveCleanCopy } from "@/lib/db/queries/attachments";
import type { Attachment } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { storeCleanCopy } from "./store";

/**
 * The copy of an entry's file without its metadata, opened for reading: the only copy served to
 * jurors, the secretariat's inline view and the public. Files uploaded before cleaning existed are
 * cleaned here, on their first use, and the copy is recorded.
 */
export async function openCleanCopy(db: Db, attachment: Attachment) {
  const cleaned = attachment.cleanSha256 ? attachment : await saveCleanCopy(db, attachment.id, await storeCleanCopy(getStorage(), attachment, await bylineNames(db, attachment.entryId)));
  const sha256 = cleaned.cleanSha256!;
  const file = await getStorage().open(sha256);
  if (!file) throw notFound();
  return { attachment: cleaned, file, sha256 };
}
