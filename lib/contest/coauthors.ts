// Co-authors consent: naming someone's e-mail links their account as a *pending* co-author, and
// only their own "accept" makes the entry count against their limit. Pure rules; the queries
// (lib/db/queries/coauthors.ts, entries.ts) read the facts under lock and apply the answers.
import type { FieldCondition } from "./prizes";
import type { SubmissionPhase } from "./rules";
import type { CoauthorStatus, EntryStatus, Role } from "./vocabulary";

export type CoauthorAnswer = "accept" | "decline";

/** Which author rows take a slot of their account's entry limit (the main author's row is always accepted). */
export const COUNTS_TOWARD_LIMIT = [{ field: "status", equals: "accepted" satisfies CoauthorStatus }] as const satisfies readonly FieldCondition<"status">[];

export function countsTowardLimit(author: { status: CoauthorStatus | string }): boolean {
  return author.status === "accepted";
}

export type AuthorRowFacts = { position: number; email: string; userId: string | null; status: CoauthorStatus };

/**
 * What the owner is shown of a co-author's consent. Every co-author named by e-mail reads
 * "pending" until an account accepts, whether the e-mail has an account or not, so the author
 * list never tells the owner which e-mails are accounts (nor whose). No e-mail: nothing to consent.
 */
export function shownStatus(author: AuthorRowFacts): CoauthorStatus | undefined {
  if (author.position === 0 || !author.email) return undefined;
  return author.userId === null ? "pending" : author.status;
}

/**
 * The status a co-author row gets when the owner saves the author list: a new link is pending;
 * the same account named again keeps its answer (an edit does not undo a consent or a refusal);
 * an e-mail without an account is not waiting for anyone.
 */
export function savedStatus(linkedUserId: string | null, previous: { userId: string | null; status: CoauthorStatus; answeredAt: Date | null } | undefined): { status: CoauthorStatus; answeredAt: Date | null } {
  if (linkedUserId === null) return { status: "accepted", answeredAt: null };
  if (previous && previous.userId === linkedUserId) return { status: previous.status, answeredAt: previous.answeredAt };
  return { status: "pending", answeredAt: null };
}

export type AnswerFacts = {
  answer: CoauthorAnswer;
  current: CoauthorStatus;
  role: Role;
  excludedRoles: readonly Role[];
  entryStatus: EntryStatus;
  phase: SubmissionPhase;
};

export type AnswerOutcome = { refusal: { code: "withdrawnFinal" | "deadlinePassed" | "coauthorshipDeclined" | "coauthorNotAllowed" } } | { status: CoauthorStatus; changed: boolean };

/**
 * The linked co-author's answer. Either answer may be given while the entry can still change
 * (until the submission deadline, never on a withdrawn entry): a co-author may leave an accepted
 * co-authorship until then, since judging starts after the deadline. Declining is final for that
 * link (the owner names them again to ask again); repeating an answer changes nothing. Members of
 * roles the contest excludes may decline but never accept. The entry limit on accepting a
 * submitted entry is checked by the query, under lock.
 */
export function answerOutcome(f: AnswerFacts): AnswerOutcome {
  if (f.entryStatus === "withdrawn") return { refusal: { code: "withdrawnFinal" } };
  if (f.phase === "closed") return { refusal: { code: "deadlinePassed" } };
  if (f.answer === "decline") return { status: "declined", changed: f.current !== "declined" };
  if (f.current === "declined") return { refusal: { code: "coauthorshipDeclined" } };
  if (f.excludedRoles.includes(f.role)) return { refusal: { code: "coauthorNotAllowed" } };
  return { status: "accepted", changed: f.current !== "accepted" };
}

export type SubmitAuthorFacts = { position: number; name: string; userId: string | null; status: CoauthorStatus; role: Role | null };

/**
 * Why an entry cannot be submitted yet because of a linked co-author, or null. The owner is told
 * who (position and name) and what to do, never the co-author's role. The exclusion comes first:
 * such a co-author could never accept, so "wait for them" would be a dead end.
 */
export function coauthorSubmitRefusal(authors: readonly SubmitAuthorFacts[], excludedRoles: readonly Role[]): { code: string; params: { n: number; name: string } } | null {
  const linked = authors.filter((a) => a.position > 0 && a.userId !== null).sort((a, b) => a.position - b.position);
  const params = (a: SubmitAuthorFacts) => ({ n: a.position, name: a.name });
  const excluded = linked.find((a) => a.status !== "declined" && a.role !== null && excludedRoles.includes(a.role));
  if (excluded) return { code: "coauthorExcluded", params: params(excluded) };
  const declined = linked.find((a) => a.status === "declined");
  if (declined) return { code: "coauthorDeclined", params: params(declined) };
  const pending = linked.find((a) => a.status === "pending");
  if (pending) return { code: "coauthorPending", params: params(pending) };
  return null;
}
