// GET /api/jury/entries/{id}/attachments/{attachmentId} – the cleaned copy of a file of an assigned entry, without its client file name, inline (framable by the site's own pages)
import { guard } from "@/lib/auth/guard";
import { getJurorAttachment } from "@/lib/db/queries/scores";
import { contentDisposition, storedFileResponse } from "@/lib/storage/disposition";
import { translator } from "@/lib/i18n/translator";
import { attachmentParams } from "@/lib/validation/params";
import { openCleanCopy } from "@/lib/storage/clean/open";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"], params: attachmentParams }, async ({ db, caller, params, locale, req }) => {
  const { file: stored, number } = await getJurorAttachment(db, caller, params.id, params.attachmentId);
  // Jurors only ever receive the cleaned copy (its metadata can name the author); the original never.
  const { attachment, file, sha256 } = await openCleanCopy(db, stored);
  // The name a journalist gave the file often carries their own name: a neutral one instead, which
  // the browser's PDF viewer shows as the document's title ("Tệp 2.pdf").
  return storedFileResponse(file, {
    contentType: attachment.contentType,
    disposition: contentDisposition(translator(locale, "Jury")("fileName", { n: number }), attachment.contentType, "inline"),
    sha256,
    // Read in the jury room's own frame (components/jury/work-viewer.tsx), still sandboxed.
    frameable: true,
    signal: req.signal,
  });
});
