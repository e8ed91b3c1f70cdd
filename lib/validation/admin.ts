// The secretariat's request schemas: bodies and query strings of the routes under /api/admin.
import { z } from "zod";
import { roleSchema } from "@/lib/contest/vocabulary";
import { email, text } from "./text";

// A query-string parameter given empty (`?role=`) counts as absent, as in the entries search.
const blankAsAbsent = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsAbsent, schema.optional());

const reason = () => text({ max: 1000 }).refine((v) => v.length > 0, { params: { key: "required" } });

export const roundAssignmentParams = z.object({ id: z.uuid(), entryId: z.uuid(), jurorId: z.uuid() });

/** POST /api/admin/rounds/{id}/assignments */
export const assignmentInput = z.object({ entryId: z.uuid(), jurorId: z.uuid() }).strict();

/** POST /api/admin/conflicts */
export const secretariatConflictInput = z.object({ jurorId: z.uuid(), entryId: z.uuid(), reason: reason() }).strict();

/** GET /api/admin/conflicts */
export const conflictListQuery = z.object({ roundId: optionalParam(z.uuid()) }).strict();

export const ACCOUNTS_PER_PAGE = 50;

/** GET /api/admin/accounts */
export const accountListQuery = z
  .object({
    role: optionalParam(roleSchema),
    q: z.preprocess(blankAsAbsent, text({ max: 200 }).default("")),
    page: z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .strict();
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const STAFF_ROLES = ["juror", "secretariat", "editor"] as const;

/** POST /api/admin/accounts: journalists sign up themselves, so only staff accounts are created here. */
export const staffAccountInput = z
  .object({
    email: email(),
    name: text({ min: 2, max: 120 }),
    role: z.enum(STAFF_ROLES),
    outlet: text({ max: 200 }).optional(),
  })
  .strict();
export type StaffAccountInput = z.infer<typeof staffAccountInput>;

/** PATCH /api/admin/accounts/{id}: a role, the disabled flag, or both, always with a reason. */
export const accountChangeInput = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional(), reason: reason() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { params: { key: "nothingToChange" } });
export type AccountChangeInput = z.infer<typeof accountChangeInput>;

export const AUDIT_PAGE_MAX = 200;

/** GET /api/admin/audit: filters, and the keyset cursor (the last id of the previous page). */
export const auditQuery = z
  .object({
    entity: optionalParam(z.string().regex(/^[a-z][a-zA-Z]{0,39}$/)),
    entityId: optionalParam(z.string().max(200)),
    actorId: optionalParam(z.uuid()),
    /** An action ("entry.eligibility") or its family ("entry"). */
    action: optionalParam(z.string().regex(/^[a-z][a-zA-Z]{0,39}(\.[a-zA-Z]{1,40}){0,3}$/)),
    /** An entry's code: its own rows and its sheets'. */
    code: optionalParam(z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{1,40}$/)),
    cursor: optionalParam(z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number)),
    limit: z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50)),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

/** POST /api/admin/rounds/{id}/reminders: `{}` reminds every juror with sheets left. */
export const reminderInput = z.object({ jurorIds: z.array(z.uuid()).min(1).max(500).optional() }).strict();

/** POST /api/admin/rounds/{id}/assignment/entries: the entries to assign (the entry list's ticked rows). */
export const chosenEntriesInput = z.object({ entryIds: z.array(z.uuid()).min(1).max(500) }).strict();
/** DELETE /api/admin/accounts/{id}/two-factor: why the secretariat resets it (kept in the audit log). */
export const twoFactorResetInput = z.object({ reason: reason() }).strict();
/** PUT /api/admin/settings: site-wide settings. */
export const siteSettingsInput = z.object({ twoFactorRequiredForStaff: z.boolean() }).strict();

/** POST /api/admin/entries/eligibility: one decision for up to 500 entries; a reason is required to refuse. */
export const bulkEligibilityInput = z
  .object({ ids: z.array(z.uuid()).min(1).max(500), eligible: z.boolean(), reason: text({ max: 1000 }).optional() })
  .strict();

/** GET /api/admin/audit/export: the page's filters, without paging. */
export const auditExportQuery = auditQuery.omit({ cursor: true, limit: true });
export type AuditExportQuery = z.infer<typeof auditExportQuery>;
