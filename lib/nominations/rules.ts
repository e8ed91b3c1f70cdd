// The nomination's rules as pure functions: who a nomination is about (for merging), what is a
// self-nomination, which step may follow which, what the nominator is shown, and the story draft
// an accepted nomination becomes. No I/O here.
import { randomInt } from "node:crypto";
import { currentUnitOf } from "@/lib/content/taxonomies";
import { foldText } from "@/lib/search/text";
import type { NominationCheck, NominationStatus } from "@/lib/contest/vocabulary";
import { NOMINATION_CHECKS } from "@/lib/contest/vocabulary";

/** Lower-case, no diacritics (đ → d, as search folds), words separated by one space. */
export function foldName(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Honorifics a nominator may put before a name; "bà Nguyễn Thị Lan" is Nguyễn Thị Lan.
const HONORIFICS = new Set(["ong", "ba", "anh", "chi", "co", "chu", "bac", "em", "mr", "mrs", "ms", "dr"]);

function bareName(name: string): string {
  const words = foldName(name).split(" ");
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  return words.join(" ");
}

/**
 * Nominations of the same person are merged: same kind, same name (folded, honorifics off), and
 * the same current provincial unit (a former province counts as the unit it now belongs to).
 */
export function nomineeKey(nominee: { kind: string; name: string; province: string }): string {
  const unit = currentUnitOf(nominee.province)?.slug ?? nominee.province;
  return `${nominee.kind}|${unit}|${bareName(nominee.name)}`;
}

/** Nobody nominates themselves: the nominator's name is the nominee's, or a referee is the nominator. */
export function selfNominationFields(input: { nominee: { name: string }; nominator: { name: string; email: string; phone: string }; referees?: { name: string; contact: string }[] }): string[] {
  const fields: string[] = [];
  if (bareName(input.nominator.name) === bareName(input.nominee.name)) fields.push("nominator.name");
  const own = [foldName(input.nominator.email), input.nominator.phone.replace(/\D/g, "")].filter((v) => v.length >= 6);
  (input.referees ?? []).forEach((r, i) => {
    const contact = foldName(r.contact);
    const digits = r.contact.replace(/\D/g, "");
    if (bareName(r.name) === bareName(input.nominator.name) || own.includes(contact) || own.includes(digits)) fields.push(`referees.${i}.contact`);
  });
  return fields;
}

const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** "DC-7KQ2M9XA": short enough to read out on the phone, never a database id. */
export function newNominationCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `DC-${code}`;
}

/** What the nominator's link shows: the five steps of the issue, not the editors' inner states. */
export type FollowStep = "unconfirmed" | "received" | "reviewing" | "accepted" | "rejected" | "published";
export function followStep(status: NominationStatus): FollowStep {
  return status === "moreInfo" ? "reviewing" : status;
}

/** The editors' actions and the states each may be taken from. */
export type EditorAction = "review" | "askMore" | "reject" | "accept" | "consentLink" | "published";
const FROM: Record<EditorAction, readonly NominationStatus[]> = {
  review: ["received", "reviewing", "moreInfo"],
  askMore: ["received", "reviewing", "moreInfo"],
  reject: ["received", "reviewing", "moreInfo"],
  accept: ["received", "reviewing", "moreInfo"],
  consentLink: ["received", "reviewing", "moreInfo", "accepted"],
  published: ["accepted"],
};

export function mayAct(action: EditorAction, status: NominationStatus): boolean {
  return FROM[action].includes(status);
}

/**
 * Why a nomination cannot be accepted yet, if it cannot: every item of the checklist done, and
 * the nominee's consent given (nothing about them may become public without it).
 */
export function acceptRefusal(n: { checklist: Partial<Record<NominationCheck, boolean>>; consentAt: Date | null }): "checklistIncomplete" | "consentMissing" | null {
  if (!NOMINATION_CHECKS.every((c) => n.checklist[c] === true)) return "checklistIncomplete";
  if (!n.consentAt) return "consentMissing";
  return null;
}

/** When a rejected (or never confirmed) nomination is deleted, with its files. */
export function purgeCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 3600 * 1000);
}

