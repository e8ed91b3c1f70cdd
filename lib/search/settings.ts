// Index settings as code. Each index is one definition; lib/search/indexer.ts builds any of
// them the same way (fresh index, settings, documents, swap), so an `entries` index for the
// contest is one more definition here plus its mapper.
import type { Settings } from "meilisearch";
import provinces from "../../content/taxonomies/provinces.json" with { type: "json" };
import { STOP_WORDS } from "./query-analysis";
import { foldText } from "./text";

export type IndexDefinition = {
  /** index name without the deployment prefix */
  name: string;
  primaryKey: string;
  settings: Settings;
};

/**
 * Spellings readers use for the same thing. Each group is expanded into mutual synonyms,
 * because Meilisearch synonyms are one-way, and each spelling is also listed without
 * diacritics, because Meilisearch looks synonyms up as typed: "uy ban nhan dan" found 4 stories
 * where "UBND" found 12. Dotted forms ("TP.HCM", "U.B.N.D") reach Meilisearch as one token
 * (lib/search/query-analysis.ts), the form listed here.
 */
export const SYNONYM_GROUPS = [
  // "tp.hcm", "sai gon": one city under its names.
  ["tphcm", "hcm", "tp hồ chí minh", "thành phố hồ chí minh", "sài gòn", "saigon"],
  // "ntm": the movement's short name.
  ["ntm", "nông thôn mới"],
  // "htx tom lua": the cooperative of Kênh Xáng.
  ["htx", "hợp tác xã"],
  // "ubnd phuong": the ward's people's committee.
  ["ubnd", "ủy ban nhân dân", "uỷ ban nhân dân"],
  ["cccd", "căn cước công dân"],
  ["thpt", "trung học phổ thông"],
  // "giao vien thcs": a lower-secondary teacher.
  ["thcs", "trung học cơ sở"],
  // "ccb hien dat": the veteran who gave his land.
  ["cựu chiến binh", "ccb"],
  // "daklak", "dac lac": the one-word spellings of Đắk Lắk seen in addresses.
  ["đắk lắk", "daklak", "dak lak", "dac lac"],
  ["đắk nông", "daknong"],
  // "hanoi", "danang": English one-word spellings of the cities.
  ["hà nội", "hanoi"],
  ["đà nẵng", "danang"],
  // English stories: "HCMC" and "Ho Chi Minh City".
  ["hcmc", "ho chi minh city"],
];

/**
 * Former provinces to the unit they joined on 1 July 2025, one way: "tuyen quang" also finds the
 * stories of Hà Giang (now part of Tuyên Quang), while "ha giang" does not return all of Tuyên
 * Quang. Built from content/taxonomies/provinces.json.
 */
export const FORMER_PROVINCE_SYNONYMS: Record<string, string[]> = (() => {
  const byCurrent = new Map<string, string[]>();
  for (const former of provinces.former) {
    const current = provinces.current.find((c) => c.slug === former.current);
    if (!current || current.slug === former.slug) continue;
    const names = byCurrent.get(current.name) ?? [];
    byCurrent.set(current.name, [...names, former.name]);
  }
  const synonyms: Record<string, string[]> = {};
  for (const [current, formers] of byCurrent) {
    const key = current.toLocaleLowerCase("vi");
    synonyms[key] = formers.map((f) => f.toLocaleLowerCase("vi"));
    synonyms[foldText(key)] = synonyms[key];
  }
  return synonyms;
})();

export { STOP_WORDS };

export function expandSynonyms(groups: readonly (readonly string[])[], oneWay: Record<string, string[]> = {}): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    const spellings = [...new Set(group.flatMap((word) => [word, foldText(word)]))];
    for (const word of spellings) synonyms[word] = spellings.filter((other) => other !== word && foldText(other) !== foldText(word));
  }
  for (const [key, values] of Object.entries(oneWay)) synonyms[key] = [...new Set([...(synonyms[key] ?? []), ...values])];
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
    // Both spellings ("và", "va"): stop words are matched as typed. The query analysis drops
    // them before the query is sent; here they keep "thảo quả và quế" adjacent in the index.
    stopWords: STOP_WORDS,
    // Abbreviations, other names of places, and former provinces under their current unit ("tuyen quang").
    synonyms: expandSynonyms(SYNONYM_GROUPS, FORMER_PROVINCE_SYNONYMS),
    typoTolerance: {
      enabled: true,
      // One typo (a swap counts as one) from five letters up: "Khnmer", "truogn", "sluaa" find
      // their word; off, "nong dan Khnmer" misses (judged set: success@3 0.981 off, 0.991 on).
      // Two typos only from nine letters, which no Vietnamese syllable reaches: "giang" must not
      // wander to "giống" twice over. One typo from four or six letters scored the same on the
      // set (npm run relevance -- --variants); "giang" -> "giống" is now kept out by the place filter.
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
