// GET /api/admin/entries/{id}/files/{attachmentId} – the cleaned copy of a file, inline, as jurors receive it (cleaned now if it was not yet)
import { guard } from "@/lib/auth/guard";
import { typeExtension } from "@/lib/contest/rules";
import { storedFileResponse } from "@/lib/storage/disposition";
import { attachmentParams } from "@/lib/validation/params";
import { getAttachment } from "@/lib/db/queries/attachments";
import { openCleanCopy } from "@/lib/storage/clean/open";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"], params: attachmentParams }, async ({ db, caller, params, req }) => {
  // The secretariat reads what the jurors will read; the original stays a download.
  const { attachment, file, sha256 } = await openCleanCopy(db, await getAttachment(db, caller, params.id, params.attachmentId));
  return storedFileResponse(file, { contentType: attachment.contentType, disposition: `inline; filename="${attachment.id}.${typeExtension(attachment.contentType)}"`, sha256, signal: req.signal });
});
