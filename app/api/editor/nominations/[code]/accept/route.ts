// POST /api/editor/nominations/{code}/accept – accept (checklist done and the nominee's consent given); the story draft is then downloadable
import { guard } from "@/lib/auth/guard";
import { acceptNomination, nominationForEditor } from "@/lib/db/queries/nominations";
import { editorPage, formLocale } from "@/lib/nominations/editor-http";
import { answer, formAware, readBody } from "@/lib/nominations/http";
import { storyDraft } from "@/lib/nominations/rules";
import { tell } from "@/lib/nominations/service";
import { nominationCodeParams } from "@/lib/validation/nomination";
import { z } from "zod";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["editor"], params: nominationCodeParams }, async ({ req, db, caller, params, locale }) => {
  let shown = locale;
  return formAware(req, (code) => editorPage(shown, params.code, { error: code }), async () => {
    await readBody(req, z.object({}).strict(), (f) => ((shown = formLocale(f, locale)), {}));
    const { nomination } = await nominationForEditor(db, params.code, caller.id);
    const now = new Date();
    const n = await acceptNomination(db, params.code, caller.id, storyDraft(nomination, now).slug, now);
    await tell.accepted(db, n);
    return answer(req, { code: n.code, status: n.status, storySlug: n.storySlug }, 200, () => editorPage(shown, n.code, { done: "accept" }));
  });
});
