// Property tests of scoring, aggregation, ranking, shortlists and prizes (lib/contest/).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RUBRIC, maxTotal, scoreIssues, sheetTotal, type ScoreValues } from "@/lib/contest/scoring";
import { allocatePrizes, rankEntries, shortlist, type EntryResult, type Sheet } from "@/lib/contest/ranking";

const rubric = DEFAULT_RUBRIC;
const halfPoints = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);
const valuesArb: fc.Arbitrary<ScoreValues> = fc.record(Object.fromEntries(rubric.map((c) => [c.key, halfPoints(c.maxPoints)])));
// Few distinct values, so ties and equal means happen often.
const coarseValuesArb: fc.Arbitrary<ScoreValues> = fc.record(Object.fromEntries(rubric.map((c) => [c.key, fc.constantFrom(0, c.maxPoints / 2, c.maxPoints)])));

const roundArb = fc
  .record({ entries: fc.integer({ min: 1, max: 15 }), jurors: fc.integer({ min: 1, max: 6 }), coarse: fc.boolean(), picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }) })
  .chain(({ entries: ne, jurors: nj, coarse, picks }) => {
    const entries = Array.from({ length: ne }, (_, i) => ({ id: `e${String(i).padStart(2, "0")}`, category: i % 3 === 0 ? "radio" : "print" }));
    const pairs = [...new Map(picks.map(([e, j]) => [`${e % ne} ${j % nj}`, [e % ne, j % nj] as const])).values()];
    return fc.array(coarse ? coarseValuesArb : valuesArb, { minLength: pairs.length, maxLength: pairs.length }).map((values) => ({
      entries,
      sheets: pairs.map(([e, j], i): Sheet => ({ entryId: entries[e]!.id, jurorId: `j${j}`, values: values[i]! })),
    }));
  });

describe("score sheets", () => {
  it("accepts whole and half points within bounds, refuses the rest", () => {
    expect(scoreIssues(rubric, { truthfulness: 29.5, value: 0, craft: 25, impact: 20 }, true)).toEqual({});
    expect(scoreIssues(rubric, { truthfulness: 30.5 }, false)).toEqual({ "values.truthfulness": { key: "scoreOutOfRange", params: { max: 30 } } });
    expect(scoreIssues(rubric, { value: 12.25, craft: -1 }, false)).toEqual({ "values.value": { key: "scoreStep" }, "values.craft": { key: "scoreOutOfRange", params: { max: 25 } } });
    expect(scoreIssues(rubric, { truthfulness: 10 }, true)).toMatchObject({ "values.value": { key: "required" } });
    expect(scoreIssues(rubric, { bonus: 1 }, false)).toEqual({ "values.bonus": { key: "unknownField" } });
    expect(sheetTotal(rubric, { truthfulness: 30, value: 25, craft: 25, impact: 20 })).toBe(maxTotal(rubric));
  });
});

