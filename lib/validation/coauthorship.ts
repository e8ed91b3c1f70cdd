import { z } from "zod";

/** POST /api/entries/{id}/coauthorship: the linked co-author's answer. */
export const coauthorshipInput = z.object({ answer: z.enum(["accept", "decline"]) }).strict();
export type CoauthorshipInput = z.infer<typeof coauthorshipInput>;
