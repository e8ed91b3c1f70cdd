import "server-only";
import type { Db } from "@/lib/db/client";
import { findAccountByEmail } from "@/lib/db/queries/accounts";
import { createPasswordReset, passwordResetState, resetPasswordWithLink } from "@/lib/db/queries/password-resets";
import { siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { componentLogger } from "@/lib/log";
import { passwordResetMail, sendMail } from "@/lib/mail";
import type { PasswordResetInput } from "@/lib/validation/account";
import { hashPassword } from "./password";
import { clearAccountThrottles, limitResetRequest, limitResetUse } from "./rate-limit";
import { hashResetToken, newResetToken, RESET_LINK_MINUTES, RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_EMAIL, resetLinkExpiry, type ResetLinkState } from "./reset-token";

const log = componentLogger("auth");

/**
 * POST /api/account/password-reset: e-mails a single-use link to the account with this e-mail,
 * if there is an active one. The caller's answer is the same either way (the e-mail is sent
 * without being awaited); only the limits can refuse, and they count unknown e-mails alike.
 */
export async function requestPasswordReset(db: Db, email: string, locale: Locale, ip: string): Promise<void> {
  await limitResetRequest(db, email, ip, { perAddress: RESET_REQUESTS_PER_ADDRESS, perEmail: RESET_REQUESTS_PER_EMAIL });
  const user = await findAccountByEmail(db, email);
  if (!user || user.disabledAt) {
    // Logged, not audited: the audit log is about accounts, and there is none to name.
    log.info({ address: ip, known: Boolean(user), disabled: Boolean(user?.disabledAt) }, "password reset asked for no active account");
    return;
  }
  const now = new Date();
  const { token, hash } = newResetToken();
  await createPasswordReset(db, user, hash, resetLinkExpiry(now), ip);
  const link = `${siteUrl}${localizedPath(locale, "/password/reset")}?token=${token}`;
  void sendMail(passwordResetMail({ to: user.email, name: user.name, link, minutes: RESET_LINK_MINUTES, locale })).catch((error: unknown) => {
    log.error({ accountId: user.id, errorType: error instanceof Error ? error.name : "unknown" }, "password reset e-mail not sent");
  });
}

/** Whether the link in an e-mail can still be used (the page asks before showing the form). */
export function resetLinkStatus(db: Db, token: string): Promise<ResetLinkState> {
  return passwordResetState(db, hashResetToken(token));
}

/**
 * POST /api/account/password-reset/confirm: sets the new password through a link, once. Every
 * session of the account ends, and sign-in blocks on it are cleared: whoever holds the mailbox
 * has just proved it. Two-factor, if on, is still asked at the next sign-in.
 */
export async function resetPassword(db: Db, input: PasswordResetInput, ip: string): Promise<void> {
  await limitResetUse(db, ip);
  const hash = hashResetToken(input.token);
  const user = await resetPasswordWithLink(db, hash, await hashPassword(input.newPassword), new Date());
  await clearAccountThrottles(db, user.email);
}
