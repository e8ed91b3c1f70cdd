import { z } from "zod";
import { categoryCodeSchema } from "@/lib/contest/vocabulary";
import { text } from "./text";

const localized = z.object({ vi: text({ max: 200, min: 1 }), en: text({ max: 200, min: 1 }) }).strict();

/** One level of a criterion: a band of scores and what it means, in both languages. */
export const levelInput = z
  .object({ min: z.number().min(0).max(1000), max: z.number().min(0).max(1000), description: z.object({ vi: text({ max: 300, min: 1 }), en: text({ max: 300, min: 1 }) }).strict() })
  .strict();

export const criterionInput = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/),
    name: localized,
    maxPoints: z.number().int().min(1).max(1000),
    weight: z.number().int().min(1).max(10),
    levels: z.array(levelInput).max(10).optional(),
  })
  .strict();

/** PUT /api/admin/rounds/{id}/levels: the levels of some criteria of a round's rubric (the others keep theirs). */
export const levelsInput = z
  .object({ criteria: z.array(z.object({ key: z.string().max(40), levels: z.array(levelInput).max(10) }).strict()).min(1).max(20) })
  .strict();
export type LevelsInput = z.infer<typeof levelsInput>;

export const roundInput = z
  .object({
    name: localized,
    scope: z.union([
      z.object({ kind: z.literal("eligible") }).strict(),
      z.object({ kind: z.literal("shortlist"), top: z.number().int().min(1).max(10_000) }).strict(),
      z.object({ kind: z.literal("shortlist"), percent: z.number().int().min(1).max(100) }).strict(),
    ]),
    jurorsPerEntry: z.number().int().min(1).max(20),
    rubric: z.array(criterionInput).min(1).max(20).refine((list) => new Set(list.map((c) => c.key)).size === list.length, { params: { key: "duplicateCriterion" } }),
    blind: z.boolean(),
    disagreementThreshold: z.number().int().min(0).max(10_000),
    opensAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).nullable(),
    closesAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).nullable(),
  })
  .strict();
export type RoundInput = z.infer<typeof roundInput>;

export const roundJurorsInput = z.object({ jurors: z.array(z.object({ jurorId: z.uuid(), panels: z.array(categoryCodeSchema).max(5) }).strict()).max(500) }).strict();

/** PUT /api/jury/scores/{entryId}: a draft (autosave) or, with submit, the final sheet. */
export const scoreInput = z
  .object({
    values: z.record(z.string().max(40), z.number()).refine((v) => Object.keys(v).length <= 20, { params: { key: "tooMany" } }),
    comment: text({ max: 5000, multiline: true }).optional(),
    submit: z.boolean().optional(),
  })
  .strict();
export type ScoreInput = z.infer<typeof scoreInput>;

export const conflictInput = z.object({ entryId: z.uuid(), reason: text({ max: 1000 }).optional() }).strict();

export const reasonInput = z.object({ reason: text({ max: 1000 }).refine((v) => v.length > 0, { params: { key: "required" } }) }).strict();
