// POST /api/editor/nominations/{code}/consent-link – a signed link the editor gives the nominee to consent (valid 60 days)
import { guard } from "@/lib/auth/guard";
import { prepareConsentLink } from "@/lib/db/queries/nominations";
import { json } from "@/lib/http/response";
import { editorPage, formLocale } from "@/lib/nominations/editor-http";
import { formAware, isFormPost, readBody, seeOther } from "@/lib/nominations/http";
import { consentLink } from "@/lib/nominations/links";
import { nominationCodeParams } from "@/lib/validation/nomination";
import { z } from "zod";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["editor"], params: nominationCodeParams }, async ({ req, db, caller, params, locale }) => {
  let shown = locale;
  return formAware(req, (code) => editorPage(shown, params.code, { error: code }), async () => {
    await readBody(req, z.object({}).strict(), (f) => ((shown = formLocale(f, locale)), {}));
    const n = await prepareConsentLink(db, params.code, caller.id);
    const link = consentLink(n.id);
    // The editor's page shows the link itself; a form post just goes back there.
    return isFormPost(req) ? seeOther(editorPage(shown, n.code, { done: "consentLink" })) : json({ link });
  });
});
