// The one database schema (PostgreSQL dialect, for PGlite and PostgreSQL alike). Migrations
// are generated from this file with drizzle-kit (`npx drizzle-kit generate`).
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  CATEGORY_CODES,
  CONFLICT_SOURCES,
  COAUTHOR_STATUSES,
  ELIGIBILITY,
  ENTRY_STATUSES,
  LENGTH_UNITS,
  MAIL_LANGUAGES,
  MAIL_STATUSES,
  NOMINATION_STATUSES,
  PRIZE_TIERS,
  ROLES,
  ROUND_STATUSES,
  SCORE_STATUSES,
  type CategoryCode,
  type Criterion,
  type LocalizedText,
  type MailEvent,
  type NominationCheck,
  type NominationStatus,
  type Quota,
  type Role,
  type RoundScope,
  type ScoreValues,
  type SeriesPart,
} from "../contest/vocabulary";

// The domain's words are defined in lib/contest/vocabulary.ts; re-exported here for the code
// that reads them next to the tables. The dependency runs one way: schema → contest.
export {
  CATEGORY_CODES,
  CONFLICT_SOURCES,
  COAUTHOR_STATUSES,
  ELIGIBILITY,
  ENTRY_STATUSES,
  LENGTH_UNITS,
  PRIZE_TIERS,
  ROLES,
  ROUND_STATUSES,
  SCORE_STATUSES,
  type CategoryCode,
  type Criterion,
  type Eligibility,
  type EntryStatus,
  type LengthUnit,
  type LocalizedText,
  type PrizeTier,
  type Role,
  type RoundScope,
  type RoundStatus,
  type ScoreStatus,
  type ScoreValues,
  type SeriesPart,
} from "../contest/vocabulary";

/** `'a', 'b'`: a vocabulary as the list of a check constraint. */
const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased so uniqueness does not depend on how someone typed it.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    phone: text("phone").notNull().default(""),
    outlet: text("outlet").notNull().default(""),
    penNames: jsonb("pen_names").$type<string[]>().notNull().default([]),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Sessions issued before this moment are refused (lib/auth/session.ts); null: never changed.
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    // Fixed in the session token at sign-in; raising it ends every session issued before
    // (a password change, disabling, a role change, "sign out everywhere").
    sessionVersion: integer("session_version").notNull().default(0),
    // Two-factor sign-in (TOTP): the secret is sealed with AUTH_SECRET; it counts only once
    // enrolment is confirmed (totpEnabledAt set). Recovery codes are stored as hashes, each used once.
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    recoveryCodes: jsonb("recovery_codes").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), check("users_role_check", sql`${t.role} in (${sqlList(ROLES)})`)],
);

export const contests = pgTable(
  "contests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    rules: jsonb("rules").$type<LocalizedText>().notNull(),
    submissionOpensAt: timestamp("submission_opens_at", { withTimezone: true }).notNull(),
    submissionClosesAt: timestamp("submission_closes_at", { withTimezone: true }).notNull(),
    // Works must have been published inside this window (dates in Asia/Ho_Chi_Minh).
    publishedFrom: date("published_from", { mode: "string" }).notNull(),
    publishedTo: date("published_to", { mode: "string" }).notNull(),
    entryLimitPerAuthor: integer("entry_limit_per_author").notNull(),
    excludedRoles: jsonb("excluded_roles").$type<Role[]>().notNull().default(["juror", "secretariat"]),
    codePrefix: text("code_prefix").notNull().default("BC"),
    // Last entry number handed out; incremented under a row lock so codes never collide.
    entrySeq: integer("entry_seq").notNull().default(0),
    // Prizes per category and tier, applied to the final round's ranking.
    prizeQuotas: jsonb("prize_quotas").$type<Record<string, Quota>>().notNull().default({}),
    // Set once: results become public (results page, search, Open Graph images, notifications).
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    // The organising committee's decision (quyết định) that the publication makes public.
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("contests_year_key").on(t.year)],
);

