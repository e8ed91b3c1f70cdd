// POST /api/entries/{id}/attachments – upload one file (multipart field "file") to an entry
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { addAttachment, bylineNames, prepareUpload } from "@/lib/db/queries/attachments";
import { getStorage } from "@/lib/storage";
import { storeCleanCopy } from "@/lib/storage/clean/store";
import { receiveUpload } from "@/lib/storage/receive";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["journalist"], params: entryParams }, async ({ req, db, caller, params }) => {
  // Refuse before reading a byte when the entry cannot take a file at all.
  const { category } = await prepareUpload(db, caller, params.id, new Date());
  const file = await receiveUpload(req, getStorage(), { maxBytes: category.maxFileBytes, accepted: category.acceptedTypes });
  // Jurors judge blind: their copy has no metadata; a file that cannot be cleaned is refused (422).
  const clean = await storeCleanCopy(getStorage(), file, await bylineNames(db, params.id));
  const { attachment, created } = await addAttachment(db, caller, params.id, { ...file, ...clean }, new Date());
  return json(attachment, created ? 201 : 200);
});
