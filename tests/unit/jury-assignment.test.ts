// Property tests of juror assignment (lib/contest/assignment.ts).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assignJurors, conflictOf, pairKey, sameOutlet, type AssignableEntry, type AssignableJuror, type AssignmentInput } from "@/lib/contest/assignment";

const PANELS = ["print", "online", "radio"];
const OUTLETS = ["Báo Nhân Dân", "Báo Lao Động", "VOV", "Tuổi Trẻ"];

/** Random rounds: jurors on some panels, entries by random authors and outlets, declared conflicts. */
const roundArb = fc
  .record({
    jurors: fc.integer({ min: 1, max: 12 }),
    entries: fc.integer({ min: 0, max: 40 }),
    perEntry: fc.integer({ min: 1, max: 4 }),
    seed: fc.array(fc.nat(), { minLength: 400, maxLength: 400 }),
  })
  .map(({ jurors: nj, entries: ne, perEntry, seed }) => {
    let k = 0;
    const next = (n: number) => seed[k++ % seed.length]! % n;
    const jurors: AssignableJuror[] = Array.from({ length: nj }, (_, i) => ({
      id: `j${String(i).padStart(2, "0")}`,
      panels: next(3) === 0 ? [] : PANELS.filter(() => next(2) === 0),
      outlet: next(3) === 0 ? OUTLETS[next(OUTLETS.length)]! : "",
      coAuthorIds: next(4) === 0 ? [`a${next(6)}`] : [],
    }));
    const entries: AssignableEntry[] = Array.from({ length: ne }, (_, i) => ({
      id: `e${String(i).padStart(3, "0")}`,
      panel: PANELS[next(PANELS.length)]!,
      outlet: OUTLETS[next(OUTLETS.length)]!,
      authorIds: next(10) === 0 ? [jurors[next(nj)]!.id] : [`a${next(6)}`, ...(next(2) ? [`a${next(6)}`] : [])],
    }));
    const declared = new Set<string>();
    for (const e of entries) for (const j of jurors) if (next(8) === 0) declared.add(pairKey(j.id, e.id));
    return { entries, jurors, jurorsPerEntry: perEntry, declared, keep: [] } satisfies AssignmentInput;
  });

