// POST /api/nominations – nominate someone (public, throttled): 202 once the confirmation e-mail is sent
import { guard } from "@/lib/auth/guard";
import { localizedPath } from "@/lib/i18n/paths";
import { answer, formAware, formLocale, readBody } from "@/lib/nominations/http";
import { submitNomination } from "@/lib/nominations/service";
import { formToNomination, nominationInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: "anyone" }, async ({ req, db, ip, locale }) => {
  let shown = locale;
  const problem = (code: string, fields: string[]) => `${localizedPath(shown, "/nominate/problem")}?${new URLSearchParams({ c: code, f: fields.join(",") })}`;
  return formAware(req, problem, async () => {
    const { body, form } = await readBody(req, nominationInput, (f) => {
      shown = formLocale(f, locale);
      return formToNomination(f.fields);
    });
    const nomination = await submitNomination(db, body, form?.files ?? [], body.locale ?? locale, ip);
    // The code only: the nominator's page is reached through the e-mailed link, never this answer.
    return answer(req, { code: nomination.code, status: "unconfirmed" }, 202, () => localizedPath(shown, "/nominate/sent"));
  });
});
