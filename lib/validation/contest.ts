import { z } from "zod";
import { CATEGORY_CODES, categoryCodeSchema } from "@/lib/contest/vocabulary";
import { text } from "./text";

const localized = z.object({ vi: text({ max: 300, min: 1 }), en: text({ max: 300, min: 1 }) }).strict();
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const day = z.iso.date();

/** POST /api/admin/contests: a year's contest; what is left out comes from lib/contest/defaults. */
export const contestInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: localized.optional(),
    submissionOpensAt: instant,
    submissionClosesAt: instant,
    publishedFrom: day,
    publishedTo: day,
    entryLimitPerAuthor: z.number().int().min(1).max(20).default(3),
    categories: z.array(categoryCodeSchema).min(1).max(CATEGORY_CODES.length).optional(),
  })
  .strict()
  .refine((c) => c.submissionClosesAt > c.submissionOpensAt, { path: ["submissionClosesAt"], params: { key: "closesBeforeOpens" } })
  .refine((c) => c.publishedTo >= c.publishedFrom, { path: ["publishedTo"], params: { key: "publishedRange" } });
export type ContestInput = z.infer<typeof contestInput>;
