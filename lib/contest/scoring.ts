// The rubric and one juror's score sheet, as pure functions: which values are allowed and what
// a sheet totals. Aggregation over many sheets is in ./ranking.ts.
import type { FieldIssue } from "./rules";
import type { Criterion, ScoreValues } from "./vocabulary";

export type { Criterion, ScoreValues } from "./vocabulary";

/** The demo rubric of the contest rules: four criteria, 100 points in all. */
export const DEFAULT_RUBRIC: Criterion[] = [
  { key: "truthfulness", name: { vi: "Tính chân thực, phát hiện và điển hình", en: "Truthfulness, discovery and typicality" }, maxPoints: 30, weight: 1 },
  { key: "value", name: { vi: "Giá trị tư tưởng và xã hội", en: "Ideological and social value" }, maxPoints: 25, weight: 1 },
  { key: "craft", name: { vi: "Nghệ thuật báo chí", en: "Journalistic craft" }, maxPoints: 25, weight: 1 },
  { key: "impact", name: { vi: "Sức lan tỏa và tác động", en: "Impact and spread" }, maxPoints: 20, weight: 1 },
];

export const DEFAULT_DISAGREEMENT_THRESHOLD = 20;

/** The highest weighted total a sheet can reach. */
export function maxTotal(rubric: readonly Criterion[]): number {
  return rubric.reduce((sum, c) => sum + c.weight * c.maxPoints, 0);
}

/**
 * Problems with a sheet, per field (`values.<key>`). A draft may leave criteria out; a sheet
 * being submitted must score every one. Values are whole or half points within 0..maxPoints.
 */
export function scoreIssues(rubric: readonly Criterion[], values: ScoreValues, complete: boolean): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  const keys = new Set(rubric.map((c) => c.key));
  for (const key of Object.keys(values)) if (!keys.has(key)) issues[`values.${key}`] = { key: "unknownField" };
  for (const criterion of rubric) {
    const value = values[criterion.key];
    const field = `values.${criterion.key}`;
    if (value === undefined) {
      if (complete) issues[field] = { key: "required" };
    } else if (!Number.isFinite(value) || value < 0 || value > criterion.maxPoints) {
      issues[field] = { key: "scoreOutOfRange", params: { max: criterion.maxPoints } };
    } else if (!Number.isInteger(value * 2)) {
      issues[field] = { key: "scoreStep" };
    }
  }
  return issues;
}

/** A complete sheet's weighted total. Whole weights and half points keep it exact in binary. */
export function sheetTotal(rubric: readonly Criterion[], values: ScoreValues): number {
  return rubric.reduce((sum, c) => sum + c.weight * (values[c.key] ?? 0), 0);
}
