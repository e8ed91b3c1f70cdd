// GET /api/jury/entries/{id}/attachments/{attachmentId} – the cleaned copy of a file of an assigned entry, without its client file name, inline (framable by the site's own pages)
import { guard } from "@/lib/auth/guard";
import { typeExtension } from "@/lib/contest/rules";
import { bylineNames, saveCleanCopy } from "@/lib/db/queries/attachments";
import { getJurorAttachment } from "@/lib/db/queries/scores";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { storeCleanCopy } from "@/lib/storage/clean/store";
import { storedFileResponse } from "@/lib/storage/disposition";
import { attachmentParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"], params: attachmentParams }, async ({ db, caller, params }) => {
  let attachment = await getJurorAttachment(db, caller, params.id, params.attachmentId);
  // Files uploaded before cleaning existed are cleaned on their first juror download. Jurors only
  // ever receive the cleaned copy (its metadata can name the author); the original never.
  if (!attachment.cleanSha256) {
    attachment = await saveCleanCopy(db, attachment.id, await storeCleanCopy(getStorage(), attachment, await bylineNames(db, attachment.entryId)));
  }
  const sha256 = attachment.cleanSha256!;
  const file = await getStorage().open(sha256);
  if (!file) throw new AppError(404, "notFound");
  // The name a journalist gave the file often carries their own name: a neutral one instead.
  return storedFileResponse(file, {
    contentType: attachment.contentType,
    disposition: `inline; filename="${attachment.id}.${typeExtension(attachment.contentType)}"`,
    sha256,
    // Read in the jury room's own frame (components/jury/work-viewer.tsx), still sandboxed.
    frameable: true,
  });
});
