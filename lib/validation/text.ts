// Shared zod building blocks: every text a person types passes through text(), so it is
// stored as NFC, without invisible or control characters, and within a known length.
import { z } from "zod";

// Zero-width and bidirectional-override characters hide text or reorder it on screen; C0/C1
// control characters have no business in a form field (tab and newline are handled apart).
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** NFC, invisible characters removed, whitespace tidied; newlines kept only in multi-line text. */
export function cleanText(value: string, multiline = false): string {
  let text = value.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "");
  text = multiline ? text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n") : text.replace(/\s+/g, " ");
  return text.trim();
}

/** A cleaned string of at most `max` characters (and at least `min`, when given). */
export function text({ max, min = 0, multiline = false }: { max: number; min?: number; multiline?: boolean }) {
  return z
    .string()
    .transform((value) => cleanText(value, multiline))
    .pipe(min > 0 ? z.string().min(min).max(max) : z.string().max(max));
}

export const email = () =>
  z
    .string()
    .transform((value) => cleanText(value).toLowerCase())
    .pipe(z.email().max(254));

/** An http(s) URL, or "" for none. Other schemes (javascript:, data:) are refused. */
export const optionalUrl = () =>
  z
    .string()
    .transform((value) => cleanText(value))
    .pipe(
      z
        .string()
        .max(2000)
        .refine((value) => value === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value), { params: { key: "invalidUrl" } }),
    );

/** A calendar date written YYYY-MM-DD. */
export const isoDate = () =>
  z.string().refine(isCalendarDate, { params: { key: "invalidDate" } });

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
