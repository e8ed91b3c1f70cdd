// POST /api/nominations/more – the nominator adds what an editor asked for ({ t, text, links }, files by form)
import { guard } from "@/lib/auth/guard";
import { localizedPath } from "@/lib/i18n/paths";
import { answer, formAware, formLocale, formValue, readBody } from "@/lib/nominations/http";
import { addMoreByLink, limitNominations } from "@/lib/nominations/service";
import { moreInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone" }, async ({ req, db, ip, locale }) => {
  let token = "";
  let shown = locale;
  const follow = (extra = "") => `${localizedPath(shown, "/nominate/follow")}?t=${encodeURIComponent(token)}${extra}`;
  return formAware(req, (code, fields) => follow(`&e=${encodeURIComponent(code)}&f=${encodeURIComponent(fields.join(","))}`), async () => {
    await limitNominations(db, ip);
    const { body, form } = await readBody(req, moreInput, (f) => {
      shown = formLocale(f, locale);
      token = formValue(f, "t") ?? "";
      return { t: token, text: formValue(f, "text"), links: (formValue(f, "links") ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean) };
    });
    const n = await addMoreByLink(db, body.t, { text: body.text, links: body.links }, form?.files ?? []);
    return answer(req, { code: n.code, status: n.status }, 200, () => follow("&added=1"));
  });
});
