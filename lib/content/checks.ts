// Cross-field checks on one story that contentlayer's field types cannot express.
// contentlayer.config.ts runs it at content build time; the unit tests import it too.

const TEXT_FIELDS = ["title", "subjectName", "role", "summary", "coverAlt", "award", "byline", "source"];
// Optional: absent is fine, but present must say something.
const OPTIONAL_TEXT = new Set(["award", "byline", "source"]);

/** The frontmatter fields the checks read; any others are looked up by name. */
export type StoryFields = { locale: string; slug: string; cover: string; tags: string[]; [field: string]: unknown };

export type StoryCheckContext = {
  folderLocale: string | undefined;
  coverExists: (publicPath: string) => boolean;
  known?: { movement: Set<string>; field: Set<string>; province: Set<string> };
  /** Provinces' Vietnamese and English names (content/taxonomies/provinces.json), for the place-name rule. */
  placeNames?: { name: string; nameEn: string }[];
};

/** Problems with one story's frontmatter, each naming the field. */
export function storyProblems(doc: StoryFields, context: StoryCheckContext): string[] {
  const problems: string[] = [];
  if (context.folderLocale && context.folderLocale !== doc.locale) {
    problems.push(`locale: "${doc.locale}" but the file is in the "${context.folderLocale}" folder`);
  }
  // contentlayer's enum type does not reject unknown values, so taxonomy references are checked here.
  for (const [field, values] of Object.entries(context.known ?? {})) {
    if (!values.has(String(doc[field]))) problems.push(`${field}: "${doc[field]}" is not in content/taxonomies`);
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(doc.slug)) {
    problems.push(`slug: "${doc.slug}" must be lowercase ASCII words joined by hyphens`);
  }
  for (const field of TEXT_FIELDS) {
    const value = doc[field];
    if (typeof value === "string" && value.normalize("NFC") !== value) {
      problems.push(`${field}: text is not Unicode NFC (save the file as NFC)`);
    }
    if (typeof value === "string" && value.trim() === "" && !OPTIONAL_TEXT.has(field)) {
      problems.push(`${field}: must not be empty`);
    }
  }
  if (typeof doc.summary === "string" && doc.summary.length > 300) {
    problems.push(`summary: ${doc.summary.length} characters; keep it under 300`);
  }
  if (!/^\/covers\/[\w.-]+\.(svg|png|jpg|webp)$/.test(doc.cover)) {
    problems.push(`cover: "${doc.cover}" must be a file under /covers/`);
  } else if (!context.coverExists(doc.cover)) {
    problems.push(`cover: public${doc.cover} does not exist`);
  }
  if (Array.from(doc.tags).length === 0) problems.push("tags: list at least one tag");
  if (doc.sourceUrl !== undefined && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(String(doc.sourceUrl))) {
    problems.push(`sourceUrl: "${doc.sourceUrl}" must be an https:// address`);
  }
  if (doc.sourceUrl !== undefined && doc.source === undefined) problems.push("sourceUrl: give the source's name in source too");
  if (doc.locale === "en") problems.push(...englishPlaceNameProblems(doc, context.placeNames ?? []));
  return problems;
}

/**
 * The place-name rule (README, "Writing a story"): in English, Vietnamese places are written
 * without diacritics, as the province's `nameEn` spells it ("Lai Chau", not "Lai Châu"); names of
 * people keep theirs. Checked on every text field and the body of an English story.
 */
export function englishPlaceNameProblems(doc: StoryFields, placeNames: { name: string; nameEn: string }[]): string[] {
  const body = (doc.body as { raw?: string } | undefined)?.raw ?? "";
  const texts: [string, string][] = [...TEXT_FIELDS.map((f): [string, string] => [f, typeof doc[f] === "string" ? (doc[f] as string) : ""]), ["body", body]];
  const problems: string[] = [];
  for (const { name, nameEn } of placeNames) {
    if (name === nameEn) continue;
    const accented = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u");
    for (const [field, text] of texts) {
      if (accented.test(text.normalize("NFC"))) problems.push(`${field}: writes "${name}"; in English, place names are written without diacritics: "${nameEn}"`);
    }
  }
  return problems;
}

/** What the checks need to know of one title or form of content/taxonomies/commendations.json. */
export type KnownCommendation = { subjects: readonly string[]; classes?: readonly string[] };

// "1520/QĐ-TTg", "2468/QĐ-UBND", "35/QĐ-BGDĐT": a number, "QĐ" and the issuer's abbreviation.
const DECISION_NUMBER = /^\d{1,6}\/QĐ-\p{Lu}[\p{L}\d]*(?:-[\p{Lu}\d][\p{L}\d]*)*$/u;
// No commendation of the Republic predates its founding in 1945.
const FIRST_YEAR = 1945;

/**
 * Problems with a story's structured recognition (`recognition: { form, class?, year, decision? }`),
 * each naming the field: the form must be a title or form of the Law on Emulation and Commendation
 * given to this kind of subject, with its class when it has classes, in a year no later than the
 * story; and the story must still say it in words (`award`), which is what readers see.
 */
export function recognitionProblems(doc: { [field: string]: unknown }, commendations: ReadonlyMap<string, KnownCommendation>): string[] {
  const recognition = doc.recognition as { form?: unknown; class?: unknown; year?: unknown; decision?: unknown } | undefined | null;
  if (recognition === undefined || recognition === null) return [];
  const problems: string[] = [];
  if (typeof doc.award !== "string" || doc.award.trim() === "") problems.push("award: a story with a recognition says it in words too (the text readers see)");
  const form = commendations.get(String(recognition.form));
  if (!form) {
    problems.push(`recognition.form: "${recognition.form}" is not in content/taxonomies/commendations.json`);
  } else {
    if (typeof doc.subjectKind === "string" && !form.subjects.includes(doc.subjectKind)) {
      problems.push(`recognition.form: "${recognition.form}" is not given to a subject of kind "${doc.subjectKind}"`);
    }
    if (form.classes && recognition.class === undefined) problems.push(`recognition.class: "${recognition.form}" has classes; name one of ${form.classes.join(", ")}`);
    if (recognition.class !== undefined && !(form.classes ?? []).includes(String(recognition.class))) {
      problems.push(`recognition.class: "${recognition.class}" is not a class of "${recognition.form}"`);
    }
  }
  const storyYear = Number(String(doc.publishedAt ?? "").slice(0, 4));
  const year = recognition.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < FIRST_YEAR || (Number.isFinite(storyYear) && storyYear > 0 && year > storyYear)) {
    problems.push(`recognition.year: ${year} must be a year from ${FIRST_YEAR} to the story's own year`);
  }
  if (recognition.decision !== undefined && (typeof recognition.decision !== "string" || !DECISION_NUMBER.test(recognition.decision))) {
    problems.push(`recognition.decision: "${recognition.decision}" must be a decision number such as 1520/QĐ-TTg`);
  }
  return problems;
}
