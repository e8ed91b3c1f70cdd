// The nomination's request schemas: the public form (POST /api/nominations, as JSON or as the
// plain form of /de-cu) and the editors' actions. Taxonomy values are checked against
// content/taxonomies, so a nomination can always become a story draft that passes the content checks.
import { z } from "zod";
import { fields, formerProvinces, currentProvinces, movements } from "@/lib/content/taxonomies";
import { NOMINATION_CHECKS } from "@/lib/contest/vocabulary";
import { email, text } from "./text";

export const DEEDS_MIN = 200;
export const DEEDS_MAX = 8000;
export const MAX_LINKS = 5;
export const MAX_REFEREES = 2;
export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const NOMINATION_FILE_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;

/** How the nominator knows the nominee. Being the nominee is not one of them: there is no self-nomination. */
export const RELATIONS = ["family", "neighbour", "colleague", "beneficiary", "localAuthority", "organisation", "press", "other"] as const;

const provinceSlugs = [...new Set([...currentProvinces.map((p) => p.slug), ...formerProvinces.map((p) => p.slug)])] as [string, ...string[]];

const link = () =>
  z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().max(2000).refine((v) => /^https?:\/\/[^\s/$.?#][^\s<>"]*$/i.test(v), { params: { key: "invalidUrl" } }));

const phone = () => text({ max: 30 }).refine((v) => /^\+?[0-9 ().-]{8,30}$/.test(v), { params: { key: "invalidPhone" } });

export const nomineeInput = z
  .object({
    kind: z.enum(["individual", "collective"]),
    name: text({ min: 2, max: 160 }),
    role: text({ min: 2, max: 160 }),
    directWorker: z.boolean(),
    province: z.enum(provinceSlugs),
    movement: z.enum(movements.map((m) => m.slug) as [string, ...string[]]),
    field: z.enum(fields.map((f) => f.slug) as [string, ...string[]]),
  })
  .strict();

export const refereeInput = z.object({ name: text({ min: 2, max: 120 }), contact: text({ min: 5, max: 200 }) }).strict();

export const nominationInput = z
  .object({
    nominee: nomineeInput,
    deeds: text({ min: DEEDS_MIN, max: DEEDS_MAX, multiline: true }),
    evidence: z.object({ links: z.array(link()).max(MAX_LINKS).default([]) }).strict().optional(),
    nominator: z.object({ name: text({ min: 2, max: 120 }), email: email(), phone: phone(), relation: z.enum(RELATIONS) }).strict(),
    referees: z.array(refereeInput).max(MAX_REFEREES).optional(),
    declaration: z.literal(true, { error: () => ({ message: "declaration", params: { key: "declarationRequired" } }) }),
    locale: z.enum(["vi", "en"]).optional(),
  })
  .strict();
export type NominationInput = z.output<typeof nominationInput>;

/**
 * The plain form's fields ("nominee.name", "evidence.links" one per line, "referees.0.name", a
 * checkbox "on") as the JSON body's shape, so both go through the one schema above. Empty
 * optional rows are left out; anything else is passed through for the schema to judge.
 */
export function formToNomination(form: Map<string, string[]>): unknown {
  const one = (name: string) => form.get(name)?.[0];
  const referees = [0, 1]
    .map((i) => ({ name: one(`referees.${i}.name`) ?? "", contact: one(`referees.${i}.contact`) ?? "" }))
    .filter((r) => r.name.trim() !== "" || r.contact.trim() !== "");
  const links = (form.get("evidence.links") ?? []).flatMap((v) => v.split(/\r?\n/)).map((v) => v.trim()).filter(Boolean);
  const flag = (name: string) => (one(name) === undefined ? undefined : one(name) === "yes" || one(name) === "on" || one(name) === "true");
  return {
    nominee: {
      kind: one("nominee.kind"),
      name: one("nominee.name"),
      role: one("nominee.role"),
      directWorker: flag("nominee.directWorker") ?? false,
      province: one("nominee.province"),
      movement: one("nominee.movement"),
      field: one("nominee.field"),
    },
    deeds: one("deeds"),
    evidence: { links },
    nominator: { name: one("nominator.name"), email: one("nominator.email"), phone: one("nominator.phone"), relation: one("nominator.relation") },
    referees,
    declaration: flag("declaration") === true ? true : undefined,
    locale: one("locale"),
  };
}

/** A signed link's token (lib/nominations/links.ts), checked again there. */
export const tokenInput = z.object({ t: z.string().min(10).max(400) }).strict();
export const moreInput = z
  .object({
    t: z.string().min(10).max(400),
    text: text({ min: 10, max: DEEDS_MAX, multiline: true }),
    links: z.array(link()).max(MAX_LINKS).default([]),
  })
  .strict();
export const consentInput = z.object({ t: z.string().min(10).max(400), name: text({ min: 2, max: 160 }), agree: z.literal(true, { error: () => ({ message: "agree", params: { key: "consentRequired" } }) }) }).strict();

export const nominationCodeParams = z.object({ code: z.string().regex(/^DC-[0-9A-Z]{8}$/) });
export const nominationFileParams = z.object({ code: z.string().regex(/^DC-[0-9A-Z]{8}$/), fileId: z.uuid() });

/** PATCH /api/editor/nominations/{code}: the checklist and the notes. */
export const reviewInput = z
  .object({
    checklist: z.object(Object.fromEntries(NOMINATION_CHECKS.map((c) => [c, z.boolean().optional()])) as Record<(typeof NOMINATION_CHECKS)[number], z.ZodOptional<z.ZodBoolean>>).strict().optional(),
    notes: text({ max: 4000, multiline: true }).optional(),
  })
  .strict();
export const askMoreInput = z.object({ message: text({ min: 10, max: 2000, multiline: true }) }).strict();
export const rejectInput = z.object({ reason: text({ min: 10, max: 2000, multiline: true }) }).strict();
/** A story's slug from what an editor pastes: the page's address, its path, or the slug itself. */
export function storySlugOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const path = value.trim().replace(/^https?:\/\/[^/]+/i, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
  const story = /^\/(?:cau-chuyen|en\/stories)\/([^/]+)$/.exec(path);
  return story ? story[1] : path;
}
export const publishedInput = z.object({ slug: z.preprocess(storySlugOf, z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200)) }).strict();
export const queueQuery = z.object({ status: z.enum(["open", "received", "reviewing", "moreInfo", "accepted", "rejected", "published"]).default("open") }).strict();
