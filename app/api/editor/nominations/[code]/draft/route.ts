// GET /api/editor/nominations/{code}/draft – the story draft of an accepted nomination, as content/stories/vi/<slug>.mdx
import { guard } from "@/lib/auth/guard";
import { nominationForEditor } from "@/lib/db/queries/nominations";
import { AppError } from "@/lib/errors";
import { DOWNLOAD_HEADERS } from "@/lib/http/response";
import { storyDraft } from "@/lib/nominations/rules";
import { nominationCodeParams } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["editor"], params: nominationCodeParams }, async ({ db, caller, params }) => {
  const { nomination } = await nominationForEditor(db, params.code, caller.id);
  if (nomination.status !== "accepted" && nomination.status !== "published") throw new AppError(409, "nominationStateConflict");
  const draft = storyDraft(nomination, nomination.decidedAt ?? new Date());
  return new Response(draft.text, {
    headers: { ...DOWNLOAD_HEADERS, "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${draft.fileName}"`, "Cache-Control": "no-store" },
  });
});
