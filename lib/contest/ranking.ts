// Aggregation, ranking, shortlists and prizes as pure functions over submitted score sheets.
//
// - An entry's score is the mean of its jurors' weighted totals.
// - Beside it, a normalised score: each juror's totals become z-scores against that juror's own
//   mean and spread, rescaled to the rubric's range (mid-range + z × range / 6, clamped), then
//   averaged per entry. A harsh or lenient juror stands out where the two columns differ. It is
//   shown, never used to rank. A juror whose totals do not vary (or who scored one entry) says
//   nothing about relative merit and is left out of it.
// - Disagreement: a pair of jurors whose totals for the entry differ by more than the threshold.
// - Ranking per category: mean, then each criterion's mean in rubric order, then fewer
//   disagreeing pairs; entries equal on all of these share a rank and are marked tied for the
//   council to vote on. Nothing is ever broken by id, input order or chance.
//
// Every sum is taken over sorted values and means are compared as fractions, so the result does
// not depend on the order rows are read in, and equal means are equal, not 1e-15 apart.
import { maxTotal, sheetTotal } from "./scoring";
import { PRIZE_TIERS, type Criterion, type PrizeTier, type Quota, type ScoreValues } from "./vocabulary";

export { PRIZE_TIERS, type PrizeTier, type Quota } from "./vocabulary";

export type Sheet = { entryId: string; jurorId: string; values: ScoreValues };
export type RankableEntry = { id: string; category: string };

export type EntryResult = {
  entryId: string;
  category: string;
  jurors: number;
  /** Mean of the jurors' totals; null before any sheet is submitted. */
  mean: number | null;
  normalised: number | null;
  /** Mean score per criterion, in rubric order. */
  criterionMeans: number[];
  /** The jurors' totals, ascending (who gave which is not part of a result). */
  totals: number[];
  /** Pairs of jurors whose totals differ by more than the threshold. */
  disagreements: number;
  /** Competition rank within the category (1, 2, 2, 4); null without scores. */
  rank: number | null;
  /** Shares its rank with another entry after every tie-break. */
  tied: boolean;
};

const sum = (values: readonly number[]) => [...values].sort((a, b) => a - b).reduce((s, v) => s + v, 0);

/** Per juror: the mean and standard deviation of their totals, or null when they do not vary. */
export function jurorSpread(totalsByJuror: ReadonlyMap<string, readonly number[]>): Map<string, { mean: number; sd: number } | null> {
  const spread = new Map<string, { mean: number; sd: number } | null>();
  for (const [juror, totals] of totalsByJuror) {
    const mean = sum(totals) / totals.length;
    const sd = Math.sqrt(sum(totals.map((t) => (t - mean) ** 2)) / totals.length);
    spread.set(juror, totals.length > 1 && sd > 1e-9 ? { mean, sd } : null);
  }
  return spread;
}

/** A juror's total on the rubric's scale after removing their own leniency and spread. */
export function normaliseTotal(total: number, spread: { mean: number; sd: number }, range: number): number {
  const z = (total - spread.mean) / spread.sd;
  return Math.min(range, Math.max(0, range / 2 + (z * range) / 6));
}

type Work = EntryResult & { sumTotal: number; criterionSums: number[] };

/** Compares two entries' results best first; 0 when the council has to decide. */
function compare(a: Work, b: Work): number {
  if (a.jurors === 0 || b.jurors === 0) return (b.jurors === 0 ? 0 : 1) - (a.jurors === 0 ? 0 : 1);
  const byMean = b.sumTotal * a.jurors - a.sumTotal * b.jurors;
  if (byMean !== 0) return byMean;
  for (let i = 0; i < a.criterionSums.length; i++) {
    const byCriterion = b.criterionSums[i]! * a.jurors - a.criterionSums[i]! * b.jurors;
    if (byCriterion !== 0) return byCriterion;
  }
  return a.disagreements - b.disagreements;
}

/**
 * Scores and ranks every entry of a round from its submitted sheets. Results come per category
 * in rank order; entries sharing a rank are listed by id for display only.
 */
