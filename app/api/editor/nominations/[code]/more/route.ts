// POST /api/editor/nominations/{code}/more – ask the nominator for more ({ message }); they are e-mailed a link to add it
import { guard } from "@/lib/auth/guard";
import { askForMore } from "@/lib/db/queries/nominations";
import { editorPage, formLocale } from "@/lib/nominations/editor-http";
import { answer, formAware, formValue, readBody } from "@/lib/nominations/http";
import { tell } from "@/lib/nominations/service";
import { askMoreInput, nominationCodeParams } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["editor"], params: nominationCodeParams }, async ({ req, db, caller, params, locale }) => {
  let shown = locale;
  return formAware(req, (code) => editorPage(shown, params.code, { error: code }), async () => {
    const { body } = await readBody(req, askMoreInput, (f) => ((shown = formLocale(f, locale)), { message: formValue(f, "message") }));
    const n = await askForMore(db, params.code, caller.id, body.message);
    await tell.more(n, body.message);
    return answer(req, { code: n.code, status: n.status }, 200, () => editorPage(shown, n.code, { done: "askMore" }));
  });
});
