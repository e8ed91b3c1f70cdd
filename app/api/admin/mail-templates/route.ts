// GET /api/admin/mail-templates – every event's e-mail template in both languages, with its variables
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { MAIL_EVENTS } from "@/lib/contest/vocabulary";
import { eventTemplates } from "@/lib/db/queries/mail";
import { MAIL_LANGUAGE, MAIL_VARIABLES } from "@/lib/mail/render";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ db }) =>
  json({ templates: await Promise.all(MAIL_EVENTS.map(async (event) => ({ event, variables: MAIL_VARIABLES[event], language: MAIL_LANGUAGE[event], ...(await eventTemplates(db, event)) }))) }),
);
