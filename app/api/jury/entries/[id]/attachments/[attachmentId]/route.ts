// GET /api/jury/entries/{id}/attachments/{attachmentId} – a file of an assigned entry, without its client file name
import { guard } from "@/lib/auth/guard";
import { typeExtension } from "@/lib/contest/rules";
import { getJurorAttachment } from "@/lib/db/queries/scores";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { storedFileResponse } from "@/lib/storage/disposition";
import { attachmentParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["juror"], params: attachmentParams }, async ({ db, caller, params }) => {
  const attachment = await getJurorAttachment(db, caller, params.id, params.attachmentId);
  const file = await getStorage().open(attachment.sha256);
  if (!file) throw new AppError(404, "notFound");
  // The name a journalist gave the file often carries their own name: a neutral one instead.
  return storedFileResponse(file, {
    contentType: attachment.contentType,
    disposition: `inline; filename="${attachment.id}.${typeExtension(attachment.contentType)}"`,
    sha256: attachment.sha256,
  });
});