export const contestCategories = pgTable(
  "contest_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contestId: uuid("contest_id").notNull().references(() => contests.id, { onDelete: "cascade" }),
    code: text("code", { enum: CATEGORY_CODES }).notNull(),
    position: integer("position").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    unit: text("unit", { enum: LENGTH_UNITS }).notNull(),
    // Per part of a series: at most this many words, minutes or photos.
    maxLength: integer("max_length").notNull(),
    maxParts: integer("max_parts").notNull().default(5),
    acceptedTypes: jsonb("accepted_types").$type<string[]>().notNull(),
    maxFileBytes: bigint("max_file_bytes", { mode: "number" }).notNull(),
    maxFiles: integer("max_files").notNull(),
    requiresUrl: boolean("requires_url").notNull().default(false),
  },
  (t) => [uniqueIndex("contest_categories_contest_code_key").on(t.contestId, t.code)],
);

export const entries = pgTable(
  "entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contestId: uuid("contest_id").notNull().references(() => contests.id),
    ownerId: uuid("owner_id").notNull().references(() => users.id),
    category: text("category", { enum: CATEGORY_CODES }).notNull(),
    status: text("status", { enum: ENTRY_STATUSES }).notNull().default("draft"),
    code: text("code"),
    title: text("title").notNull().default(""),
    summary: text("summary").notNull().default(""),
    outlet: text("outlet").notNull().default(""),
    publishedAt: date("published_at", { mode: "string" }),
    url: text("url").notNull().default(""),
    length: integer("length"),
    // The exemplary model the work is about: a story's translationKey or slug.
    storyRef: text("story_ref").notNull().default(""),
    parts: jsonb("parts").$type<SeriesPart[]>().notNull().default([]),
    eligibility: text("eligibility", { enum: ELIGIBILITY }),
    eligibilityReason: text("eligibility_reason").notNull().default(""),
    // The author agreed at submission that the files may be shown on the public page if the work wins.
    publishFiles: boolean("publish_files").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("entries_code_key").on(t.code),
    index("entries_owner_idx").on(t.ownerId, t.createdAt),
    index("entries_contest_status_idx").on(t.contestId, t.status),
    check("entries_status_check", sql`${t.status} in (${sqlList(ENTRY_STATUSES)})`),
  ],
);

export const entryAuthors = pgTable(
  "entry_authors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id").notNull().references(() => entries.id, { onDelete: "cascade" }),
    // 0 is the main author (always the entry's owner); co-authors follow.
    position: integer("position").notNull(),
    name: text("name").notNull(),
    penName: text("pen_name").notNull().default(""),
    // As the owner typed it; when it belongs to an account, userId links that account.
    email: text("email").notNull().default(""),
    userId: uuid("user_id").references(() => users.id),
    // A co-author linked to an account is pending until that account accepts; the main author
    // and unlinked co-authors are accepted from the start.
    status: text("status", { enum: COAUTHOR_STATUSES }).notNull().default("accepted"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    check("entry_authors_status_check", sql`${t.status} in (${sqlList(COAUTHOR_STATUSES)})`),
    uniqueIndex("entry_authors_entry_position_key").on(t.entryId, t.position), index("entry_authors_user_idx").on(t.userId),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id").notNull().references(() => entries.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    // What the client called the file: display text only, never a path.
    fileName: text("file_name").notNull(),
    // The copy jurors receive, with the file's metadata removed (lib/storage/clean); null until
    // cleaned. removedMetadata lists what was taken out; bylineFound names an author's name still
    // visible in the content, which the secretariat is warned about.
    cleanSha256: text("clean_sha256"),
    cleanSize: bigint("clean_size", { mode: "number" }),
    removedMetadata: jsonb("removed_metadata").$type<string[]>(),
    bylineFound: jsonb("byline_found").$type<string[]>(),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("attachments_entry_sha_key").on(t.entryId, t.sha256)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id),
    key: text("key").notNull(),
    // Method, route and a hash of the body: a key reused for another request is refused.
    fingerprint: text("fingerprint").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("idempotency_keys_user_key").on(t.userId, t.key)],
);

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
  // Sign-in throttling: no attempt is taken for this key before this moment (growing delays).
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

