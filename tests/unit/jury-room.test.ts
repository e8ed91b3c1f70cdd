// The jury room's pure rules: scores typed with a comma or a point, scores written the locale's
// way, score levels (checked, and found for a score), the time left and the way to the next entry.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { juryNavigation, timeLeft, type SheetState } from "@/lib/contest/jury";
import { DEFAULT_RUBRIC, formatScore, levelFor, levelIssues, parseScoreText } from "@/lib/contest/scoring";
import { levelsInput } from "@/lib/validation/jury";

describe("parseScoreText", () => {
  it("reads a comma and a point alike as the decimal mark, never as a thousands separator", () => {
    expect(parseScoreText("2,5")).toBe(2.5);
    expect(parseScoreText("2.5")).toBe(2.5);
    expect(parseScoreText(" 25 ")).toBe(25);
    expect(parseScoreText("0,5")).toBe(0.5);
    expect(parseScoreText("")).toBeNull();
    expect(parseScoreText("   ")).toBeNull();
  });

  it("refuses what is not one plain number", () => {
    for (const text of ["2,5,5", "2.5.1", "1.000,5", ",5", "5,", "-1", "1e2", "abc", "2 5", "Infinity", "0x10"]) expect(parseScoreText(text), text).toBeNaN();
  });

  it("reads back every half point as each locale writes it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.constantFrom("vi" as const, "en" as const), (halves, locale) => {
        const value = halves / 2;
        expect(parseScoreText(formatScore(value, locale))).toBe(value);
      }),
    );
  });
});

describe("formatScore", () => {
  it("writes 85,5 in Vietnamese and 85.5 in English, whole scores without decimals", () => {
    expect(formatScore(85.5, "vi")).toBe("85,5");
    expect(formatScore(85.5, "en")).toBe("85.5");
    expect(formatScore(82, "vi")).toBe("82");
    expect(formatScore(73.25, "vi")).toBe("73,25");
  });
});

describe("score levels", () => {
  it("the default rubric's levels cover every half point of each criterion exactly once, in both languages", () => {
    for (const criterion of DEFAULT_RUBRIC) {
      const levels = criterion.levels ?? [];
      expect(levels.length, criterion.key).toBe(4);
      expect(levelIssues(criterion, levels)).toEqual({});
      for (let halves = 0; halves <= criterion.maxPoints * 2; halves++) {
        expect(levels.filter((l) => halves / 2 >= l.min && halves / 2 <= l.max), `${criterion.key} ${halves / 2}`).toHaveLength(1);
      }
      for (const level of levels) {
        expect(level.description.vi.length).toBeGreaterThan(5);
        expect(level.description.en.length).toBeGreaterThan(5);
        expect(level.description.vi.normalize("NFC")).toBe(level.description.vi);
      }
    }
  });

  it("finds the level a score falls in", () => {
    const truthfulness = DEFAULT_RUBRIC[0]!;
    expect(levelFor(truthfulness.levels, 30)?.min).toBe(25.5);
    expect(levelFor(truthfulness.levels, 25)?.max).toBe(25);
    expect(levelFor(truthfulness.levels, 0)?.min).toBe(0);
    expect(levelFor(truthfulness.levels, null)).toBeNull();
    expect(levelFor(truthfulness.levels, NaN)).toBeNull();
    expect(levelFor(undefined, 10)).toBeNull();
  });

  it("flags levels out of range, off the half-point grid, upside down or overlapping", () => {
    const criterion = { maxPoints: 10 };
    const d = { vi: "Mô tả", en: "Text" };
    expect(levelIssues(criterion, [{ min: 0, max: 11, description: d }])).toEqual({ "levels.0.max": { key: "scoreOutOfRange", params: { max: 10 } } });
    expect(levelIssues(criterion, [{ min: 0.3, max: 5, description: d }])).toEqual({ "levels.0.min": { key: "scoreStep" } });
    expect(levelIssues(criterion, [{ min: 6, max: 5, description: d }])).toEqual({ "levels.0.max": { key: "levelOrder" } });
    expect(levelIssues(criterion, [{ min: 5, max: 10, description: d }, { min: 0, max: 5, description: d }])).toEqual({ "levels.0.min": { key: "levelOverlap" } });
    expect(levelIssues(criterion, [{ min: 5.5, max: 10, description: d }, { min: 0, max: 5, description: d }])).toEqual({});
    expect(levelIssues(criterion, [])).toEqual({});
  });

  it("the API's schema wants both languages and nothing more", () => {
    const level = { min: 0, max: 5, description: { vi: "Chưa đạt", en: "Weak" } };
    expect(levelsInput.safeParse({ criteria: [{ key: "craft", levels: [level] }] }).success).toBe(true);
    expect(levelsInput.safeParse({ criteria: [{ key: "craft", levels: [{ ...level, description: { vi: "Chưa đạt", en: "" } }] }] }).success).toBe(false);
    expect(levelsInput.safeParse({ criteria: [{ key: "craft", levels: [{ ...level, colour: "red" }] }] }).success).toBe(false);
    expect(levelsInput.safeParse({ criteria: [] }).success).toBe(false);
  });
});

describe("timeLeft", () => {
  const deadline = new Date("2026-12-27T16:59:00Z"); // 23:59 in Vietnam
  it("counts whole days, hours and minutes down to the deadline", () => {
    expect(timeLeft(deadline, new Date("2026-12-06T02:00:00Z"))).toEqual({ days: 21, hours: 14, minutes: 59 });
    expect(timeLeft(deadline, new Date("2026-12-27T16:58:30Z"))).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
  it("is null once the deadline has passed", () => {
    expect(timeLeft(deadline, deadline)).toBeNull();
    expect(timeLeft(deadline, new Date("2027-01-01T00:00:00Z"))).toBeNull();
  });
});

describe("juryNavigation", () => {
  const list = (states: SheetState[]) => states.map((state, i) => ({ id: `e${i}`, state }));
  it("gives the entries before and after, and the next one to score after this one", () => {
    const items = list(["submitted", "notStarted", "draft", "submitted", "notStarted"]);
    expect(juryNavigation(items, "e1")).toEqual({ position: 2, total: 5, previous: "e0", next: "e2", nextUnscored: "e2" });
    expect(juryNavigation(items, "e2")).toEqual({ position: 3, total: 5, previous: "e1", next: "e3", nextUnscored: "e4" });
  });
  it("wraps round to the start for the next entry to score, never itself", () => {
    const items = list(["notStarted", "submitted", "submitted"]);
    expect(juryNavigation(items, "e2").nextUnscored).toBe("e0");
    expect(juryNavigation(items, "e0").nextUnscored).toBeNull();
    expect(juryNavigation(items, "e0")).toMatchObject({ previous: null, next: "e1" });
    expect(juryNavigation(items, "e2")).toMatchObject({ next: null });
  });
  it("with everything submitted there is nothing left to score", () => {
    expect(juryNavigation(list(["submitted", "submitted"]), "e0").nextUnscored).toBeNull();
  });
});