export function rankEntries(entries: readonly RankableEntry[], sheets: readonly Sheet[], rubric: readonly Criterion[], threshold: number): EntryResult[] {
  const range = maxTotal(rubric);
  const byEntry = new Map<string, Sheet[]>(entries.map((e) => [e.id, []]));
  const totalsByJuror = new Map<string, number[]>();
  for (const sheet of sheets) {
    const list = byEntry.get(sheet.entryId);
    if (!list) continue;
    list.push(sheet);
    const totals = totalsByJuror.get(sheet.jurorId) ?? [];
    totals.push(sheetTotal(rubric, sheet.values));
    totalsByJuror.set(sheet.jurorId, totals);
  }
  const spread = jurorSpread(totalsByJuror);

  const work: Work[] = entries.map((entry) => {
    const own = byEntry.get(entry.id)!;
    const totals = own.map((s) => sheetTotal(rubric, s.values)).sort((a, b) => a - b);
    const normalised = own.flatMap((s) => {
      const juror = spread.get(s.jurorId);
      return juror ? [normaliseTotal(sheetTotal(rubric, s.values), juror, range)] : [];
    });
    let disagreements = 0;
    for (let i = 0; i < totals.length; i++) for (let j = i + 1; j < totals.length; j++) if (totals[j]! - totals[i]! > threshold) disagreements++;
    const criterionSums = rubric.map((c) => sum(own.map((s) => s.values[c.key] ?? 0)));
    const n = own.length;
    const sumTotal = sum(totals);
    return {
      entryId: entry.id,
      category: entry.category,
      jurors: n,
      mean: n ? sumTotal / n : null,
      normalised: normalised.length ? sum(normalised) / normalised.length : null,
      criterionMeans: criterionSums.map((s) => (n ? s / n : 0)),
      totals,
      disagreements,
      rank: null,
      tied: false,
      sumTotal,
      criterionSums,
    };
  });

  const categories = [...new Set(entries.map((e) => e.category))].sort();
  const results: EntryResult[] = [];
  for (const category of categories) {
    const list = work.filter((w) => w.category === category).sort((a, b) => compare(a, b) || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
    list.forEach((item, i) => {
      if (item.jurors === 0) return;
      const previous = list[i - 1];
      item.rank = previous && previous.rank !== null && compare(previous, item) === 0 ? previous.rank : i + 1;
      if (previous && previous.rank === item.rank) previous.tied = item.tied = true;
    });
    for (const item of list) {
      const { entryId, category: c, jurors, mean, normalised, criterionMeans, totals, disagreements, rank, tied } = item;
      results.push({ entryId, category: c, jurors, mean, normalised, criterionMeans, totals, disagreements, rank, tied });
    }
  }
  return results;
}

export type ShortlistRule = { top: number } | { percent: number };

/**
 * The entries of each category that go on to the next round: the top N, or the top X% (rounded
 * up), of those ranked. An entry tied with the last one in is in too: a cut never splits a tie.
 */
export function shortlist(results: readonly EntryResult[], rule: ShortlistRule): string[] {
  const chosen: string[] = [];
  const categories = [...new Set(results.map((r) => r.category))];
  for (const category of categories) {
    const ranked = results.filter((r) => r.category === category && r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const take = "top" in rule ? rule.top : Math.ceil((ranked.length * rule.percent) / 100);
    const last = ranked[Math.min(take, ranked.length) - 1];
    if (take <= 0 || !last) continue;
    for (const r of ranked) if (r.rank! <= last.rank!) chosen.push(r.entryId);
  }
  return chosen.sort();
}

export type PrizeProposal = {
  entryId: string;
  category: string;
  rank: number;
  /** The prize the quotas give, or null (no prize, or a vote is needed). */
  prize: PrizeTier | null;
  /** Set when a tie spans a quota boundary: the prizes (null = none) its places carry, best first. */
  vote: (PrizeTier | null)[] | null;
};

/**
 * Applies each category's quotas down its final ranking: the first `A` places get prize A, the
 * next `B` prize B, and so on. Tied entries share a prize when their places all carry the same
 * one; when a tie straddles a boundary nobody in it gets a prize here and the proposal lists
 * the prizes at stake, for the council's vote and the secretariat's decision.
 */
export function allocatePrizes(results: readonly EntryResult[], quotas: Readonly<Record<string, Quota>>): PrizeProposal[] {
  const proposals: PrizeProposal[] = [];
  for (const [category, quota] of Object.entries(quotas).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ranked = results.filter((r) => r.category === category && r.rank !== null).sort((a, b) => a.rank! - b.rank! || (a.entryId < b.entryId ? -1 : 1));
    const seats = PRIZE_TIERS.flatMap((tier) => new Array<PrizeTier>(Math.max(0, quota[tier])).fill(tier));
    const tierAt = (place: number): PrizeTier | null => seats[place] ?? null;
    for (let start = 0; start < ranked.length; ) {
      let end = start + 1;
      while (end < ranked.length && ranked[end]!.rank === ranked[start]!.rank) end++;
      const tiers = [...new Set(Array.from({ length: end - start }, (_, k) => tierAt(start + k)))];
      for (const r of ranked.slice(start, end)) {
        proposals.push({ entryId: r.entryId, category, rank: r.rank!, prize: tiers.length === 1 ? tiers[0]! : null, vote: tiers.length === 1 ? null : tiers });
      }
      start = end;
    }
  }
  return proposals;
}

// --- The ranking as the secretariat reviews it -------------------------------------------------
//
// A mean over half the sheets looks like any other mean: every row says how many sheets it rests
// on, and an entry is ready only when all of its sheets are in. Ready entries are ranked among
// themselves; the others are listed apart, unranked, with their provisional mean.

/** Sheets done out of those required: the round's jurors per entry, or more when more were assigned. */
export type SheetCount = { done: number; required: number };

/** A sheet far from the others on the same entry: from the median of the entry's totals. */
export type OutlierSheet = { jurorId: string; total: number; median: number };

export type ReviewRow = EntryResult & {
  sheets: SheetCount;
  ready: boolean;
  /** Highest minus lowest total; null with fewer than two sheets. */
  spread: number | null;
  outliers: OutlierSheet[];
};

/** A juror whose totals sit consistently above or below the other jurors' on the same entries. */
export type JurorTendency = { jurorId: string; compared: number; meanGap: number; tendency: "harsher" | "softer" | null };

/** Sheets compared before a juror's tendency is named: fewer says nothing about a habit. */
export const TENDENCY_MIN_SHEETS = 3;

export function sheetCount(done: number, assigned: number, jurorsPerEntry: number): SheetCount {
  return { done, required: Math.max(assigned, jurorsPerEntry) };
}

/** Sheets still to come over a round's entries: what closing it now would leave out. */
export function missingSheetCount(counts: readonly SheetCount[]): number {
  return counts.reduce((missing, c) => missing + Math.max(0, c.required - c.done), 0);
}

/**
 * The secretariat's ranking of a round: ready entries ranked among themselves (the rules of
 * rankEntries), the others unranked and after them, each row with its sheet count, spread and
 * outlying sheets; and each juror's tendency. A sheet is an outlier when, on an entry with at
 * least three sheets, its total is more than the threshold from the median of the entry's totals
 * (the median, because a mean would be pulled by the outlier itself and flag its neighbours; with
 * two sheets both are equally far, which is the disagreement flag). A juror is harsher or softer when,
 * over at least TENDENCY_MIN_SHEETS shared entries, their totals sit on average more than half
 * the threshold below or above the others'.
 */
export function reviewRanking(
  entries: readonly RankableEntry[],
  sheets: readonly Sheet[],
  assigned: ReadonlyMap<string, number>,
  round: { rubric: readonly Criterion[]; threshold: number; jurorsPerEntry: number },
): { rows: ReviewRow[]; jurors: JurorTendency[]; missing: number } {
  const done = new Map<string, number>();
  for (const s of sheets) done.set(s.entryId, (done.get(s.entryId) ?? 0) + 1);
  const counts = new Map(entries.map((e) => [e.id, sheetCount(done.get(e.id) ?? 0, assigned.get(e.id) ?? 0, round.jurorsPerEntry)]));
  const isReady = (id: string) => {
    const c = counts.get(id)!;
    return c.done > 0 && c.done >= c.required;
  };
  const ready = entries.filter((e) => isReady(e.id));
  const waiting = entries.filter((e) => !isReady(e.id));
  const readyIds = new Set(ready.map((e) => e.id));
  const ranked = rankEntries(ready, sheets.filter((s) => readyIds.has(s.entryId)), round.rubric, round.threshold);
  const provisional = rankEntries(waiting, sheets.filter((s) => !readyIds.has(s.entryId)), round.rubric, round.threshold).map((r) => ({ ...r, rank: null, tied: false }));

  const totalsByEntry = new Map<string, { jurorId: string; total: number }[]>();
  for (const s of sheets) {
    const list = totalsByEntry.get(s.entryId) ?? [];
    list.push({ jurorId: s.jurorId, total: sheetTotal(round.rubric, s.values) });
    totalsByEntry.set(s.entryId, list);
  }
  const gaps = new Map<string, number[]>();
  const rows: ReviewRow[] = [...ranked, ...provisional].map((r) => {
    const own = totalsByEntry.get(r.entryId) ?? [];
    const outliers: OutlierSheet[] = [];
    const sorted = own.map((o) => o.total).sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    for (const sheet of own) {
      const others = own.filter((o) => o !== sheet);
      if (others.length === 0) continue;
      const othersMean = sum(others.map((o) => o.total)) / others.length;
      const list = gaps.get(sheet.jurorId) ?? [];
      list.push(sheet.total - othersMean);
      gaps.set(sheet.jurorId, list);
      if (own.length >= 3 && Math.abs(sheet.total - median) > round.threshold) outliers.push({ jurorId: sheet.jurorId, total: sheet.total, median });
    }
    outliers.sort((a, b) => (a.jurorId < b.jurorId ? -1 : a.jurorId > b.jurorId ? 1 : 0));
    return { ...r, sheets: counts.get(r.entryId)!, ready: readyIds.has(r.entryId), spread: r.totals.length > 1 ? r.totals[r.totals.length - 1]! - r.totals[0]! : null, outliers };
  });
  const jurors: JurorTendency[] = [...gaps]
    .map(([jurorId, list]) => {
      const meanGap = sum(list) / list.length;
      const named = list.length >= TENDENCY_MIN_SHEETS && Math.abs(meanGap) > round.threshold / 2;
      return { jurorId, compared: list.length, meanGap, tendency: named ? (meanGap < 0 ? "harsher" : "softer") : null } as JurorTendency;
    })
    .sort((a, b) => (a.jurorId < b.jurorId ? -1 : a.jurorId > b.jurorId ? 1 : 0));
  // Over every entry of the round, those without a sheet yet included.
  return { rows, jurors, missing: missingSheetCount([...counts.values()]) };
}