/**
 * Password reset links: only the SHA-256 of each token is kept, so a copy of the database cannot
 * be used to reset anyone's password. A link works once (usedAt) and until expiresAt.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_resets_token_hash_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);

/** Site-wide settings the secretariat changes at run time (e.g. two-factor required for staff). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId, t.id)],
);

// Written in the same transaction as each change the search index must see; the drainer
// in lib/search sends it to Meilisearch and marks it processed.
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    op: text("op", { enum: ["upsert", "delete"] }).notNull(),
    createdAt: createdAt(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("search_outbox_pending_idx").on(t.processedAt, t.id)],
);

export const rounds = pgTable(
  "rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contestId: uuid("contest_id").notNull().references(() => contests.id, { onDelete: "cascade" }),
    // 1 = preliminary (sơ khảo); a later round's shortlist is drawn from the one before it.
    position: integer("position").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("draft"),
    scope: jsonb("scope").$type<RoundScope>().notNull().default({ kind: "eligible" }),
    jurorsPerEntry: integer("jurors_per_entry").notNull().default(3),
    rubric: jsonb("rubric").$type<Criterion[]>().notNull(),
    blind: boolean("blind").notNull().default(true),
    disagreementThreshold: integer("disagreement_threshold").notNull().default(20),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("rounds_contest_position_key").on(t.contestId, t.position), check("rounds_status_check", sql`${t.status} in (${sqlList(ROUND_STATUSES)})`)],
);

/** The jurors of a round; `panels` lists the categories they judge (empty: all of them). */
export const roundJurors = pgTable(
  "round_jurors",
  {
    roundId: uuid("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
    jurorId: uuid("juror_id").notNull().references(() => users.id),
    panels: jsonb("panels").$type<CategoryCode[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.jurorId] })],
);

/** The entries a round judges, fixed when its scope is applied (before assignment). */
export const roundEntries = pgTable(
  "round_entries",
  {
    roundId: uuid("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id").notNull().references(() => entries.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.entryId] })],
);

export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id").notNull().references(() => entries.id),
    jurorId: uuid("juror_id").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("assignments_round_entry_juror_key").on(t.roundId, t.entryId, t.jurorId), index("assignments_juror_idx").on(t.jurorId, t.roundId)],
);

/** Conflicts a juror declared or the secretariat added; automatic ones are computed (lib/contest/assignment.ts). */
export const conflicts = pgTable(
  "conflicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jurorId: uuid("juror_id").notNull().references(() => users.id),
    entryId: uuid("entry_id").notNull().references(() => entries.id),
    source: text("source", { enum: CONFLICT_SOURCES }).notNull(),
    reason: text("reason").notNull().default(""),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conflicts_juror_entry_key").on(t.jurorId, t.entryId), index("conflicts_entry_idx").on(t.entryId)],
);

/** One juror's sheet for one entry in one round: a draft saved as they type, then submitted (locked). */
export const scores = pgTable(
  "scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id").notNull().references(() => entries.id),
    jurorId: uuid("juror_id").notNull().references(() => users.id),
    values: jsonb("values").$type<ScoreValues>().notNull().default({}),
    comment: text("comment").notNull().default(""),
    status: text("status", { enum: SCORE_STATUSES }).notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("scores_round_entry_juror_key").on(t.roundId, t.entryId, t.jurorId), index("scores_juror_idx").on(t.jurorId, t.roundId)],
);

/** The prize decided for an entry (quota proposal or the secretariat's change, with its reason). */
export const prizes = pgTable(
  "prizes",
  {
    contestId: uuid("contest_id").notNull().references(() => contests.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id").notNull().references(() => entries.id),
    tier: text("tier", { enum: PRIZE_TIERS }).notNull(),
    reason: text("reason").notNull().default(""),
    // The jury's citation (nhận xét của Hội đồng), shown on the winner's public page.
    citation: jsonb("citation").$type<LocalizedText>().notNull().default({ vi: "", en: "" }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.entryId] })],
);

/** The secretariat's version of an event's e-mail in one language; an event without one uses the default text. */
export const mailTemplates = pgTable(
  "mail_templates",
  {
    event: text("event").$type<MailEvent>().notNull(),
    locale: text("locale").$type<"vi" | "en">().notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: "mail_templates_event_locale_pk", columns: [t.event, t.locale] })],
);

