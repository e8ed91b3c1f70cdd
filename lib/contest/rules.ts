// The contest's rules as pure functions: no I/O, no clock (callers pass `now`), so every rule
// is unit-tested and the same code judges the API, the pages and the benchmark.
import type { CategoryCode, LengthUnit, SeriesPart } from "./vocabulary";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export type ContestWindow = { submissionOpensAt: Date; submissionClosesAt: Date; publishedFrom: string; publishedTo: string };

export type CategoryRules = {
  code: CategoryCode;
  unit: LengthUnit;
  maxLength: number;
  maxParts: number;
  acceptedTypes: readonly string[];
  maxFileBytes: number;
  maxFiles: number;
  requiresUrl: boolean;
};

export type SubmissionPhase = "before" | "open" | "closed";

/** Where `now` falls in the submission window (opens inclusive, closes exclusive). */
export function submissionPhase(contest: Pick<ContestWindow, "submissionOpensAt" | "submissionClosesAt">, now: Date): SubmissionPhase {
  if (now.getTime() < contest.submissionOpensAt.getTime()) return "before";
  if (now.getTime() >= contest.submissionClosesAt.getTime()) return "closed";
  return "open";
}

/** Dates are YYYY-MM-DD strings, so they compare as text. */
export function isPublishedInWindow(date: string, contest: Pick<ContestWindow, "publishedFrom" | "publishedTo">): boolean {
  return date >= contest.publishedFrom && date <= contest.publishedTo;
}

/** "BC2026-0042": prefix, contest year, the entry's number in the contest (at least 4 digits). */
export function formatEntryCode(prefix: string, year: number, n: number): string {
  return `${prefix}${year}-${String(n).padStart(4, "0")}`;
}

export function parseEntryCode(code: string): { prefix: string; year: number; n: number } | null {
  const match = /^([A-Z]+)(\d{4})-(\d{4,})$/.exec(code);
  return match ? { prefix: match[1]!, year: Number(match[2]), n: Number(match[3]) } : null;
}

/** A wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as an instant. */
export function vietnamTime(date: string, time = "00:00"): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Ho_Chi_Minh. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export type AuthorSlot = { name: string; entries: number };

/** Account authors who already hold `limit` live entries (an entry counts for each of its authors). */
export function authorsOverLimit(authors: AuthorSlot[], limit: number): AuthorSlot[] {
  return authors.filter((author) => author.entries >= limit);
}

export type FieldIssue = { key: string; params?: Record<string, string | number> };

export type EntryForCheck = {
  title: string;
  summary: string;
  outlet: string;
  publishedAt: string | null;
  url: string;
  length: number | null;
  authors: { name: string }[];
  parts: SeriesPart[];
  attachmentTypes: string[];
};

/**
 * What an entry still lacks before it can be submitted (or stay submitted after an edit),
 * per field. Empty when complete. Drafts may be incomplete; this runs on submit and on
 * changes to a submitted entry.
 */
export function entryIssues(entry: EntryForCheck, category: CategoryRules, contest: ContestWindow): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  const window = { from: contest.publishedFrom, to: contest.publishedTo };
  if (!entry.title) issues.title = { key: "required" };
  if (!entry.summary) issues.summary = { key: "required" };
  if (!entry.outlet) issues.outlet = { key: "required" };
  if (!entry.publishedAt) issues.publishedAt = { key: "required" };
  else if (!isPublishedInWindow(entry.publishedAt, contest)) issues.publishedAt = { key: "publishedOutsideWindow", params: window };
  if (category.requiresUrl && !entry.url) issues.url = { key: "urlRequired" };
  if (entry.length === null || entry.length <= 0) issues.length = { key: "lengthRequired", params: { unit: category.unit } };
  else if (entry.length > category.maxLength * Math.max(1, entry.parts.length)) {
    issues.length = { key: "lengthOverLimit", params: { max: category.maxLength, unit: category.unit } };
  }
  if (entry.authors.length === 0 || entry.authors.some((author) => !author.name)) issues.authors = { key: "authorNameRequired" };
  if (entry.parts.length > category.maxParts) issues.parts = { key: "tooManyParts", params: { max: category.maxParts } };
  else if (entry.parts.length === 1) issues.parts = { key: "seriesTooShort" };
  else {
    entry.parts.forEach((part, i) => {
      if (!part.title) issues[`parts.${i}.title`] = { key: "required" };
      if (!part.publishedAt) issues[`parts.${i}.publishedAt`] = { key: "required" };
      else if (!isPublishedInWindow(part.publishedAt, contest)) issues[`parts.${i}.publishedAt`] = { key: "publishedOutsideWindow", params: window };
    });
  }
  // Online works are judged at their URL; every other category needs the work itself attached.
  if (entry.attachmentTypes.length === 0 && !category.requiresUrl) issues.attachments = { key: "attachmentRequired" };
  else if (entry.attachmentTypes.length > category.maxFiles) issues.attachments = { key: "tooManyFiles", params: { max: category.maxFiles } };
  else if (entry.attachmentTypes.some((type) => !category.acceptedTypes.includes(type))) {
    issues.attachments = { key: "attachmentTypeForCategory", params: { accepted: category.acceptedTypes.map(typeLabel).join(", ") } };
  }
  return issues;
}

/** Content types an upload may have at all; each category narrows this list. */
export const UPLOAD_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "audio/mpeg": "MP3",
  "audio/mp4": "M4A",
  "video/mp4": "MP4",
};

export function typeLabel(contentType: string): string {
  return UPLOAD_TYPES[contentType] ?? contentType;
}

/** The extension a stored file is served with, from its detected type. */
export function typeExtension(contentType: string): string {
  return { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "audio/mpeg": "mp3", "audio/mp4": "m4a", "video/mp4": "mp4" }[contentType] ?? "bin";
}

/**
 * A file name a client sent, made safe to show and to put in Content-Disposition: no path,
 * no control characters, NFC, bounded length. It is display text, never used on disk.
 */
export function displayFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF"]/g, "")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 200);
  return cleaned || "file";
}
