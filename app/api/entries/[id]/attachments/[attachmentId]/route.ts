// GET|DELETE /api/entries/{id}/attachments/{attachmentId} – download or remove an attachment
import { guard } from "@/lib/auth/guard";
import { deleteAttachment, getAttachment } from "@/lib/db/queries/attachments";
import { contentDisposition, storedFileResponse } from "@/lib/storage/disposition";
import { getStorage } from "@/lib/storage";
import { AppError } from "@/lib/errors";
import { attachmentParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["journalist", "secretariat"], params: attachmentParams }, async ({ db, caller, params, req }) => {
  const attachment = await getAttachment(db, caller, params.id, params.attachmentId);
  const file = await getStorage().open(attachment.sha256);
  if (!file) throw new AppError(404, "notFound");
  return storedFileResponse(file, { contentType: attachment.contentType, disposition: contentDisposition(attachment.fileName, attachment.contentType), sha256: attachment.sha256, signal: req.signal });
});

export const DELETE = guard({ access: ["journalist"], params: attachmentParams }, async ({ db, caller, params }) => {
  await deleteAttachment(db, caller, params.id, params.attachmentId, new Date());
  return new Response(null, { status: 204 });
});