describe("rankEntries", () => {
  it("does not depend on the order entries and sheets are read in", () => {
    fc.assert(
      fc.property(roundArb, fc.integer(), ({ entries, sheets }, seed) => {
        const shuffle = <T>(list: T[]) => list.map((v, i) => [((i + 1) * (seed | 1) * 2654435761) >>> 0, v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);
        expect(rankEntries(shuffle([...entries]), shuffle([...sheets]), rubric, 20)).toEqual(rankEntries(entries, sheets, rubric, 20));
      }),
      { numRuns: 300 },
    );
  });

  it("orders by mean, then criteria in rubric order, then fewer disagreements; equal ones share a rank marked tied", () => {
    fc.assert(
      fc.property(roundArb, ({ entries, sheets }) => {
        const results = rankEntries(entries, sheets, rubric, 20);
        for (const category of ["print", "radio"]) {
          const ranked = results.filter((r) => r.category === category && r.rank !== null);
          ranked.forEach((r, i) => {
            if (i === 0) return expect(r.rank).toBe(1);
            const prev = ranked[i - 1]!;
            const key = (x: EntryResult) => [x.mean!, ...x.criterionMeans, -x.disagreements];
            const cmp = key(prev).findIndex((v, k) => Math.abs(v - key(r)[k]!) > 1e-9);
            if (cmp === -1) {
              // Equal on every tie-break: same rank, both marked, never split by id.
              expect(r.rank).toBe(prev.rank);
              expect(r.tied && prev.tied).toBe(true);
            } else {
              expect(key(prev)[cmp]!).toBeGreaterThan(key(r)[cmp]!);
              expect(r.rank).toBe(i + 1);
            }
          });
          // Unscored entries come last, unranked.
          const all = results.filter((r) => r.category === category);
          expect(all.findIndex((r) => r.rank === null) === -1 || all.slice(all.findIndex((r) => r.rank === null)).every((r) => r.rank === null)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports ties instead of breaking them", () => {
    const same = { truthfulness: 20, value: 20, craft: 20, impact: 10 };
    const results = rankEntries(
      [{ id: "b", category: "print" }, { id: "a", category: "print" }, { id: "c", category: "print" }],
      [
        { entryId: "a", jurorId: "j1", values: same },
        { entryId: "b", jurorId: "j1", values: same },
        { entryId: "c", jurorId: "j1", values: { ...same, impact: 9.5 } },
      ],
      rubric,
      20,
    );
    expect(results.map((r) => [r.entryId, r.rank, r.tied])).toEqual([["a", 1, true], ["b", 1, true], ["c", 3, false]]);
  });

  it("breaks an equal mean by the first criterion, then by fewer disagreements", () => {
    const s = (truthfulness: number, value: number): ScoreValues => ({ truthfulness, value, craft: 10, impact: 10 });
    const byCriterion = rankEntries(
      [{ id: "x", category: "print" }, { id: "y", category: "print" }],
      [{ entryId: "x", jurorId: "j", values: s(10, 20) }, { entryId: "y", jurorId: "j", values: s(20, 10) }],
      rubric,
      20,
    );
    expect(byCriterion.map((r) => r.entryId)).toEqual(["y", "x"]);
    const byFlags = rankEntries(
      [{ id: "calm", category: "print" }, { id: "split", category: "print" }],
      [
        { entryId: "calm", jurorId: "j1", values: s(15, 15) }, { entryId: "calm", jurorId: "j2", values: s(15, 15) },
        { entryId: "split", jurorId: "j1", values: { truthfulness: 30, value: 25, craft: 10, impact: 10 } }, { entryId: "split", jurorId: "j2", values: { truthfulness: 0, value: 5, craft: 10, impact: 10 } },
      ],
      rubric,
      20,
    );
    expect(byFlags.map((r) => [r.entryId, r.rank, r.disagreements, r.tied])).toEqual([["calm", 1, 0, false], ["split", 2, 1, false]]);
  });

  it("leaves a juror who scores everyone equally out of the normalised score", () => {
    fc.assert(
      fc.property(roundArb, valuesArb, ({ entries, sheets }, constant) => {
        const before = rankEntries(entries, sheets, rubric, 20);
        const flat = entries.filter((_, i) => i % 2 === 0).map((e): Sheet => ({ entryId: e.id, jurorId: "flat", values: constant }));
        const after = rankEntries(entries, [...sheets, ...flat], rubric, 20);
        for (const r of before) expect(after.find((a) => a.entryId === r.entryId)!.normalised).toBe(r.normalised);
      }),
      { numRuns: 200 },
    );
  });

  it("shows a harsh juror: normalised scores put their top entry at the top of the scale like a lenient juror's", () => {
    const v = (t: number): ScoreValues => ({ truthfulness: t, value: 0, craft: 0, impact: 0 });
    const results = rankEntries(
      [{ id: "a", category: "print" }, { id: "b", category: "print" }],
      [
        { entryId: "a", jurorId: "harsh", values: v(10) }, { entryId: "b", jurorId: "harsh", values: v(5) },
        { entryId: "a", jurorId: "lenient", values: v(30) }, { entryId: "b", jurorId: "lenient", values: v(25) },
      ],
      rubric,
      20,
    );
    const a = results.find((r) => r.entryId === "a")!;
    expect(a.mean).toBe(20);
    expect(a.normalised).toBeCloseTo(50 + 100 / 6);
    expect(a.disagreements).toBe(0);
  });

  it("flags disagreement over the threshold only", () => {
    const v = (t: number): ScoreValues => ({ truthfulness: t, value: 0, craft: 0, impact: 0 });
    const run = (threshold: number) => rankEntries([{ id: "a", category: "print" }], [{ entryId: "a", jurorId: "1", values: v(0) }, { entryId: "a", jurorId: "2", values: v(20) }, { entryId: "a", jurorId: "3", values: v(21) }], rubric, threshold)[0]!.disagreements;
    expect(run(20)).toBe(1);
    expect(run(19.5)).toBe(2);
    expect(run(21)).toBe(0);
  });
});

describe("shortlist and prizes", () => {
  it("never splits a tie at the cut, takes at least the quota when there are enough entries", () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 0, max: 6 }), ({ entries, sheets }, top) => {
        const results = rankEntries(entries, sheets, rubric, 20);
        const chosen = new Set(shortlist(results, { top }));
        for (const r of results) {
          if (r.rank === null) expect(chosen.has(r.entryId)).toBe(false);
          const peers = results.filter((p) => p.category === r.category && p.rank === r.rank && r.rank !== null);
          for (const p of peers) expect(chosen.has(p.entryId)).toBe(chosen.has(r.entryId));
        }
        for (const category of ["print", "radio"]) {
          const ranked = results.filter((r) => r.category === category && r.rank !== null).length;
          const inCategory = results.filter((r) => r.category === category && chosen.has(r.entryId)).length;
          expect(inCategory).toBeGreaterThanOrEqual(Math.min(top, ranked));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("takes the top X% rounded up", () => {
    const results = rankEntries(
      ["a", "b", "c"].map((id) => ({ id, category: "print" })),
      ["a", "b", "c"].map((id, i): Sheet => ({ entryId: id, jurorId: "j", values: { truthfulness: 10 * i, value: 0, craft: 0, impact: 0 } })),
      rubric,
      20,
    );
    expect(shortlist(results, { percent: 50 })).toEqual(["b", "c"]);
  });

  it("gives prizes by quota down the ranking and sends a tie across a boundary to a vote", () => {
    const values = (t: number): ScoreValues => ({ truthfulness: t, value: 0, craft: 0, impact: 0 });
    const totals = { p1: 30, p2: 25, p3: 25, p4: 10, p5: 5 };
    const results = rankEntries(
      Object.keys(totals).map((id) => ({ id, category: "print" })),
      Object.entries(totals).map(([id, t]): Sheet => ({ entryId: id, jurorId: "j", values: values(t) })),
      rubric,
      20,
    );
    const proposals = allocatePrizes(results, { print: { A: 1, B: 1, C: 1, encouragement: 1 } });
    expect(proposals.map((p) => [p.entryId, p.prize, p.vote])).toEqual([
      ["p1", "A", null],
      ["p2", null, ["B", "C"]],
      ["p3", null, ["B", "C"]],
      ["p4", "encouragement", null],
      ["p5", null, null],
    ]);
  });
});
