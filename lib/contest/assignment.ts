// Juror assignment as pure functions: conflicts of interest and a balanced assignment of
// jurors to entries. No I/O; the queries in lib/db/queries/assignments.ts load the inputs and
// store the result, the benchmark (bench/jury.mjs) and the property tests call the same code.
import type { EntryStatus } from "./vocabulary";

export type ConflictReason = "author" | "coAuthor" | "outlet" | "declared";

export type AssignableEntry = {
  id: string;
  /** The panel that judges it: the entry's category. */
  panel: string;
  outlet: string;
  /** Accounts among its authors (unlinked co-authors have none). */
  authorIds: readonly string[];
};

export type AssignableJuror = {
  id: string;
  /** Panels (categories) the juror sits on; empty means every panel of the round. */
  panels: readonly string[];
  outlet: string;
  /** Accounts the juror has co-authored an entry with, in any contest. */
  coAuthorIds: readonly string[];
};

export type Pair = { entryId: string; jurorId: string };

/** `${jurorId} ${entryId}`: declared and secretariat-added conflicts, and assignments, by key. */
export const pairKey = (jurorId: string, entryId: string) => `${jurorId} ${entryId}`;

/** Outlets compare as people type them: case, spacing and Unicode form do not matter. */
export function sameOutlet(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  const x = norm(a);
  return x !== "" && x === norm(b);
}

/**
 * Why `juror` may not judge `entry`, or null. Automatic conflicts (their own work, a co-author's,
 * their outlet's) come first; `declared` holds pairKeys of conflicts a juror declared or the
 * secretariat added.
 */
export function conflictOf(juror: AssignableJuror, entry: AssignableEntry, declared: ReadonlySet<string>): ConflictReason | null {
  if (entry.authorIds.includes(juror.id)) return "author";
  if (entry.authorIds.some((id) => juror.coAuthorIds.includes(id))) return "coAuthor";
  if (sameOutlet(juror.outlet, entry.outlet)) return "outlet";
  if (declared.has(pairKey(juror.id, entry.id))) return "declared";
  return null;
}

export function sitsOnPanel(juror: Pick<AssignableJuror, "panels">, panel: string): boolean {
  return juror.panels.length === 0 || juror.panels.includes(panel);
}

/** A juror of a round as the secretariat's round page knows them. */
export type RoundMember = { id: string; panels: readonly string[]; disabled: boolean };

/**
 * The jurors the secretariat may add to an entry by hand, as the manual assignment
 * (lib/db/queries/assignments.ts, addAssignment) will accept them: none for an entry no longer
 * submitted (withdrawn); otherwise members of the round whose account is active, who sit on the
 * entry's panel, are not on it already (`assigned`) and have no conflict with it (`conflicted`:
 * recorded and automatic ones). Both sets hold pairKeys.
 */
export function candidateJurors<J extends RoundMember>(
  members: readonly J[],
  entry: { id: string; panel: string; status: EntryStatus },
  assigned: ReadonlySet<string>,
  conflicted: ReadonlySet<string>,
): J[] {
  if (entry.status !== "submitted") return [];
  return members.filter((juror) => {
    const key = pairKey(juror.id, entry.id);
    return !juror.disabled && sitsOnPanel(juror, entry.panel) && !assigned.has(key) && !conflicted.has(key);
  });
}

export type Unmet = {
  entryId: string;
  required: number;
  assigned: number;
  /** Jurors left out of this entry, by reason: not on its panel, or each kind of conflict. */
  excluded: { panel: number } & Record<ConflictReason, number>;
};

export type AssignmentInput = {
  entries: readonly AssignableEntry[];
  jurors: readonly AssignableJuror[];
  jurorsPerEntry: number;
  declared: ReadonlySet<string>;
  /** Assignments that must stay (those already scored); they count toward load and quota. */
  keep: readonly Pair[];
  /** Assignments each juror already holds on entries outside `entries` (assigning a few entries of a round): they count toward load only. */
  heldElsewhere?: ReadonlyMap<string, number>;
};

export type AssignmentResult = {
  /** Every assignment of the round, kept ones included, sorted by entry then juror. */
  pairs: Pair[];
  /** Entries that could not get `jurorsPerEntry` jurors, and why. */
  unmet: Unmet[];
  /** Assignments per juror (every juror of the round, zero included). */
  loads: Record<string, number>;
};

