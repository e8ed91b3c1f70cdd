// @ts-check
// Text helpers shared by the index mappers (run by scripts and the bench as plain Node) and
// the fallback search in the app. Pure functions, no I/O.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Diacritic- and case-folded text: "Đắk Lắk" -> "dak lak". @param {string} text */
export function foldText(text) {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/**
 * Folds text and keeps, for each folded character, the index of the original character it
 * came from, so a match found in folded text can be highlighted in the original.
 * @param {string} text NFC text
 * @returns {{ folded: string, origin: number[] }}
 */
export function foldWithOffsets(text) {
  let folded = "";
  /** @type {number[]} */
  const origin = [];
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

/** Words of folded text: letters and digits, the way a reader would split them. @param {string} text */
export function foldedWords(text) {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Readable plain text from an MDX body, for snippets and full-text matching: drops
 * markup (JSX/HTML tags, imports, code fences, heading and quote markers,
 * link targets, emphasis) and collapses whitespace.
 * @param {string} mdx
 */
export function plainTextFromMdx(mdx) {
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