/** Every message sent or attempted: to whom, when, from which template, about which entry. */
export const mailLog = pgTable(
  "mail_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    event: text("event").$type<MailEvent>().notNull(),
    toEmail: text("to_email").notNull(),
    userId: uuid("user_id").references(() => users.id),
    entryId: uuid("entry_id").references(() => entries.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    language: text("language", { enum: MAIL_LANGUAGES }).notNull().default("vi"),
    status: text("status", { enum: MAIL_STATUSES }).notNull(),
    // A test send from the template editor, to the secretariat member's own address.
    test: boolean("test").notNull().default(false),
    sentBy: uuid("sent_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("mail_log_entry_idx").on(t.entryId, t.id),
    index("mail_log_user_idx").on(t.userId, t.id),
    check("mail_log_status_check", sql`${t.status} in (${sqlList(MAIL_STATUSES)})`),
    check("mail_log_language_check", sql`${t.language} in (${sqlList(MAIL_LANGUAGES)})`),
  ],
);

export type User = typeof users.$inferSelect;
export type PasswordReset = typeof passwordResets.$inferSelect;
export type Contest = typeof contests.$inferSelect;
export type ContestCategory = typeof contestCategories.$inferSelect;
export type Entry = typeof entries.$inferSelect;
export type EntryAuthor = typeof entryAuthors.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type Round = typeof rounds.$inferSelect;
export type Score = typeof scores.$inferSelect;
export type Conflict = typeof conflicts.$inferSelect;

/** Who a nomination is about, as the nominator gave it (lib/validation/nomination.ts). */
export type NomineeRecord = { kind: "individual" | "collective"; name: string; role: string; directWorker: boolean; province: string; movement: string; field: string; email?: string };
export type RefereeRecord = { name: string; contact: string };
export type MoreAnswer = { text: string; links: string[]; at: string };

/**
 * A public nomination. Nothing in it is public: pages read it only through the editor's queue
 * (role editor) or the nominator's own signed link; the nominator's contact is never shown
 * beyond those. Several nominations of one nominee are merged into the first (`mergedInto`).
 */
export const nominations = pgTable(
  "nominations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    status: text("status", { enum: NOMINATION_STATUSES }).notNull().default("unconfirmed").$type<NominationStatus>(),
    nominee: jsonb("nominee").$type<NomineeRecord>().notNull(),
    // Folded name, kind and current unit: how duplicates are found (lib/nominations/rules.ts).
    nomineeKey: text("nominee_key").notNull(),
    mergedInto: uuid("merged_into"),
    deeds: text("deeds").notNull(),
    evidenceLinks: jsonb("evidence_links").$type<string[]>().notNull().default([]),
    referees: jsonb("referees").$type<RefereeRecord[]>().notNull().default([]),
    nominatorName: text("nominator_name").notNull(),
    nominatorEmail: text("nominator_email").notNull(),
    nominatorPhone: text("nominator_phone").notNull(),
    nominatorRelation: text("nominator_relation").notNull(),
    locale: text("locale", { enum: ["vi", "en"] }).notNull().default("vi"),
    checklist: jsonb("checklist").$type<Partial<Record<NominationCheck, boolean>>>().notNull().default({}),
    notes: text("notes").notNull().default(""),
    moreRequest: text("more_request"),
    moreAnswers: jsonb("more_answers").$type<MoreAnswer[]>().notNull().default([]),
    rejectReason: text("reject_reason"),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    consentBy: text("consent_by"),
    storySlug: text("story_slug"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("nominations_code_key").on(t.code),
    index("nominations_nominee_key_idx").on(t.nomineeKey),
    index("nominations_status_idx").on(t.status, t.createdAt),
    check("nominations_status_check", sql`${t.status} in (${sqlList(NOMINATION_STATUSES)})`),
  ],
);

/** Evidence files of a nomination: only the copy with its metadata removed is kept. */
export const nominationFiles = pgTable(
  "nomination_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nominationId: uuid("nomination_id").notNull().references(() => nominations.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    fileName: text("file_name").notNull(),
    removedMetadata: jsonb("removed_metadata").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("nomination_files_nomination_idx").on(t.nominationId), index("nomination_files_sha_idx").on(t.sha256)],
);

export type Nomination = typeof nominations.$inferSelect;
export type NominationFile = typeof nominationFiles.$inferSelect;
