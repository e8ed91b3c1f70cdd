// Types and query-string schemas of the private entries search (secretariat and jurors).
import { z } from "zod";
import { CATEGORY_CODES } from "@/lib/db/schema";

export const ENTRY_HITS_PER_PAGE = 20;
// Meilisearch counts the first 1,000 hits (pagination.maxTotalHits).
const MAX_PAGE = Math.floor(1000 / ENTRY_HITS_PER_PAGE);

const blankAsAbsent = (v: unknown) => (v === "" || v === null ? undefined : v);
const q = z
  .string()
  .max(200)
  .transform((s) => s.normalize("NFC").replace(/[\u0000-\u001f\u007f\uE000-\uF8FF]/g, " ").replace(/\s+/g, " ").trim())
  .default("");
const page = z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).max(MAX_PAGE).default(1));

export const secretariatEntryQuery = z
  .object({
    q: z.preprocess(blankAsAbsent, q),
    status: z.preprocess(blankAsAbsent, z.enum(["submitted", "withdrawn"]).optional()),
    category: z.preprocess(blankAsAbsent, z.enum(CATEGORY_CODES).optional()),
    page,
  })
  .strict();
export type SecretariatEntryQuery = z.infer<typeof secretariatEntryQuery>;

export const jurorEntryQuery = z.object({ q: z.preprocess(blankAsAbsent, q), page }).strict();
export type JurorEntryQuery = z.infer<typeof jurorEntryQuery>;

export type EntryFacetName = "status" | "category";

export type SecretariatEntryHit = {
  id: string;
  code: string;
  /** HTML: escaped text with <mark> around matched words. */
  title: string;
  /** HTML: the summary, escaped, with <mark> around matched words. */
  snippet: string;
  category: string;
  status: "submitted" | "withdrawn";
  eligibility: "eligible" | "ineligible" | "pending";
  outlet: string;
  authors: string[];
  penNames: string[];
  publishedAt: string | null;
  submittedAt: string | null;
};

export type SecretariatEntrySearchResult = {
  query: SecretariatEntryQuery;
  hits: SecretariatEntryHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: Record<EntryFacetName, Record<string, number>>;
  degraded: boolean;
};

/** What a juror gets back: in a blind round nothing that names or points to an author. */
export type JurorEntryHit = {
  id: string;
  code: string;
  title: string;
  snippet: string;
  category: string;
  publishedAt: string | null;
  /** Only when none of the caller's open rounds is blind. */
  outlet?: string;
};

export type JurorEntrySearchResult = {
  query: JurorEntryQuery;
  hits: JurorEntryHit[];
  total: number;
  page: number;
  pageCount: number;
  blind: boolean;
  degraded: boolean;
};