/**
 * Gives each entry `jurorsPerEntry` distinct jurors from its panel with no conflict, spreading
 * the load as evenly as the constraints allow:
 *
 * 1. Most constrained entries first (fewest eligible jurors), each takes its least-loaded
 *    eligible jurors (ties by juror id, so the result is reproducible).
 * 2. Repair: while some juror carries at least two more than another juror it can hand work to
 *    through a chain of moves (A gives an entry to B, B gives another to C…), shift one
 *    assignment along the shortest such chain. Each shift lowers the sum of squared loads; when
 *    none is left the load vector is the most balanced one reachable (it minimises the maximum
 *    and maximises the minimum load at once), so loads differ by at most one whenever any
 *    assignment achieves that.
 *
 * Kept assignments are never moved or dropped, even when they would now be a conflict: removing
 * a scored assignment is the secretariat's decision, made by hand.
 */
export function assignJurors(input: AssignmentInput): AssignmentResult {
  const jurors = [...input.jurors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const jurorIndex = new Map(jurors.map((j, i) => [j.id, i]));
  const load = jurors.map((j) => input.heldElsewhere?.get(j.id) ?? 0);
  // Per juror: the entries it holds (indexes into `entries`); `fixed` marks the kept ones.
  const held: Set<number>[] = jurors.map(() => new Set());
  const fixed = new Set<string>();
  const entries = [...input.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
  const onEntry: Set<number>[] = entries.map(() => new Set());

  for (const pair of input.keep) {
    const j = jurorIndex.get(pair.jurorId);
    const e = entryIndex.get(pair.entryId);
    if (j === undefined || e === undefined || onEntry[e]!.has(j)) continue;
    onEntry[e]!.add(j);
    held[j]!.add(e);
    load[j]!++;
    fixed.add(pairKey(pair.jurorId, pair.entryId));
  }

  // eligible[e]: juror indexes that may judge entry e; excluded[e]: how many may not, and why.
  const excluded: Unmet["excluded"][] = [];
  const eligible: number[][] = entries.map((entry) => {
    const list: number[] = [];
    const reasons = { panel: 0, author: 0, coAuthor: 0, outlet: 0, declared: 0 };
    jurors.forEach((juror, j) => {
      if (!sitsOnPanel(juror, entry.panel)) reasons.panel++;
      else {
        const reason = conflictOf(juror, entry, input.declared);
        if (reason) reasons[reason]++;
        else list.push(j);
      }
    });
    excluded.push(reasons);
    return list;
  });

  const order = entries.map((_, e) => e).sort((a, b) => eligible[a]!.length - eligible[b]!.length || a - b);
  for (const e of order) {
    const need = input.jurorsPerEntry - onEntry[e]!.size;
    if (need <= 0) continue;
    const candidates = eligible[e]!.filter((j) => !onEntry[e]!.has(j)).sort((a, b) => load[a]! - load[b]! || a - b);
    for (const j of candidates.slice(0, need)) {
      onEntry[e]!.add(j);
      held[j]!.add(e);
      load[j]!++;
    }
  }

  const movable = (j: number, e: number) => !fixed.has(pairKey(jurors[j]!.id, entries[e]!.id));
  // One shift along the shortest chain from a juror at the highest load to one at least two
  // below it; returns false when no such chain exists from any juror.
  const shift = (): boolean => {
    const byLoad = jurors.map((_, j) => j).sort((a, b) => load[b]! - load[a]! || a - b);
    for (const source of byLoad) {
      // prev[j] = [juror it came from, entry moved]
      const prev = new Map<number, [number, number]>([[source, [-1, -1]]]);
      const queue = [source];
      for (let q = 0; q < queue.length; q++) {
        const from = queue[q]!;
        for (const e of held[from]!) {
          if (!movable(from, e)) continue;
          for (const to of eligible[e]!) {
            if (prev.has(to) || onEntry[e]!.has(to)) continue;
            prev.set(to, [from, e]);
            if (load[to]! <= load[source]! - 2) {
              for (let at = to; at !== source; ) {
                const [back, entry] = prev.get(at)!;
                held[back]!.delete(entry);
                onEntry[entry]!.delete(back);
                held[at]!.add(entry);
                onEntry[entry]!.add(at);
                at = back;
              }
              load[source]!--;
              load[to]!++;
              return true;
            }
            queue.push(to);
          }
        }
      }
      if (load[source]! - Math.min(...load) < 2) break;
    }
    return false;
  };
  while (shift());

  const unmet: Unmet[] = [];
  const pairs: Pair[] = [];
  entries.forEach((entry, e) => {
    if (onEntry[e]!.size < input.jurorsPerEntry) unmet.push({ entryId: entry.id, required: input.jurorsPerEntry, assigned: onEntry[e]!.size, excluded: excluded[e]! });
    for (const j of [...onEntry[e]!].sort((a, b) => a - b)) pairs.push({ entryId: entry.id, jurorId: jurors[j]!.id });
  });
  return { pairs, unmet, loads: Object.fromEntries(jurors.map((j, i) => [j.id, load[i]!])) };
}
