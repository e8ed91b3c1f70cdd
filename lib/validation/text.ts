// Shared zod building blocks: every text a person types passes through text(), so it is
// stored as NFC, without invisible or control characters (the rule is below), and within a known length.
import { z } from "zod";
import { normalizeUrl } from "./url";

// The rule for invisible characters, in this order:
// - a zero-width space (U+200B) separates words that a copy from a web page or a word processor
//   meant to keep apart ("Nguyễn\u200BVăn"), so it becomes an ordinary space; deleting it would
//   join the words ("NguyễnVăn");
// - every other invisible format character (Unicode category Cf) is removed: zero-width joiner and
//   non-joiner, word joiner, the byte-order mark, the soft hyphen, bidirectional marks, embeddings,
//   overrides and isolates (which reorder text on screen) and the like;
// - C0/C1 control characters are removed too (tab, newline and carriage return are whitespace,
//   tidied below).
const ZERO_WIDTH_SPACE = /\u200B/g;
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

/** NFC, invisible characters removed (a zero-width space made a space), whitespace tidied; newlines kept only in multi-line text. */
export function cleanText(value: string, multiline = false): string {
  // NFC last: removing a character between a letter and its accent can leave a pair to compose.
  let text = value.replace(/\r\n?/g, "\n").replace(ZERO_WIDTH_SPACE, " ").replace(INVISIBLE, "").normalize("NFC");
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

/** An http(s) URL, or "" for none; https:// is added to an address typed without it. Other schemes (javascript:, data:) are refused. */
export const optionalUrl = () =>
  z
    .string()
    .transform((value) => normalizeUrl(cleanText(value)))
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
