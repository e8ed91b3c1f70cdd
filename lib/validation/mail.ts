// Inputs of the secretariat's e-mail template routes.
import { z } from "zod";
import { mailEventSchema } from "@/lib/contest/vocabulary";
import { text } from "./text";

export const mailEventParams = z.object({ event: mailEventSchema });

const template = z
  .object({
    subject: text({ max: 300 }).refine((v) => v.length > 0, { params: { key: "required" } }),
    body: text({ max: 10_000, multiline: true }).refine((v) => v.length > 0, { params: { key: "required" } }),
  })
  .strict();

/** PUT /api/admin/mail-templates/{event}: both languages, each with a subject and a body. */
export const templatesInput = z.object({ vi: template, en: template }).strict();
export type TemplatesInput = z.infer<typeof templatesInput>;

/** Preview and test send: drafts not yet saved (either language left out: the stored one). */
export const draftInput = z.object({ vi: template.optional(), en: template.optional() }).strict();
export type DraftInput = z.infer<typeof draftInput>;
