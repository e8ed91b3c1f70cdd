// POST /api/nominations/confirm – the nominator confirms through their e-mailed link ({ t })
import { guard } from "@/lib/auth/guard";
import { localizedPath } from "@/lib/i18n/paths";
import { answer, formAware, formLocale, formValue, readBody } from "@/lib/nominations/http";
import { confirmByLink } from "@/lib/nominations/service";
import { tokenInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone" }, async ({ req, db, locale }) => {
  let token = "";
  let shown = locale;
  const follow = (extra = "") => `${localizedPath(shown, "/nominate/follow")}?t=${encodeURIComponent(token)}${extra}`;
  return formAware(req, (code) => follow(`&e=${encodeURIComponent(code)}`), async () => {
    const { body } = await readBody(req, tokenInput, (f) => {
      shown = formLocale(f, locale);
      token = formValue(f, "t") ?? "";
      return { t: token };
    });
    const n = await confirmByLink(db, body.t);
    return answer(req, { code: n.code, status: n.status }, 200, () => follow());
  });
});