/** "Nguyễn Thị Lan" → "nguyen-thi-lan": lower-case ASCII words joined by hyphens (the content checks' rule). */
export function slugify(text: string): string {
  return foldName(text).replace(/[^a-z0-9 ]/g, "").trim().replace(/\s+/g, "-").slice(0, 80).replace(/-+$/, "") || "de-cu";
}

/**
 * Text typed by the public, made inert in an MDX body and still readable for the editor who
 * finishes it: the marks MDX or Markdown read as syntax anywhere in a line are backslash-escaped
 * (`{…}` cannot become an expression, `<…>` a component or HTML, `*_[]` emphasis or a link, `&`
 * an entity), and so is what would open a block at a line's start (a list, a rule, a setext
 * heading). Commas, full stops and the other marks of prose stay as written. A line that begins
 * with `import`/`export` (MDX's ES module syntax) starts with a character reference instead.
 */
export function escapeMdx(text: string): string {
  return text
    .normalize("NFC")
    .split("\n")
    .map((line) => {
      const escaped = line
        .replace(/[\\`*_{}[\]<>#|~&]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([-+=])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
      return /^\s*(import|export)\b/i.test(escaped) ? escaped.replace(/^(\s*)(\S)/, (_m, space: string, c: string) => `${space}&#${c.codePointAt(0)};`) : escaped;
    })
    .join("\n");
}

/** A YAML scalar that stays a string whatever it holds (JSON's double-quoted strings are valid YAML). */
const yamlString = (value: string) => JSON.stringify(value.normalize("NFC"));

export type DraftSource = {
  code: string;
  nominee: { kind: "individual" | "collective"; name: string; role: string; directWorker: boolean; province: string; movement: string; field: string };
  deeds: string;
  evidenceLinks: string[];
};

export const DRAFT_COVER = "/covers/de-cu-ban-nhap.svg";

/**
 * The story draft an accepted nomination becomes: content/stories/vi/<slug>.mdx with the
 * frontmatter filled in from the nomination, `draft: true` (the build leaves it out), and the
 * nomination's text as a starting body. It passes the content checks as it is; an editor
 * finishes it (title, summary, cover) and removes `draft`. The nominator's details are not in it.
 */
export function storyDraft(n: DraftSource, today: Date): { slug: string; fileName: string; text: string } {
  const slug = `${slugify(n.nominee.name)}-${n.code.slice(3).toLowerCase()}`;
  const paragraphs = n.deeds.normalize("NFC").split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const plain = n.deeds.normalize("NFC").replace(/\s+/g, " ").trim();
  const summary = plain.length > 280 ? `${plain.slice(0, 277).trimEnd()}…` : plain;
  const date = today.toISOString().slice(0, 10);
  // Link destinations percent-encoded where MDX or Markdown could read them as syntax.
  const links = n.evidenceLinks.map((l) => `- [${escapeMdx(l)}](${l.replace(/[\s<>(){}\\"'`]/g, (c) => encodeURIComponent(c).replace(/[()'`]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`))})`);
  const lines = [
    "---",
    `title: ${yamlString(n.nominee.name)}`,
    `slug: ${yamlString(slug)}`,
    "locale: vi",
    `translationKey: ${yamlString(`de-cu-${n.code.slice(3).toLowerCase()}`)}`,
    `subjectName: ${yamlString(n.nominee.name)}`,
    `subjectKind: ${n.nominee.kind}`,
    `role: ${yamlString(n.nominee.role)}`,
    `directWorker: ${n.nominee.directWorker}`,
    `province: ${yamlString(n.nominee.province)}`,
    `movement: ${yamlString(n.nominee.movement)}`,
    `field: ${yamlString(n.nominee.field)}`,
    `publishedAt: ${date}`,
    `summary: ${yamlString(summary)}`,
    `cover: ${yamlString(DRAFT_COVER)}`,
    `coverAlt: ${yamlString("Ảnh bìa tạm của bản nháp, chờ biên tập viên thay")}`,
    `tags: [${yamlString("đề cử")}]`,
    "draft: true",
    "---",
    "",
    ...paragraphs.flatMap((p) => [escapeMdx(p), ""]),
    ...(links.length ? ["## Tư liệu", "", ...links, ""] : []),
  ];
  return { slug, fileName: `${slug}.mdx`, text: lines.join("\n") };
}
