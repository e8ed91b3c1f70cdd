// GET /api/results/{year}/{code}/files/{attachmentId} – a file of a published winner whose author agreed to show it (public)
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { publicWinnerFile } from "@/lib/db/queries/results";
import { notFound } from "@/lib/errors";
import { contentDisposition, storedFileResponse } from "@/lib/storage/disposition";
import { openCleanCopy } from "@/lib/storage/clean/open";

export const dynamic = "force-dynamic";

const params = z.object({ year: z.string().regex(/^\d{4}$/), code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/), attachmentId: z.uuid() });

export const GET = guard({ access: "anyone", params }, async ({ db, req, params: { year, code, attachmentId } }) => {
  const winnerFile = await publicWinnerFile(db, Number(year), code, attachmentId);
  // Not a winner, not published, no consent, or no such file: the same 404 for each.
  if (!winnerFile) throw notFound();
  // The public gets the copy without metadata (a photo's location, a PDF's editing history).
  const { attachment, file, sha256 } = await openCleanCopy(db, winnerFile);
  const response = storedFileResponse(file, { contentType: attachment.contentType, disposition: contentDisposition(attachment.fileName, attachment.contentType).replace(/^attachment/, "inline"), sha256, signal: req.signal });
  // A published work does not change: readers' browsers may keep it (never a shared cache's business to decide who may read it).
  response.headers.set("Cache-Control", "public, max-age=3600");
  return response;
});
