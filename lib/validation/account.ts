import { z } from "zod";
import { email, text } from "./text";

export const signUpInput = z
  .object({
    name: text({ min: 2, max: 120 }),
    email: email(),
    // Not cleaned: a password is compared byte for byte, only its length is bounded.
    password: z.string().min(10).max(200),
    phone: text({ max: 30 }).refine((v) => /^\+?[0-9 ().-]{8,30}$/.test(v), { params: { key: "invalidPhone" } }),
    outlet: text({ min: 2, max: 200 }),
    penNames: z.array(text({ min: 1, max: 120 })).max(5).optional(),
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({ email: email(), password: z.string().min(1).max(200) });
