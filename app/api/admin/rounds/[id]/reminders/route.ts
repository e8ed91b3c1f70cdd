// POST /api/admin/rounds/{id}/reminders – e-mail jurors of an open round the sheets they have left (at most once an hour each, audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { sendReminders } from "@/lib/db/queries/reminders";
import { reminderVars, sendEventMail } from "@/lib/mail/events";
import { reminderInput } from "@/lib/validation/admin";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: entryParams, body: reminderInput }, async ({ db, caller, params, body }) =>
  json(
    await sendReminders(db, caller, params.id, body.jurorIds, new Date(), async ({ jurorId, to, name, round, remaining }) => {
      // Jurors read Vietnamese (the template's rule); the account holds no language of its own.
      await sendEventMail(db, { event: "reminder", to, userId: jurorId, vars: reminderVars({ name, round: round.name.vi, remaining, closesAt: round.closesAt }) }, { sentBy: caller.id });
    }),
  ),
);
