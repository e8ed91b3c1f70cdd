// Text helpers shared by the index mappers (run by the scripts and the bench too) and
// the fallback search in the app. Pure functions, no I/O.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Diacritic- and case-folded text: "Đắk Lắk" -> "dak lak". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/**
 * Folds (NFC) text and keeps, for each folded character, the index of the original character it
 * came from, so a match found in folded text can be highlighted in the original.
 */
export function foldWithOffsets(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = foldText(char);
    folded += f;
    for (let i = 0; i < f.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Words of folded text: letters and digits, the way a reader would split them. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Readable plain text from an MDX body, for snippets and full-text matching: drops
 * markup (JSX/HTML tags, imports, code fences, heading and quote markers,
 * link targets, emphasis) and collapses whitespace.
 */
export function plainTextFromMdx(mdx: string): string {
  return mdx
    .normalize("NFC")
    .replace(/^(import|export)\s.*$/gm, " ")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/(\*\*|__|\*|_|`)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}
