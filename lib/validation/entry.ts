import { z } from "zod";
import { categoryCodeSchema } from "@/lib/contest/vocabulary";
import { email, isoDate, optionalUrl, text } from "./text";

export const LIMITS = { title: 300, summary: 5000, outlet: 200, name: 120, storyRef: 200, authors: 10, parts: 10 } as const;

export const authorInput = z
  .object({
    name: text({ max: LIMITS.name }),
    penName: text({ max: LIMITS.name }).optional(),
    // A co-author who has an account is linked by e-mail, so the entry counts against their limit too.
    email: z.union([z.literal(""), email()]).optional(),
  })
  .strict();

export const partInput = z
  .object({
    title: text({ max: LIMITS.title }),
    publishedAt: isoDate().nullable().optional(),
    url: optionalUrl().optional(),
  })
  .strict();

const entryFields = {
  category: categoryCodeSchema,
  title: text({ max: LIMITS.title }),
  summary: text({ max: LIMITS.summary, multiline: true }),
  outlet: text({ max: LIMITS.outlet }),
  publishedAt: isoDate().nullable(),
  url: optionalUrl(),
  length: z.number().int().min(0).max(1_000_000).nullable(),
  storyRef: text({ max: LIMITS.storyRef }).refine((v) => /^[a-z0-9-]*$/.test(v), { params: { key: "invalidStoryRef" } }),
  authors: z.array(authorInput).min(1).max(LIMITS.authors),
  parts: z.array(partInput).max(LIMITS.parts),
  // Consent that the files may be shown on the public page if the work wins.
  publishFiles: z.boolean(),
};

/** POST /api/entries: a category is needed to start; everything else can come later. */
export const createEntryInput = z.object(entryFields).partial().required({ category: true }).strict();
/** PATCH /api/entries/{id}: any subset of the fields. */
export const updateEntryInput = z.object(entryFields).partial().strict();

export type CreateEntryInput = z.infer<typeof createEntryInput>;
export type UpdateEntryInput = z.infer<typeof updateEntryInput>;
export type AuthorInput = z.infer<typeof authorInput>;
