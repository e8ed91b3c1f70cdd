// POST /api/account/two-factor – start two-factor enrolment: a new secret and its otpauth:// URI (jurors and the secretariat)
// PUT /api/account/two-factor – confirm it with a code from the app: on, with ten recovery codes shown once
// DELETE /api/account/two-factor – turn it off with a current code
// Open to staff who must still enrol when two-factor is required (the guard's twoFactorEnrolment).
import { guard } from "@/lib/auth/guard";
import { confirmEnrolment, disableOwnTwoFactor, startEnrolment } from "@/lib/auth/enrolment";
import { json, noStore } from "@/lib/http/response";
import { twoFactorCodeInput } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

const STAFF = ["juror", "secretariat"] as const;

export const POST = guard({ access: STAFF, twoFactorEnrolment: true }, async ({ db, caller }) => json(await startEnrolment(db, caller.id), 201, noStore));

export const PUT = guard({ access: STAFF, twoFactorEnrolment: true, body: twoFactorCodeInput }, async ({ db, caller, body }) => json(await confirmEnrolment(db, caller.id, body.code), 200, noStore));

export const DELETE = guard({ access: STAFF, twoFactorEnrolment: true, body: twoFactorCodeInput }, async ({ db, caller, body, ip }) => {
  await disableOwnTwoFactor(db, caller.id, body.code, ip);
  return new Response(null, { status: 204, headers: noStore });
});
