// GET /api/editor/nominations/{code}/files/{fileId} – an evidence file (the cleaned copy), for editors; audited
import { guard } from "@/lib/auth/guard";
import { nominationFileForEditor } from "@/lib/db/queries/nominations";
import { AppError } from "@/lib/errors";
import { contentDisposition, storedFileResponse } from "@/lib/storage/disposition";
import { getStorage } from "@/lib/storage";
import { nominationFileParams } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["editor"], params: nominationFileParams }, async ({ db, caller, params, req }) => {
  const file = await nominationFileForEditor(db, params.code, params.fileId, caller.id);
  const stored = await getStorage().open(file.sha256);
  if (!stored) throw new AppError(404, "notFound");
  return storedFileResponse(stored, { contentType: file.contentType, disposition: contentDisposition(file.fileName, file.contentType), sha256: file.sha256, signal: req.signal });
});
