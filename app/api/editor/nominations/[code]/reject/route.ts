// POST /api/editor/nominations/{code}/reject – reject with a reason ({ reason }); every nominator of the person is told
import { guard } from "@/lib/auth/guard";
import { rejectNomination } from "@/lib/db/queries/nominations";
import { editorPage, formLocale } from "@/lib/nominations/editor-http";
import { answer, formAware, formValue, readBody } from "@/lib/nominations/http";
import { tell } from "@/lib/nominations/service";
import { nominationCodeParams, rejectInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["editor"], params: nominationCodeParams }, async ({ req, db, caller, params, locale }) => {
  let shown = locale;
  return formAware(req, (code) => editorPage(shown, params.code, { error: code }), async () => {
    const { body } = await readBody(req, rejectInput, (f) => ((shown = formLocale(f, locale)), { reason: formValue(f, "reason") }));
    const n = await rejectNomination(db, params.code, caller.id, body.reason, new Date());
    await tell.rejected(db, n);
    return answer(req, { code: n.code, status: n.status }, 200, () => editorPage(shown, n.code, { done: "reject" }));
  });
});
