// POST /api/admin/rounds/{id}/reminders/preview – who a click would remind and who not, and the message the first of them would get, sending nothing
import { guard } from "@/lib/auth/guard";
import { json } from "@/lib/http/response";
import { previewReminders } from "@/lib/db/queries/reminders";
import { composeEventMail, reminderMail } from "@/lib/mail/events";
import { reminderInput } from "@/lib/validation/admin";
import { entryParams } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["secretariat"], params: entryParams, body: reminderInput }, async ({ db, params, body }) => {
  const { round, planned, skipped } = await previewReminders(db, params.id, body.jurorIds, new Date());
  const first = planned[0];
  const message = first ? { to: first.email, ...(await composeEventMail(db, reminderMail({ jurorId: first.jurorId, to: first.email, name: first.name, round, remaining: first.remaining }))) } : null;
  return json({ sendTo: planned.map(({ jurorId, name, remaining }) => ({ jurorId, name, remaining })), skipped, message });
});
