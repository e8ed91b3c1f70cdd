/** Letters and digits only, lower case, without diacritics (đ → d), words single-spaced. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// A one- or two-letter pen name would be found in almost any text.
const MIN_NAME = 3;

/**
 * The names (as written by the entry) that appear as whole words in any of the texts, compared
 * in NFC, case- and diacritic-insensitively: "Nguyễn Văn An" is found in "NGUYEN VAN AN".
 */
export function findBylines(names: readonly string[], texts: readonly string[]): string[] {
  const haystack = ` ${texts.map(foldText).join(" ")} `;
  const found = new Set<string>();
  for (const name of names) {
    const needle = foldText(name.normalize("NFC"));
    if (needle.replace(/ /g, "").length < MIN_NAME) continue;
    if (haystack.includes(` ${needle} `)) found.add(name.normalize("NFC").trim());
  }
  return [...found];
}
