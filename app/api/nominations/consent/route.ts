// POST /api/nominations/consent – the nominee (or their representative) consents through their link ({ t, name, agree })
import { guard } from "@/lib/auth/guard";
import { recordConsent } from "@/lib/db/queries/nominations";
import { localizedPath } from "@/lib/i18n/paths";
import { answer, formAware, formLocale, formValue, readBody } from "@/lib/nominations/http";
import { nominationFromToken } from "@/lib/nominations/service";
import { consentInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone" }, async ({ req, db, locale }) => {
  let token = "";
  let shown = locale;
  const page = (extra = "") => `${localizedPath(shown, "/nominate/consent")}?t=${encodeURIComponent(token)}${extra}`;
  return formAware(req, (code, fields) => page(`&e=${encodeURIComponent(code)}&f=${encodeURIComponent(fields.join(","))}`), async () => {
    const { body } = await readBody(req, consentInput, (f) => {
      shown = formLocale(f, locale);
      token = formValue(f, "t") ?? "";
      return { t: token, name: formValue(f, "name"), agree: formValue(f, "agree") === "yes" ? true : undefined };
    });
    const n = await recordConsent(db, nominationFromToken("consent", body.t), body.name, new Date());
    return answer(req, { code: n.code, consent: true }, 200, () => page());
  });
});
