// Index settings as code. Each index is one definition; lib/search/indexer.ts builds any of
// them the same way (fresh index, settings, documents, swap), so an `entries` index for the
// contest is one more definition here plus its mapper.
import type { Settings } from "meilisearch";

export type IndexDefinition = {
  /** index name without the deployment prefix */
  name: string;
  primaryKey: string;
  settings: Settings;
};

/**
 * Spellings readers use for the same thing. Each group is expanded into mutual synonyms,
 * because Meilisearch synonyms are one-way.
 */
export const SYNONYM_GROUPS = [
  ["tp.hcm", "tphcm", "tp hcm", "tp. hồ chí minh", "thành phố hồ chí minh", "hồ chí minh", "sài gòn"],
  ["ntm", "nông thôn mới"],
  ["htx", "hợp tác xã"],
  ["ubnd", "ủy ban nhân dân"],
  ["cccd", "căn cước công dân"],
  ["thpt", "trung học phổ thông"],
  ["thcs", "trung học cơ sở"],
  ["cựu chiến binh", "ccb"],
  ["đắk lắk", "daklak"],
  ["đắk nông", "daknong"],
];

/** Words too common to narrow a search; dropped from queries (the fallback drops the same). */
// Short words that are also names ("an" in An Giang, "a" in "giải A") are deliberately absent.
export const STOP_WORDS = ["và", "của", "các", "những", "the", "of", "and", "for"];

export function expandSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) synonyms[word] = group.filter((other) => other !== word);
  }
  return synonyms;
}

/** Attributes searched, most important first (the order is the "attribute" ranking rule). */
export const STORY_SEARCHABLE = ["title", "subjectName", "tags", "summary", "placeNames", "movementName", "fieldName", "role", "award", "text"];

/** Facet names in URLs and responses, and the document attribute each one filters. */
export const STORY_FACETS = {
  locale: "locale",
  movement: "movement",
  province: "provinces",
  field: "field",
  year: "year",
  kind: "subjectKind",
} as const;

export const storiesIndex: IndexDefinition = {
  name: "stories",
  primaryKey: "id",
  settings: {
    searchableAttributes: STORY_SEARCHABLE,
    filterableAttributes: Object.values(STORY_FACETS),
    // Nothing sorts explicitly: relevance first, then the newest story (last ranking rule).
    sortableAttributes: [],
    // The body (`text`) is searched but never sent back: snippets come from the summary.
    displayedAttributes: ["id", "locale", "slug", "url", "title", "summary", "cover", "province", "provinceUnit", "movement", "field", "year", "subjectKind", "publishedAt", "indexStamp"],
    rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "publishedTimestamp:desc"],
    stopWords: STOP_WORDS,
    synonyms: expandSynonyms(SYNONYM_GROUPS),
    typoTolerance: {
      enabled: true,
      // One typo from five letters up: "giáoo", "truongg" still find their word.
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    },
    // Slugs of the 34 current units and the 63 former provinces are all facet values.
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 1000 },
  },
};

/**
 * Attributes of the private entries index searched, most important first. Authors' names,
 * pen names and the outlet identify the author: a juror in a blind round never searches them
 * (lib/search/entries.ts passes ENTRY_BLIND_SEARCHABLE as attributesToSearchOn).
 */
export const ENTRY_SEARCHABLE = ["code", "title", "authorNames", "penNames", "outlet", "summary", "categoryName"];
/** What a juror in a blind round may search on and get back: nothing that names or points to an author. */
export const ENTRY_BLIND_SEARCHABLE = ["code", "title", "summary", "categoryName"];
export const ENTRY_BLIND_RETRIEVABLE = ["id", "code", "title", "summary", "category", "publishedAt"];

/** Facet names in the secretariat's URLs and responses, and the attribute each one filters. */
export const ENTRY_FACETS = { status: "status", category: "category" } as const;

export const entriesIndex: IndexDefinition = {
  name: "entries",
  primaryKey: "id",
  settings: {
    searchableAttributes: ENTRY_SEARCHABLE,
    filterableAttributes: ["contestId", "status", "category", "eligibility", "jurorIds"],
    sortableAttributes: ["submittedTimestamp"],
    // jurorIds are account ids: filtered on, never sent back.
    displayedAttributes: ["id", "contestId", "code", "status", "category", "title", "summary", "outlet", "authorNames", "penNames", "eligibility", "publishedAt", "submittedAt"],
    rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "submittedTimestamp:desc"],
    stopWords: STOP_WORDS,
    synonyms: expandSynonyms(SYNONYM_GROUPS),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    faceting: { maxValuesPerFacet: 20 },
    pagination: { maxTotalHits: 1000 },
  },
};

/**
 * Attributes of the public winners index searched, most important first. It holds only the
 * prize-winning entries of contests whose results are published, with what the results page
 * shows: never a score, a juror, an e-mail or an entry that did not win.
 */
export const WINNER_SEARCHABLE = ["title", "authorNames", "penNames", "outlet", "prizeNames", "categoryNames", "code", "year", "summary"];

export const winnersIndex: IndexDefinition = {
  name: "winners",
  primaryKey: "id",
  settings: {
    searchableAttributes: WINNER_SEARCHABLE,
    filterableAttributes: ["year"],
    sortableAttributes: [],
    // The id is the entry's database id: used to replace and delete documents, never sent back.
    displayedAttributes: ["code", "year", "tier", "category", "categoryNames", "title", "summary", "outlet", "authorNames", "penNames"],
    rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "year:desc"],
    stopWords: STOP_WORDS,
    synonyms: expandSynonyms(SYNONYM_GROUPS),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 1000 },
  },
};
