// POST /api/admin/rounds/{id}/reminders – e-mail jurors of an open round the sheets they have left (at most once an hour each, audited)
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { sendReminders } from "@/lib/db/queries/reminders";
import { reminderMail, sendEventMail } from "@/lib/mail/events";
import { reminderInput } from "@/lib/validation/admin";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: entryParams, body: reminderInput }, async ({ db, caller, params, body }) =>
  json(
    await sendReminders(db, caller, params.id, body.jurorIds, new Date(), async (reminder) => {
      await sendEventMail(db, reminderMail(reminder), { sentBy: caller.id });
    }),
  ),
);