describe("assignJurors", () => {
  it("never assigns a conflicted juror, a juror off the panel, or one juror twice to an entry", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const { pairs, unmet } = assignJurors(input);
        const jurors = new Map(input.jurors.map((j) => [j.id, j]));
        const entries = new Map(input.entries.map((e) => [e.id, e]));
        const seen = new Set<string>();
        for (const pair of pairs) {
          const juror = jurors.get(pair.jurorId)!;
          const entry = entries.get(pair.entryId)!;
          expect(conflictOf(juror, entry, input.declared)).toBeNull();
          expect(juror.panels.length === 0 || juror.panels.includes(entry.panel)).toBe(true);
          expect(seen.has(pairKey(pair.jurorId, pair.entryId))).toBe(false);
          seen.add(pairKey(pair.jurorId, pair.entryId));
        }
        // Every entry is either fully staffed or reported, with the reasons adding up.
        for (const entry of input.entries) {
          const count = pairs.filter((p) => p.entryId === entry.id).length;
          const report = unmet.find((u) => u.entryId === entry.id);
          if (count < input.jurorsPerEntry) {
            expect(report).toBeDefined();
            const { panel, author, coAuthor, outlet, declared } = report!.excluded;
            expect(panel + author + coAuthor + outlet + declared + count).toBe(input.jurors.length);
          } else {
            expect(count).toBe(input.jurorsPerEntry);
            expect(report).toBeUndefined();
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("balances load within one when a balanced assignment exists (planted), per panel", () => {
    const planted = fc
      .record({ panels: fc.integer({ min: 1, max: 3 }), jurors: fc.integer({ min: 2, max: 8 }), entries: fc.integer({ min: 1, max: 30 }), perEntry: fc.integer({ min: 1, max: 3 }), noise: fc.array(fc.boolean(), { minLength: 500, maxLength: 500 }) })
      .filter((r) => r.perEntry <= r.jurors);
    fc.assert(
      fc.property(planted, ({ panels, jurors: nj, entries: ne, perEntry, noise }) => {
        // Disjoint panels of nj jurors each; a round-robin plan that is balanced by construction,
        // then conflicts declared on pairs outside the plan (so the plan stays feasible).
        const jurors: AssignableJuror[] = [];
        const entries: AssignableEntry[] = [];
        const plan = new Set<string>();
        const declared = new Set<string>();
        let bit = 0;
        for (let p = 0; p < panels; p++) {
          const panel = PANELS[p]!;
          const own = Array.from({ length: nj }, (_, i) => ({ id: `${panel}-j${i}`, panels: [panel], outlet: "", coAuthorIds: [] }));
          jurors.push(...own);
          let cursor = 0;
          for (let e = 0; e < ne; e++) {
            const entry = { id: `${panel}-e${String(e).padStart(2, "0")}`, panel, outlet: "", authorIds: [] };
            entries.push(entry);
            for (let k = 0; k < perEntry; k++) plan.add(pairKey(own[(cursor + k) % nj]!.id, entry.id));
            cursor = (cursor + perEntry) % nj;
            for (const j of own) if (!plan.has(pairKey(j.id, entry.id)) && noise[bit++ % noise.length]) declared.add(pairKey(j.id, entry.id));
          }
        }
        const { pairs, unmet, loads } = assignJurors({ entries, jurors, jurorsPerEntry: perEntry, declared, keep: [] });
        expect(unmet).toEqual([]);
        expect(pairs).toHaveLength(entries.length * perEntry);
        for (let p = 0; p < panels; p++) {
          const values = jurors.filter((j) => j.panels[0] === PANELS[p]).map((j) => loads[j.id]!);
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps existing (scored) assignments and counts them", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const first = assignJurors(input);
        const keep = first.pairs.filter((_, i) => i % 3 === 0);
        const again = assignJurors({ ...input, keep });
        const keys = new Set(again.pairs.map((p) => pairKey(p.jurorId, p.entryId)));
        for (const pair of keep) expect(keys.has(pairKey(pair.jurorId, pair.entryId))).toBe(true);
        for (const entry of input.entries) expect(again.pairs.filter((p) => p.entryId === entry.id).length).toBeLessThanOrEqual(input.jurorsPerEntry);
      }),
      { numRuns: 200 },
    );
  });

  it("counts what jurors hold elsewhere in the round: the least busy overall take the new entries", () => {
    const jurors: AssignableJuror[] = ["j1", "j2", "j3"].map((id) => ({ id, panels: [], outlet: "", coAuthorIds: [] }));
    const entries: AssignableEntry[] = ["e1", "e2", "e3"].map((id) => ({ id, panel: "print", outlet: "", authorIds: [] }));
    const heldElsewhere = new Map([["j1", 4], ["j2", 1]]);
    const { pairs, loads } = assignJurors({ entries, jurors, jurorsPerEntry: 1, declared: new Set(), keep: [], heldElsewhere });
    // Totals end as even as they can: 4, 2, 2 (j1 takes nothing new).
    expect(pairs.filter((p) => p.jurorId === "j1")).toEqual([]);
    expect(loads).toEqual({ j1: 4, j2: 2, j3: 2 });
    // Without it, the three entries would be spread one each.
    expect(assignJurors({ entries, jurors, jurorsPerEntry: 1, declared: new Set(), keep: [] }).loads).toEqual({ j1: 1, j2: 1, j3: 1 });
  });

  it("is reproducible whatever order jurors and entries are given in", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const reversed = { ...input, entries: [...input.entries].reverse(), jurors: [...input.jurors].reverse() };
        expect(assignJurors(reversed)).toEqual(assignJurors(input));
      }),
      { numRuns: 100 },
    );
  });

  it("says plainly when a panel has too few jurors", () => {
    const jurors: AssignableJuror[] = [
      { id: "j1", panels: ["radio"], outlet: "VOV", coAuthorIds: [] },
      { id: "j2", panels: ["radio"], outlet: "", coAuthorIds: [] },
      { id: "j3", panels: ["print"], outlet: "", coAuthorIds: [] },
    ];
    const entries: AssignableEntry[] = [{ id: "e1", panel: "radio", outlet: "vov ", authorIds: [] }];
    const { unmet, pairs } = assignJurors({ entries, jurors, jurorsPerEntry: 2, declared: new Set(), keep: [] });
    expect(pairs).toEqual([{ entryId: "e1", jurorId: "j2" }]);
    expect(unmet).toEqual([{ entryId: "e1", required: 2, assigned: 1, excluded: { panel: 1, outlet: 1, author: 0, coAuthor: 0, declared: 0 } }]);
  });
});

describe("conflicts", () => {
  const juror: AssignableJuror = { id: "j", panels: [], outlet: "Báo Nhân Dân", coAuthorIds: ["friend"] };
  it("finds own work, a co-author's work, the juror's outlet and declared conflicts", () => {
    const entry = (over: Partial<AssignableEntry>): AssignableEntry => ({ id: "e", panel: "print", outlet: "VOV", authorIds: ["x"], ...over });
    expect(conflictOf(juror, entry({ authorIds: ["x", "j"] }), new Set())).toBe("author");
    expect(conflictOf(juror, entry({ authorIds: ["friend"] }), new Set())).toBe("coAuthor");
    expect(conflictOf(juror, entry({ outlet: "báo  nhân dân" }), new Set())).toBe("outlet");
    expect(conflictOf(juror, entry({}), new Set([pairKey("j", "e")]))).toBe("declared");
    expect(conflictOf(juror, entry({}), new Set())).toBeNull();
  });
  it("never matches an empty outlet, and compares NFC and NFD alike", () => {
    expect(sameOutlet("", "")).toBe(false);
    expect(sameOutlet("Báo Lao Động".normalize("NFD"), "báo lao động")).toBe(true);
  });
});
