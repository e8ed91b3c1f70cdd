// Search of contest entries for the secretariat and for jurors, on the private entries index.
// A juror's query is restricted here, on the server, to the entries assigned to them in an open
// round (filter jurorIds = caller); when any of their open rounds is blind, the search neither
// matches on nor returns authors, pen names or outlet. When Meilisearch cannot answer, the same
// searches run on the database (entries-fallback.ts) and say degraded: true.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { MultiSearchResponse, SearchResponse } from "meilisearch";
import type { Db } from "@/lib/db/client";
import { assignments, rounds } from "@/lib/db/schema";
import { componentLogger } from "@/lib/log";
import { forgetClients, openClients, type SearchBackend } from "./connection";
import { indexUid, isApiError } from "./indexer";
import { ENTRY_BLIND_RETRIEVABLE, ENTRY_BLIND_SEARCHABLE, ENTRY_FACETS, entriesIndex } from "./settings";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./story-query";
import { highlightToHtml } from "./highlight";
import { searchEntriesFallbackAsJuror, searchEntriesFallbackAsSecretariat } from "./entries-fallback";
import { defaultBackend } from "./stories";
import {
  ENTRY_HITS_PER_PAGE,
  type EntryFacetName,
  type JurorEntryQuery,
  type JurorEntrySearchResult,
  type SecretariatEntryQuery,
  type SecretariatEntrySearchResult,
} from "./entry-types";
import type { EntryDocument } from "./entry-index";

type RawHit = Partial<EntryDocument> & { id: string; _formatted?: { title?: string; summary?: string } };

const literal = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;
const highlighting = { attributesToHighlight: ["title", "summary"], highlightPreTag: HIGHLIGHT_PRE, highlightPostTag: HIGHLIGHT_POST };
const FACETS = Object.keys(ENTRY_FACETS) as EntryFacetName[];

/** What every entry hit carries, for the secretariat and jurors alike: highlights escaped. */
function baseHit(hit: RawHit) {
  return {
    id: hit.id,
    code: hit.code ?? "",
    title: highlightToHtml(hit._formatted?.title ?? hit.title ?? ""),
    snippet: highlightToHtml(hit._formatted?.summary ?? hit.summary ?? ""),
    category: hit.category ?? "",
    publishedAt: hit.publishedAt ?? null,
  };
}

let lastWarning = 0;
function warn(backend: SearchBackend, error: unknown) {
  if (isApiError(error, "invalid_api_key")) forgetClients(backend);
  if (Date.now() - lastWarning > 60_000) {
    lastWarning = Date.now();
    componentLogger("search").warn({ err: error }, "Meilisearch unavailable for entries, answering from the database");
  }
}

async function secretariatMeilisearch(backend: SearchBackend, query: SecretariatEntryQuery): Promise<SecretariatEntrySearchResult> {
  const { search } = await openClients(backend);
  const uid = indexUid(backend.indexPrefix, entriesIndex.name);
  const narrowed = FACETS.filter((name) => query[name] !== undefined);
  const filterFor = (except?: EntryFacetName) => narrowed.filter((n) => n !== except).map((n) => `${ENTRY_FACETS[n]} = ${literal(String(query[n]))}`);
  const common = { indexUid: uid, q: query.q, matchingStrategy: "all" as const };
  const main = {
    ...common,
    filter: filterFor(),
    facets: FACETS.filter((n) => !narrowed.includes(n)).map((n) => ENTRY_FACETS[n]),
    page: query.page,
    hitsPerPage: ENTRY_HITS_PER_PAGE,
    attributesToRetrieve: ["id", "code", "title", "summary", "category", "status", "eligibility", "outlet", "authorNames", "penNames", "publishedAt", "submittedAt"],
    ...highlighting,
  };
  const perFacet = narrowed.map((n) => ({ ...common, filter: filterFor(n), facets: [ENTRY_FACETS[n]], page: 1, hitsPerPage: 0 }));
  const { results } = (await search.multiSearch({ queries: [main, ...perFacet] })) as MultiSearchResponse<RawHit>;
  const [first, ...others] = results as SearchResponse<RawHit>[];
  if (!first) throw new Error("Meilisearch returned no result for the main query");
  const facets = Object.fromEntries(
    FACETS.map((n) => [n, (narrowed.includes(n) ? others[narrowed.indexOf(n)] : first)?.facetDistribution?.[ENTRY_FACETS[n]] ?? {}]),
  ) as Record<EntryFacetName, Record<string, number>>;
  return {
    query,
    hits: first.hits.map((hit) => ({
      ...baseHit(hit),
      status: hit.status ?? "submitted",
      eligibility: hit.eligibility ?? "pending",
      outlet: hit.outlet ?? "",
      authors: hit.authorNames ?? [],
      penNames: hit.penNames ?? [],
      submittedAt: hit.submittedAt ?? null,
    })),
    total: first.totalHits ?? 0,
    page: query.page,
    pageCount: first.totalPages ?? 0,
    facets,
    degraded: false,
  };
}

/** The secretariat's search of submitted and withdrawn entries (drafts are never indexed). */
export async function searchEntriesAsSecretariat(db: Db, query: SecretariatEntryQuery, backend: SearchBackend | undefined = defaultBackend): Promise<SecretariatEntrySearchResult> {
  if (backend) {
    try {
      return await secretariatMeilisearch(backend, query);
    } catch (error) {
      warn(backend, error);
    }
  }
  return searchEntriesFallbackAsSecretariat(db, query);
}

/** Blind unless every open round the juror is assigned in is not blind (no assignment: blind). */
export async function jurorSearchIsBlind(db: Db, jurorId: string): Promise<boolean> {
  const open = await db
    .selectDistinct({ blind: rounds.blind })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .where(and(eq(assignments.jurorId, jurorId), eq(rounds.status, "open")));
  return open.length === 0 || open.some((r) => r.blind);
}

async function jurorMeilisearch(backend: SearchBackend, jurorId: string, blind: boolean, query: JurorEntryQuery): Promise<JurorEntrySearchResult> {
  const { search } = await openClients(backend);
  const result = (await search.index(indexUid(backend.indexPrefix, entriesIndex.name)).search(query.q, {
    // The restriction to the caller's assignments: applied here, never taken from the request.
    filter: [`jurorIds = ${literal(jurorId)}`],
    matchingStrategy: "all",
    page: query.page,
    hitsPerPage: ENTRY_HITS_PER_PAGE,
    ...(blind ? { attributesToSearchOn: ENTRY_BLIND_SEARCHABLE } : {}),
    attributesToRetrieve: blind ? ENTRY_BLIND_RETRIEVABLE : [...ENTRY_BLIND_RETRIEVABLE, "outlet"],
    ...highlighting,
  })) as SearchResponse<RawHit>;
  return {
    query,
    hits: result.hits.map((hit) => ({ ...baseHit(hit), ...(blind ? {} : { outlet: hit.outlet ?? "" }) })),
    total: result.totalHits ?? 0,
    page: query.page,
    pageCount: result.totalPages ?? 0,
    blind,
    degraded: false,
  };
}

/** A juror's search of the entries assigned to them in open rounds. */
export async function searchEntriesAsJuror(db: Db, jurorId: string, query: JurorEntryQuery, backend: SearchBackend | undefined = defaultBackend): Promise<JurorEntrySearchResult> {
  const blind = await jurorSearchIsBlind(db, jurorId);
  if (backend) {
    try {
      return await jurorMeilisearch(backend, jurorId, blind, query);
    } catch (error) {
      warn(backend, error);
    }
  }
  return searchEntriesFallbackAsJuror(db, jurorId, blind, query);
}
