// Highlights arrive as private-use placeholder characters around matched words (from
// Meilisearch or the fallback). The text is HTML-escaped first and only then are the
// placeholders turned into <mark>, so a story title containing markup can never inject it.
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./story-query";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escaped HTML with balanced <mark> elements, whatever placeholders the input holds. */
export function highlightToHtml(text: string): string {
  let html = "";
  let open = false;
  for (const char of text) {
    if (char === HIGHLIGHT_PRE) {
      if (!open) html += "<mark>";
      open = true;
    } else if (char === HIGHLIGHT_POST) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? html + "</mark>" : html;
}

/** Wraps [start, end) ranges of `text` (sorted, not overlapping) in highlight placeholders. */
export function markRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + HIGHLIGHT_PRE + text.slice(start, end) + HIGHLIGHT_POST;
    at = end;
  }
  return out + text.slice(at);
}
