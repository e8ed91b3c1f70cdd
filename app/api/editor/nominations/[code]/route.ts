// GET /api/editor/nominations/{code} – one nomination with those merged into it (audited)
// PATCH /api/editor/nominations/{code} – the checklist and notes (also POST, from the page's plain form)
import { guard } from "@/lib/auth/guard";
import { nominationForEditor, reviewNomination } from "@/lib/db/queries/nominations";
import { json } from "@/lib/http/response";
import { NOMINATION_CHECKS } from "@/lib/contest/vocabulary";
import { editorPage, formLocale } from "@/lib/nominations/editor-http";
import { answer, formAware, formValue, readBody } from "@/lib/nominations/http";
import { nominationCodeParams, reviewInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["editor"], params: nominationCodeParams }, async ({ db, caller, params }) => json(await nominationForEditor(db, params.code, caller.id)));

const review = guard({ access: ["editor"], params: nominationCodeParams }, async ({ req, db, caller, params, locale }) => {
  let shown = locale;
  return formAware(req, (code) => editorPage(shown, params.code, { error: code }), async () => {
    const { body } = await readBody(req, reviewInput, (f) => {
      shown = formLocale(f, locale);
      // A plain form sends only the ticked boxes: the whole checklist is in every post.
      return { checklist: Object.fromEntries(NOMINATION_CHECKS.map((c) => [c, formValue(f, c) === "yes"])), notes: formValue(f, "notes") ?? "" };
    });
    const n = await reviewNomination(db, params.code, caller.id, body);
    return answer(req, { code: n.code, status: n.status, checklist: n.checklist, notes: n.notes }, 200, () => editorPage(shown, n.code, { done: "review" }));
  });
});

export const PATCH = review;
export const POST = review;
