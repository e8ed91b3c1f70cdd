import { z } from "zod";
import { email, text } from "./text";

// Not cleaned: a password is compared byte for byte, only its length is bounded.
const newPassword = () => z.string().min(10).max(200);

export const signUpInput = z
  .object({
    name: text({ min: 2, max: 120 }),
    email: email(),
    password: newPassword(),
    phone: text({ max: 30 }).refine((v) => /^\+?[0-9 ().-]{8,30}$/.test(v), { params: { key: "invalidPhone" } }),
    outlet: text({ min: 2, max: 200 }),
    penNames: z.array(text({ min: 1, max: 120 })).max(5).optional(),
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpInput>;

// `code`: the second factor (a TOTP code or a recovery code) of an account with two-factor on; next-auth sends "" when the form has none.
export const signInInput = z.object({ email: email(), password: z.string().min(1).max(200), code: z.string().max(40).optional() });
export const twoFactorCodeInput = z.object({ code: z.string().min(1).max(40) }).strict();

/** PUT /api/account/password: the new password follows the sign-up rule and must differ from the current one. */
export const passwordChangeInput = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: newPassword() })
  .strict()
  // Compared as the hash sees them (NFC), so a differently composed copy does not pass as new.
  .refine((v) => v.newPassword.normalize("NFC") !== v.currentPassword.normalize("NFC"), { path: ["newPassword"], params: { key: "samePassword" } });
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;

/** POST /api/account/password-reset: the e-mail of the account; the link comes in the page's language. */
export const passwordResetRequestInput = z.object({ email: email() }).strict();
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestInput>;

/** POST /api/account/password-reset/confirm: the token from the e-mailed link and the new password (the sign-up rule). */
export const passwordResetInput = z.object({ token: z.string().min(1).max(200), newPassword: newPassword() }).strict();
export type PasswordResetInput = z.infer<typeof passwordResetInput>;
