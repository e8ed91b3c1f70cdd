// The one schema of a story search's query string, used by GET /api/search (through the guard's
// `query` option: 422 on any bad field) and the search page (lenient: a bad field is dropped, the
// rest still searches).
import { z } from "zod";
import { fields, formerProvinces, currentProvinces, movements } from "@/lib/content/taxonomies";
import type { StoryQuery } from "./types";

// Beyond this Meilisearch stops counting (pagination.maxTotalHits 1000 / 12 per page).
const MAX_PAGE = 84;

const optionalValue = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

/** GET /api/search's query: each parameter at most once (the guard refuses a repeated one); others are ignored. */
export const storyQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    // NFC so decomposed input matches; control and private-use characters have no place in a query.
    .transform((q) => q.normalize("NFC").replace(/[\u0000-\u001f\u007f\uE000-\uF8FF]/g, " ").replace(/\s+/g, " ").trim())
    .default(""),
  locale: optionalValue(z.enum(["vi", "en", "all"])),
  movement: optionalValue(oneOf(movements.map((m) => m.slug))),
  province: optionalValue(oneOf([...new Set([...currentProvinces, ...formerProvinces].map((p) => p.slug))])),
  field: optionalValue(oneOf(fields.map((f) => f.slug))),
  year: optionalValue(z.string().refine((y) => /^\d{4}$/.test(y), { params: { key: "invalidYear" } }).transform(Number)),
  kind: optionalValue(z.enum(["individual", "collective"])),
  page: optionalValue(
    z
      .string()
      .refine((p) => /^[1-9]\d*$/.test(p), { params: { key: "invalidPage" } })
      .transform(Number)
      .pipe(z.number().max(MAX_PAGE)),
  ),
});

export type StoryQueryInput = z.output<typeof storyQuerySchema>;

/** The query a search runs: `defaultLocale` when none is given, every locale for "all". */
export function storyQueryFrom(input: StoryQueryInput, defaultLocale: "vi" | "en" | "all"): StoryQuery {
  const { locale = defaultLocale, page = 1, ...rest } = input;
  return { ...rest, locale: locale === "all" ? undefined : locale, page };
}

type Keys = keyof z.input<typeof storyQuerySchema>;
const KEYS = Object.keys(storyQuerySchema.shape) as Keys[];

export type ParsedQuery = { ok: true; query: StoryQuery } | { ok: false; fields: Partial<Record<Keys, string>> };

/**
 * Parses a search's query string. `defaultLocale` applies when no locale is given ("all" for the
 * API, the page's locale for the page); "locale=all" searches every locale. Unknown parameters
 * are ignored; a parameter given twice is an error.
 */
export function parseStoryQuery(params: URLSearchParams, defaultLocale: "vi" | "en" | "all"): ParsedQuery {
  const input: Partial<Record<Keys, string>> = {};
  const problems: Partial<Record<Keys, string>> = {};
  for (const key of KEYS) {
    const values = params.getAll(key);
    if (values.length > 1) problems[key] = "Given more than once";
    else if (values[0] !== undefined) input[key] = values[0];
  }
  const result = storyQuerySchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0] as Keys;
      problems[key] ??= issue.message;
    }
  }
  if (!result.success || Object.keys(problems).length > 0) return { ok: false, fields: problems };
  return { ok: true, query: storyQueryFrom(result.data, defaultLocale) };
}

/** Like parseStoryQuery, but a page drops the fields that are wrong and searches with the rest. */
export function parseStoryQueryLeniently(params: URLSearchParams, defaultLocale: "vi" | "en" | "all"): StoryQuery {
  const parsed = parseStoryQuery(params, defaultLocale);
  if (parsed.ok) return parsed.query;
  const kept = new URLSearchParams();
  for (const key of KEYS) {
    const value = params.getAll(key)[0];
    if (!(key in parsed.fields) && value !== undefined) kept.set(key, value);
  }
  const retried = parseStoryQuery(kept, defaultLocale);
  return retried.ok ? retried.query : { q: "", locale: defaultLocale === "all" ? undefined : defaultLocale, page: 1 };
}
