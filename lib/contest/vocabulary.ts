// The contest's vocabulary: every closed set of words the domain speaks in (roles, statuses,
// categories, prize tiers) and the shapes of its structured values (localised text, series
// parts, rubric criteria). Defined once here as `as const` arrays with their derived types, and
// zod enums for the validators. The database schema (lib/db/schema.ts) builds its columns from
// these; nothing in lib/contest imports the database.
import { z } from "zod";

/**
 * Who an account is: a journalist signs up themselves; jurors, the secretariat and editors (who
 * verify public nominations) are created by the secretariat.
 */
export const ROLES = ["journalist", "juror", "secretariat", "editor"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** An entry is a draft until submitted; a submitted entry may be withdrawn. */
export const ENTRY_STATUSES = ["draft", "submitted", "withdrawn"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const entryStatusSchema = z.enum(ENTRY_STATUSES);

/** A co-author linked to an account consents: pending until they accept or decline. */
export const COAUTHOR_STATUSES = ["pending", "accepted", "declined"] as const;
export type CoauthorStatus = (typeof COAUTHOR_STATUSES)[number];

/** The secretariat's decision on a submitted entry; none (null) until it is made. */
export const ELIGIBILITY = ["eligible", "ineligible"] as const;
export type Eligibility = (typeof ELIGIBILITY)[number];
export const eligibilitySchema = z.enum(ELIGIBILITY);

/** The five categories of the national contest; a category is also a jury panel. */
export const CATEGORY_CODES = ["print", "online", "radio", "television", "photo"] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];
export const categoryCodeSchema = z.enum(CATEGORY_CODES);

/** What a category's length limit counts, per part of a series. */
export const LENGTH_UNITS = ["words", "minutes", "photos"] as const;
export type LengthUnit = (typeof LENGTH_UNITS)[number];

/** A round moves forward only: draft → open → closed (lib/contest/jury.ts). */
export const ROUND_STATUSES = ["draft", "open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** A juror's score sheet: a draft saved as they type, then submitted (locked). */
export const SCORE_STATUSES = ["draft", "submitted"] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

/** Who recorded a conflict of interest; automatic ones are computed, never stored. */
export const CONFLICT_SOURCES = ["declared", "secretariat"] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

/** Prizes, best first. */
export const PRIZE_TIERS = ["A", "B", "C", "encouragement"] as const;
export type PrizeTier = (typeof PRIZE_TIERS)[number];
export const prizeTierSchema = z.enum(PRIZE_TIERS);
/** How many prizes of each tier a category gives. */
export type Quota = Record<PrizeTier, number>;

// The events that send an e-mail, each with a template the secretariat edits in both languages.
export const MAIL_EVENTS = ["receipt", "eligibility", "reminder", "coauthorInvite", "results"] as const;
export type MailEvent = (typeof MAIL_EVENTS)[number];
export const mailEventSchema = z.enum(MAIL_EVENTS);
export const MAIL_STATUSES = ["sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
/** The language a message was written in: one of the portal's, or both (Vietnamese, then English). */
export const MAIL_LANGUAGES = ["vi", "en", "both"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** Text the contest shows in both of the portal's languages. */
export type LocalizedText = { vi: string; en: string };

/** One part of a series (an entry of two to five published parts). */
export type SeriesPart = { title: string; publishedAt: string | null; url: string };

/** Which entries a round judges: every eligible one, or a shortlist of the round before. */
export type RoundScope = { kind: "eligible" } | { kind: "shortlist"; top: number } | { kind: "shortlist"; percent: number };

/** One criterion of a round's rubric. */
export type Criterion = {
  /** Stable key ("truthfulness"); score sheets store values under it. */
  key: string;
  name: LocalizedText;
  /** Highest score on this criterion; scores run from 0 in steps of 0.5. */
  maxPoints: number;
  /** Whole-number multiplier of the criterion in the total (1 when the points already weigh it). */
  weight: number;
  /** What each band of scores means, best first; the secretariat writes them in both languages. */
  levels?: CriterionLevel[];
};

/** One level of a criterion: the scores from `min` to `max` (inclusive) and what they mean. */
export type CriterionLevel = { min: number; max: number; description: LocalizedText };

/** A score sheet's values, by criterion key. */
export type ScoreValues = Record<string, number>;

/**
 * A public nomination (đề cử) moves: unconfirmed (until the nominator's e-mailed link) → received
 * → under review → accepted or rejected → published (once its story is out). `moreInfo` is under
 * review, waiting for the nominator to add what an editor asked for.
 */
export const NOMINATION_STATUSES = ["unconfirmed", "received", "reviewing", "moreInfo", "accepted", "rejected", "published"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** The editor's checklist before accepting a nomination. */
export const NOMINATION_CHECKS = ["nomineeContacted", "confirmedLocally", "factsChecked"] as const;
export type NominationCheck = (typeof NOMINATION_CHECKS)[number];
