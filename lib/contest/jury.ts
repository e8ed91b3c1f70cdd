// The jury's rules that are not arithmetic: round life cycle, when a score may change, and the
// one projection of an entry a juror is allowed to see. Pure: callers pass rows and `now`.
import type { CategoryCode, RoundStatus, ScoreStatus, SeriesPart } from "./vocabulary";

/** The facts of a round these rules read (a database row has them and more). */
export type RoundFacts = { status: RoundStatus; opensAt: Date | null; closesAt: Date | null; blind: boolean };
/** The facts of an entry the juror's view is made from. */
export type JuryEntry = {
  id: string;
  code: string | null;
  category: CategoryCode;
  title: string;
  summary: string;
  publishedAt: string | null;
  length: number | null;
  parts: readonly SeriesPart[];
  outlet: string;
  url: string;
};
export type JuryAuthor = { position: number; name: string; penName: string };
// cleanSize: the size of the copy jurors download (lib/storage/clean), once it exists.
export type JuryFile = { id: string; contentType: string; size: number; cleanSize?: number | null; createdAt: Date };

/** A round moves forward only: draft → open → closed. */
export function canMoveRound(from: RoundStatus, to: RoundStatus): boolean {
  return (from === "draft" && to === "open") || (from === "open" && to === "closed");
}

/** Whether a juror may still change their sheet: the round is open (and inside its dates), the sheet not submitted. */
export function scoreEditable(round: Pick<RoundFacts, "status" | "opensAt" | "closesAt">, score: { status: ScoreStatus } | null, now: Date): boolean {
  if (round.status !== "open") return false;
  if (round.opensAt && now < round.opensAt) return false;
  if (round.closesAt && now >= round.closesAt) return false;
  return score?.status !== "submitted";
}

export type JurorAttachment = { id: string; contentType: string; size: number; url: string };

/** What a juror sees of an entry. In a blind round nothing names or points to its authors. */
export type JurorEntryView = {
  id: string;
  code: string | null;
  category: CategoryCode;
  title: string;
  summary: string;
  publishedAt: string | null;
  length: number | null;
  parts: { title: string; publishedAt: string | null }[];
  attachments: JurorAttachment[];
  blind: boolean;
  /** Only in open rounds. */
  identity?: { outlet: string; url: string; authors: { name: string; penName: string }[]; partUrls: string[] };
};

/**
 * The ONE function that turns an entry into what a juror may see in a round; every juror
 * response is built from it. In a blind round it keeps the work and drops authors, pen names,
 * outlet, account ids, the published URL (it leads to the byline) and the client's file names
 * (people name scans after themselves). Attachments are reached through the juror's own route,
 * which checks the assignment. A scanned page may still show a byline: the secretariat is told so.
 */
export function jurorEntryView(entry: JuryEntry, authors: readonly JuryAuthor[], files: readonly JuryFile[], round: Pick<RoundFacts, "blind">): JurorEntryView {
  const view: JurorEntryView = {
    id: entry.id,
    code: entry.code,
    category: entry.category,
    title: entry.title,
    summary: entry.summary,
    publishedAt: entry.publishedAt,
    length: entry.length,
    parts: entry.parts.map((p) => ({ title: p.title, publishedAt: p.publishedAt })),
    attachments: [...files]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((f) => ({ id: f.id, contentType: f.contentType, size: f.cleanSize ?? f.size, url: `/api/jury/entries/${entry.id}/attachments/${f.id}` })),
    blind: round.blind,
  };
  if (!round.blind) {
    view.identity = {
      outlet: entry.outlet,
      url: entry.url,
      authors: [...authors].sort((a, b) => a.position - b.position).map((a) => ({ name: a.name, penName: a.penName })),
      partUrls: entry.parts.map((p) => p.url),
    };
  }
  return view;
}

export type SheetState = "notStarted" | "draft" | "submitted";

/** Where a juror is with one sheet: nothing entered yet, a draft, or submitted (locked). */
export function sheetState(score: { status: ScoreStatus; values: Record<string, number>; comment: string } | null): SheetState {
  if (!score) return "notStarted";
  if (score.status === "submitted") return "submitted";
  return Object.keys(score.values).length === 0 && score.comment.trim() === "" ? "notStarted" : "draft";
}

/** What is left before a deadline, in whole days, hours and minutes; null once it has passed. */
export function timeLeft(deadline: Date, now: Date): { days: number; hours: number; minutes: number } | null {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

export type JuryNavigation = { position: number; total: number; previous: string | null; next: string | null; nextUnscored: string | null };

/**
 * Where one entry sits in a juror's list of a round (in the list's order): the entries before and
 * after it, and the next one still to score after it (wrapping round to the start), never itself.
 */
export function juryNavigation(items: readonly { id: string; state: SheetState }[], currentId: string): JuryNavigation {
  const at = items.findIndex((i) => i.id === currentId);
  const after = at < 0 ? items : [...items.slice(at + 1), ...items.slice(0, at)];
  return {
    position: at + 1,
    total: items.length,
    previous: at > 0 ? items[at - 1]!.id : null,
    next: at >= 0 && at < items.length - 1 ? items[at + 1]!.id : null,
    nextUnscored: after.find((i) => i.state !== "submitted" && i.id !== currentId)?.id ?? null,
  };
}
