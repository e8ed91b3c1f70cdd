// GET /api/jury/entries/{id}/attachments/{attachmentId} – the cleaned copy of a file of an assigned entry, without its client file name, inline (framable by the site's own pages)
import { guard } from "@/lib/auth/guard";
import { typeExtension } from "@/lib/contest/rules";
import { getJurorAttachment } from "@/lib/db/queries/scores";
import { storedFileResponse } from "@/lib/storage/disposition";
import { attachmentParams } from "@/lib/validation/params";
import { openCleanCopy } from "@/lib/storage/clean/open";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"], params: attachmentParams }, async ({ db, caller, params }) => {
  // Jurors only ever receive the cleaned copy (its metadata can name the author); the original never.
  const { attachment, file, sha256 } = await openCleanCopy(db, await getJurorAttachment(db, caller, params.id, params.attachmentId));
  // The name a journalist gave the file often carries their own name: a neutral one instead.
  return storedFileResponse(file, {
    contentType: attachment.contentType,
    disposition: `inline; filename="${attachment.id}.${typeExtension(attachment.contentType)}"`,
    sha256,
    // Read in the jury room's own frame (components/jury/work-viewer.tsx), still sandboxed.
    frameable: true,
  });
});
