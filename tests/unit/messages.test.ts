import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { englishWordsIn, icuArguments, icuText, ISO_DATE, UNSEPARATED_QUANTITY } from "../support/vietnamese-text";

// The message files themselves: both languages say the same things with the same arguments, and
// no Vietnamese message carries an English word, an ISO date or a bare four-digit quantity.

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const vi = leaves(messages.vi as unknown as Tree);
const en = leaves(messages.en as unknown as Tree);

describe("message files", () => {
  it("have the same keys in both languages", () => {
    expect([...vi.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !vi.has(k))).toEqual([]);
  });

  it("take the same arguments in both languages", () => {
    const differ = [...vi].filter(([key, text]) => en.has(key) && icuArguments(text).join() !== icuArguments(en.get(key)!).join()).map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it("have no English UI or unit word in Vietnamese", () => {
    // Written in the other language on purpose (the page marks it with lang="en").
    // Editor.draftNote quotes a line of the story file as it is written (`draft: true`).
    const otherLanguage = new Set(["Nav.switchLocaleLabel", "Editor.draftNote"]);
    const found = [...vi].filter(([key]) => !otherLanguage.has(key)).flatMap(([key, text]) => englishWordsIn(icuText(text)).map((w) => `${key}: ${w}`));
    expect(found).toEqual([]);
  });

  it("write no ISO date and no unseparated quantity", () => {
    for (const [key, text] of [...vi, ...en]) {
      expect(ISO_DATE.test(icuText(text)), key).toBe(false);
      expect(UNSEPARATED_QUANTITY.test(icuText(text)), key).toBe(false);
    }
  });

  it("catch what they are meant to catch", () => {
    // The issue's own examples, so the checks above cannot pass by checking nothing.
    expect(englishWordsIn(icuText("tối đa {max} words mỗi kỳ"))).toEqual(["words"]);
    expect(englishWordsIn(icuText("tối đa {max, number} {unit, select, words {chữ} other {đơn vị}} mỗi kỳ"))).toEqual([]);
    expect(englishWordsIn("Vui lòng gửi tệp trong trường “file”.")).toEqual([]);
    expect(ISO_DATE.test("đã được rút ngày 2026-12-05")).toBe(true);
    expect(ISO_DATE.test("mã BC2026-0042")).toBe(false);
    expect(UNSEPARATED_QUANTITY.test("5000 chữ")).toBe(true);
    expect(UNSEPARATED_QUANTITY.test("1024 MB")).toBe(true);
    expect(UNSEPARATED_QUANTITY.test("5.000 chữ, 1.024 MB, năm 2026")).toBe(false);
    expect(icuArguments("{max, number} {unit, select, words {chữ} other {x}} {n}")).toEqual(["max", "n", "unit"]);
  });
});
