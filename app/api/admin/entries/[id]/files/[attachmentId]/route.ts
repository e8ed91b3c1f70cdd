// GET /api/admin/entries/{id}/files/{attachmentId} – the cleaned copy of a file, inline, as jurors receive it (cleaned now if it was not yet)
import { guard } from "@/lib/auth/guard";
import { typeExtension } from "@/lib/contest/rules";
import { bylineNames, getAttachment, saveCleanCopy } from "@/lib/db/queries/attachments";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { storeCleanCopy } from "@/lib/storage/clean/store";
import { storedFileResponse } from "@/lib/storage/disposition";
import { attachmentParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: attachmentParams }, async ({ db, caller, params }) => {
  let attachment = await getAttachment(db, caller, params.id, params.attachmentId);
  // The secretariat reads what the jurors will read; the original stays a download.
  if (!attachment.cleanSha256) {
    attachment = await saveCleanCopy(db, attachment.id, await storeCleanCopy(getStorage(), attachment, await bylineNames(db, attachment.entryId)));
  }
  const sha256 = attachment.cleanSha256!;
  const file = await getStorage().open(sha256);
  if (!file) throw new AppError(404, "notFound");
  return storedFileResponse(file, { contentType: attachment.contentType, disposition: `inline; filename="${attachment.id}.${typeExtension(attachment.contentType)}"`, sha256 });
});
