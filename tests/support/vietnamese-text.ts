// What a Vietnamese screen must not show: English UI and unit words, ISO dates, messages that
// were never written (next-intl prints their key), and big numbers without separators before a
// unit. Shared by the message files' unit test and the end-to-end walk over every page, so a word
// added here is checked in both places.

/**
 * English words that have turned up (or could) in Vietnamese UI: units first, then the UI's own
 * vocabulary. Words that are also Vietnamese ("to", "in", "no", "on", "an", "ban", "do") are left
 * out; names and abbreviations a Vietnamese reader uses as such (PDF, MB, Excel, CSV) are fine.
 */
export const ENGLISH_UI_WORDS = [
  // units
  "word", "words", "minute", "minutes", "photo", "photos", "page", "pages", "file", "files", "hour", "hours", "day", "days", "part", "parts", "point", "points",
  // UI vocabulary
  "submit", "submitted", "save", "saved", "saving", "cancel", "delete", "edit", "email", "e-mail", "password", "login", "logout", "signin", "signup",
  "account", "draft", "withdraw", "withdrawn", "entry", "entries", "jury", "juror", "jurors", "admin", "secretariat", "search", "results", "result",
  "loading", "error", "required", "invalid", "upload", "uploaded", "download", "deadline", "category", "title", "summary", "author", "authors",
  "link", "home", "menu", "filter", "filters", "settings", "status", "none", "total", "items", "prize", "prizes", "winner", "winners", "round", "rounds",
  "score", "scores", "yes", "back", "next", "previous", "more", "close", "open", "closed", "receipt", "code", "share",
  // glue words that mean an untranslated sentence
  "the", "and", "of", "with", "from", "for", "your", "you", "please", "not",
  // what a value printed raw looks like
  "undefined", "null", "NaN", "true", "false",
] as const;

const ENGLISH = new Set<string>(ENGLISH_UI_WORDS.map((w) => w.toLowerCase()));

/** Text between typographic quotes that is plain ASCII names a technical thing ("trường “file”"), not a word of the sentence. */
const QUOTED_TOKEN = /“[\x21-\x7e]+”/g;

/** The English UI words in a Vietnamese text, in order. Letters with Vietnamese marks split nothing: "đơn" is one word, not "n". */
export function englishWordsIn(text: string): string[] {
  const words = text.replace(QUOTED_TOKEN, " ").match(/[\p{L}][\p{L}\p{M}'-]*/gu) ?? [];
  return words.filter((w) => ENGLISH.has(w.toLowerCase()));
}

/** "2026-12-05", alone or starting an ISO instant: never what a person should read. */
export const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}[^\s]*)?\b/;

/** "5000 chữ", "1024 MB": a quantity of four digits or more with a unit, written without the locale's separator. */
export const UNSEPARATED_QUANTITY = /\b\d{4,}\s?(chữ|phút|ảnh|trang|tệp|kỳ|MB|KB|GB|words?|minutes?|photos?|pages?|files?|parts?)(?![\p{L}])/u;

type Parsed = { text: string; args: Set<string> };

/** A small reader of ICU messages (arguments, `number`/`date` formats, select and plural branches): enough for the checks here. */
function parseIcu(message: string): Parsed {
  const args = new Set<string>();
  let i = 0;
  const body = (): string => {
    let text = "";
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") {
        i++;
        text += ` ${argument()} `;
      } else text += message[i++] === "#" ? " " : message[i - 1];
    }
    return text;
  };
  const argument = (): string => {
    const close = message.slice(i).search(/[,}]/);
    const name = message.slice(i, i + close).trim();
    args.add(name);
    i += close;
    if (message[i] === "}") {
      i++;
      return "";
    }
    i++; // ","
    const typeEnd = message.slice(i).search(/[,}]/);
    const type = message.slice(i, i + typeEnd).trim();
    i += typeEnd;
    if (message[i] === "}") {
      i++;
      return "";
    }
    i++; // ","
    if (type !== "select" && type !== "plural" && type !== "selectordinal") {
      i = message.indexOf("}", i) + 1; // a style: "{d, date, short}"
      return "";
    }
    let text = "";
    while (i < message.length && message[i] !== "}") {
      const open = message.indexOf("{", i);
      i = open + 1;
      text += ` ${body()} `;
      i++; // the branch's "}"
      while (/\s/.test(message[i] ?? "")) i++;
    }
    i++;
    return text;
  };
  const text = body();
  return { text, args };
}

/** The text of an ICU message as a reader sees it: argument names and select/plural keys removed, the words of every branch kept. */
export function icuText(message: string): string {
  return parseIcu(message).text;
}

/** The arguments a message takes: "{max, number} {unit, select, …}" takes max and unit. */
export function icuArguments(message: string): string[] {
  return [...parseIcu(message).args].sort();
}
