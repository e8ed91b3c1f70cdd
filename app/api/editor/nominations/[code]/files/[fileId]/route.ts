// GET /api/editor/nominations/{code}/files/{fileId} – an evidence file (the cleaned copy), for editors; audited
import { guard } from "@/lib/auth/guard";
import { nominationFileForEditor } from "@/lib/db/queries/nominations";
import { AppError } from "@/lib/errors";
import { DOWNLOAD_HEADERS } from "@/lib/http/response";
import { contentDisposition } from "@/lib/storage/disposition";
import { cancelledOnAbort } from "@/lib/storage/file-stream";
import { getStorage } from "@/lib/storage";
import { nominationFileParams } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["editor"], params: nominationFileParams }, async ({ db, caller, params, req }) => {
  const file = await nominationFileForEditor(db, params.code, params.fileId, caller.id);
  const stored = await getStorage().open(file.sha256);
  if (!stored) throw new AppError(404, "notFound");
  return new Response(cancelledOnAbort(stored.stream, req.signal), {
    headers: { ...DOWNLOAD_HEADERS, "Content-Type": file.contentType, "Content-Length": String(stored.size), "Content-Disposition": contentDisposition(file.fileName, file.contentType), "Cache-Control": "no-store" },
  });
});
