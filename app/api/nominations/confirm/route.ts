// POST /api/nominations/confirm – the nominator confirms through their e-mailed link ({ t })
import { guard } from "@/lib/auth/guard";
import { localizedPath } from "@/lib/i18n/paths";
import { answer, formAware, formValue, readBody } from "@/lib/nominations/http";
import { confirmByLink } from "@/lib/nominations/service";
import { tokenInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone" }, async ({ req, db, locale }) => {
  let token = "";
  const follow = (extra = "") => `${localizedPath(locale, "/nominate/follow")}?t=${encodeURIComponent(token)}${extra}`;
  return formAware(req, (code) => follow(`&e=${encodeURIComponent(code)}`), async () => {
    const { body } = await readBody(req, tokenInput, (f) => ({ t: (token = formValue(f, "t") ?? "") }));
    const n = await confirmByLink(db, body.t);
    return answer(req, { code: n.code, status: n.status }, 200, () => follow());
  });
});
