// What a reader's query says before Meilisearch sees it: the words that carry meaning (stop
// words dropped in both spellings), abbreviations written one way ("TP.HCM", "U.B.N.D" ->
// "tphcm", "ubnd", the forms the synonyms know), and a place named in it, current or former,
// with or without diacritics ("ha giang", "Hà Giang", "tỉnh Hà Giang", "Saigon"). Pure: no I/O,
// shared by the server, the fallback, the relevance script and the bench.
import provinces from "../../content/taxonomies/provinces.json" with { type: "json" };
import { foldText } from "./text";

/**
 * Words too common to narrow a search, in both spellings: "qua va que" found nothing while
 * "thảo quả và quế" found the story, because only "và" was a stop word and every word had to match.
 * Short words that are also names ("an" in An Giang, "a" in "giải A") are deliberately absent.
 */
export const STOP_WORDS = ["và", "va", "của", "cua", "các", "cac", "những", "nhung", "the", "of", "and", "for"];
// Compared as typed (lower case): "vả" or "cứa" are words, not a misspelt "và" or "của".
const STOP = new Set(STOP_WORDS);

/**
 * Abbreviations readers type with dots or spaces, each written as the one token the synonyms
 * list (lib/search/settings.ts): "TP. HCM" would otherwise be the two words "tp" and "hcm".
 */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bt\.?\s*p\.?\s*h\.?\s*c\.?\s*m\b\.?/giu, "tphcm"],
  [/\bu\.\s*b\.\s*n\.\s*d\b\.?/giu, "ubnd"],
  [/\bh\.\s*t\.\s*x\b\.?/giu, "htx"],
  [/\bt\.\s*h\.\s*c\.\s*s\b\.?/giu, "thcs"],
  [/\bt\.\s*h\.\s*p\.\s*t\b\.?/giu, "thpt"],
  [/\bn\.\s*t\.\s*m\b\.?/giu, "ntm"],
];

/** The abbreviations the synonyms expand, as the analysis writes them (unit-tested). */
export const KNOWN_ABBREVIATIONS = ["tphcm", "hcm", "ubnd", "htx", "thcs", "thpt", "ntm", "ccb", "cccd"] as const;

/**
 * Other names of a unit that readers use: "Sài Gòn" and "TP.HCM" for Hồ Chí Minh City, the
 * one-word English spellings. Keys are slugs of provinces.json.
 */
const PLACE_ALIASES: Record<string, string[]> = {
  // Not "Hồ Chí Minh" alone: "làm theo tư tưởng, đạo đức Hồ Chí Minh" names the man, not the city.
  "ho-chi-minh": ["sài gòn", "saigon", "tphcm", "hcm", "hcmc", "tp hồ chí minh", "ho chi minh city"],
  "ha-noi": ["hanoi"],
  "da-nang": ["danang"],
  "dak-lak": ["daklak", "dac lac"],
  "dak-nong": ["daknong"],
  "hue": ["thành phố huế"],
  "ba-ria-vung-tau": ["vũng tàu", "brvt"],
};

/** Words that may stand before a place name and belong to it ("tỉnh Hà Giang", "TP Huế"). */
const PLACE_PREFIXES = [["tỉnh"], ["thành", "phố"], ["tp"]].map((words) => words.map(foldText));

export type PlaceName = { slug: string; words: string[]; folded: string[]; current: boolean };

const currentSlugs = new Set(provinces.current.map((p) => p.slug));

function placeNames(): PlaceName[] {
  const names: PlaceName[] = [];
  const add = (slug: string, name: string) => {
    const words = name.normalize("NFC").toLocaleLowerCase("vi").split(/[\s–-]+/u).filter(Boolean);
    names.push({ slug, words, folded: words.map(foldText), current: currentSlugs.has(slug) });
  };
  for (const unit of [...provinces.current, ...provinces.former]) {
    add(unit.slug, unit.name);
    add(unit.slug, unit.nameEn);
  }
  for (const [slug, aliases] of Object.entries(PLACE_ALIASES)) for (const alias of aliases) add(slug, alias);
  // Longest names first, so "Thừa Thiên Huế" wins over "Huế" and "Bà Rịa – Vũng Tàu" over "Vũng Tàu".
  return names.sort((a, b) => b.words.length - a.words.length);
}

const PLACES = placeNames();

export type QueryWord = {
  /** as typed (NFC, lower case) */
  text: string;
  folded: string;
};

export type RecognizedPlace = {
  /** slug of provinces.json: a current unit or a former province */
  slug: string;
  /** the words of the query that named it (with "tỉnh", "thành phố" before them) */
  words: string[];
};

export type AnalyzedQuery = {
  /** words that carry meaning, in order: stop words dropped, abbreviations in one form */
  words: QueryWord[];
  /** the words joined: what Meilisearch is asked */
  text: string;
  /** the words that were dropped as stop words */
  stopWords: string[];
  /** known abbreviations found in the query */
  abbreviations: string[];
  place?: RecognizedPlace;
  /** `text` without the place's words: what is searched inside the place */
  rest: string;
};

const hasDiacritics = (word: string) => foldText(word) !== word.toLocaleLowerCase("vi");

/**
 * Does `name` start at `words[at]`? Folded, so a wrong tone mark still names the place ("Hà Giảng"),
 * except a one-word name typed with diacritics, which must match them: "huệ" is a flower and a
 * given name, not "Huế".
 */
function matchesAt(words: readonly QueryWord[], at: number, name: PlaceName): boolean {
  if (at + name.words.length > words.length) return false;
  return name.words.every((nameWord, i) => {
    const word = words[at + i]!;
    return name.words.length === 1 && hasDiacritics(word.text) ? word.text === nameWord : word.folded === name.folded[i];
  });
}

function findPlace(words: readonly QueryWord[]): { place: RecognizedPlace; start: number; end: number } | undefined {
  for (let at = 0; at < words.length; at++) {
    for (const name of PLACES) {
      if (!matchesAt(words, at, name)) continue;
      let start = at;
      for (const prefix of PLACE_PREFIXES) {
        const from = at - prefix.length;
        if (from >= 0 && prefix.every((p, i) => words[from + i]!.folded === p)) {
          start = from;
          break;
        }
      }
      const end = at + name.words.length;
      return { place: { slug: name.slug, words: words.slice(start, end).map((w) => w.text) }, start, end };
    }
  }
  return undefined;
}

/** Splits, normalises and reads a query (see the module's header). */
export function analyzeQuery(q: string): AnalyzedQuery {
  let text = q.normalize("NFC").toLocaleLowerCase("vi");
  const abbreviations = new Set<string>();
  for (const [pattern, token] of ABBREVIATIONS) text = text.replace(pattern, ` ${token} `);
  const all = (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => ({ text: w, folded: foldText(w) }));
  for (const word of all) if ((KNOWN_ABBREVIATIONS as readonly string[]).includes(word.folded)) abbreviations.add(word.folded);
  const stopWords = all.filter((w) => STOP.has(w.text)).map((w) => w.text);
  // A query of nothing but stop words still means something ("the"): keep it as typed.
  const words = stopWords.length === all.length ? all : all.filter((w) => !STOP.has(w.text));
  const found = findPlace(words);
  const join = (list: readonly QueryWord[]) => list.map((w) => w.text).join(" ");
  return {
    words,
    text: join(words),
    stopWords: stopWords.length === all.length ? [] : stopWords,
    abbreviations: [...abbreviations],
    place: found?.place,
    rest: found ? join([...words.slice(0, found.start), ...words.slice(found.end)]) : join(words),
  };
}
