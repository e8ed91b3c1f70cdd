/** Serialises JSON-LD for a <script> tag; "<" is escaped so a title cannot close the tag. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
