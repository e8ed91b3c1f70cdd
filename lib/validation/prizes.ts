// Inputs of the secretariat's prize and publication routes.
import { z } from "zod";
import { prizeTierSchema } from "@/lib/contest/vocabulary";
import { isoDate, text } from "./text";

/** A reason short enough to be a mere "ok" says nothing to whoever reads the audit trail later. */
export const MIN_REASON = 5;

const reason = () =>
  text({ max: 1000 })
    .refine((v) => v.length > 0, { params: { key: "required" } })
    .refine((v) => v.length === 0 || v.length >= MIN_REASON, { params: { key: "reasonTooShort" } });

export const prizeParams = z.object({ entryId: z.uuid() });

/** PUT /api/admin/prizes/{entryId}: award, change or (tier null) remove a prize, always with a reason. */
export const prizeInput = z.object({ tier: prizeTierSchema.nullable(), reason: reason() }).strict();
export type PrizeInput = z.infer<typeof prizeInput>;

/** POST /api/admin/prizes/proposal: the reason is required only when it replaces decisions (checked in the query). */
export const proposalInput = z.object({ reason: reason().optional() }).strict();

const seats = z.number().int().min(0).max(100);
const quota = z.object({ A: seats, B: seats, C: seats, encouragement: seats }).strict();

/** PUT /api/admin/prizes/quotas: per category code; which codes are allowed depends on the contest. */
export const quotasInput = z.object({ quotas: z.record(z.string().max(40), quota) }).strict();
export type QuotasInput = z.infer<typeof quotasInput>;

/**
 * POST /api/admin/publication: the organising committee's decision that the publication makes
 * public, "125/QĐ-BTC" dated "2026-12-01".
 */
export const publicationInput = z
  .object({
    confirm: z.literal(true),
    decisionNumber: text({ max: 100 }).refine((v) => v.length > 0, { params: { key: "required" } }),
    decisionDate: isoDate(),
  })
  .strict();
export type PublicationInput = z.infer<typeof publicationInput>;

/** PUT /api/admin/prizes/{entryId}/citation: the jury's citation in both languages (both required before publication). */
export const citationInput = z.object({ vi: text({ max: 2000, multiline: true }), en: text({ max: 2000, multiline: true }) }).strict();
export type CitationInput = z.infer<typeof citationInput>;
