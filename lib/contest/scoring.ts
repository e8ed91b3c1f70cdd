// The rubric and one juror's score sheet, as pure functions: which values are allowed and what
// a sheet totals. Aggregation over many sheets is in ./ranking.ts.
import { formatNumber } from "@/lib/i18n/format";
import type { FieldIssue } from "./rules";
import type { Criterion, CriterionLevel, LocalizedText, ScoreValues } from "./vocabulary";

export type { Criterion, CriterionLevel, ScoreValues } from "./vocabulary";

/**
 * Four bands of a criterion out of `max` (from 85 %, 65 % and 40 % of it, in half points), best
 * first, each with what it means.
 */
function bands(max: number, texts: [LocalizedText, LocalizedText, LocalizedText, LocalizedText]): CriterionLevel[] {
  const at = (share: number) => Math.ceil(max * share * 2) / 2;
  const mins = [at(0.85), at(0.65), at(0.4), 0];
  return texts.map((description, i) => ({ min: mins[i]!, max: i === 0 ? max : mins[i - 1]! - 0.5, description }));
}

/** The demo rubric of the contest rules: four criteria, 100 points in all, each with its levels. */
export const DEFAULT_RUBRIC: Criterion[] = [
  {
    key: "truthfulness",
    name: { vi: "Tính chân thực, phát hiện và điển hình", en: "Truthfulness, discovery and typicality" },
    maxPoints: 30,
    weight: 1,
    levels: bands(30, [
      { vi: "Sự việc, nhân vật được kiểm chứng kỹ; có phát hiện mới, điển hình thuyết phục.", en: "Facts and people thoroughly checked; a new discovery, a convincing example." },
      { vi: "Tư liệu xác thực, nhân vật tiêu biểu, nhưng cách tiếp cận chưa mới.", en: "Sound material and a representative subject, from a familiar angle." },
      { vi: "Đúng sự thật nhưng tư liệu mỏng, nhân vật chưa thật tiêu biểu.", en: "True but thinly sourced; the subject is not clearly exemplary." },
      { vi: "Thiếu kiểm chứng hoặc có chi tiết sai; chưa thấy điển hình.", en: "Unchecked or partly wrong; no clear example to follow." },
    ]),
  },
  {
    key: "value",
    name: { vi: "Giá trị tư tưởng và xã hội", en: "Ideological and social value" },
    maxPoints: 25,
    weight: 1,
    levels: bands(25, [
      { vi: "Thông điệp sâu sắc, cổ vũ mạnh mẽ phong trào thi đua.", en: "A profound message that strongly encourages the emulation movement." },
      { vi: "Thông điệp rõ ràng, có ý nghĩa xã hội.", en: "A clear message of social value." },
      { vi: "Có ý nghĩa xã hội nhưng còn mờ nhạt.", en: "Some social value, faintly drawn." },
      { vi: "Chưa thể hiện được giá trị tư tưởng, xã hội.", en: "Little ideological or social value." },
    ]),
  },
  {
    key: "craft",
    name: { vi: "Nghệ thuật báo chí", en: "Journalistic craft" },
    maxPoints: 25,
    weight: 1,
    levels: bands(25, [
      { vi: "Kết cấu chặt chẽ; ngôn ngữ, hình ảnh, âm thanh sáng tạo và hấp dẫn.", en: "Tight structure; inventive, compelling words, pictures or sound." },
      { vi: "Viết, dựng chắc tay, dễ theo dõi.", en: "Competently written or edited, easy to follow." },
      { vi: "Kết cấu còn rời rạc, ngôn ngữ chưa trau chuốt.", en: "Loose structure, unpolished language." },
      { vi: "Nhiều lỗi nghiệp vụ, khó theo dõi.", en: "Many professional faults; hard to follow." },
    ]),
  },
  {
    key: "impact",
    name: { vi: "Sức lan tỏa và tác động", en: "Impact and spread" },
    maxPoints: 20,
    weight: 1,
    levels: bands(20, [
      { vi: "Tạo chuyển biến được ghi nhận (chính sách, phong trào, cộng đồng) và lan tỏa rộng.", en: "Recorded change (a policy, a movement, a community) and a wide reach." },
      { vi: "Được chia sẻ, trích dẫn; có phản hồi tích cực.", en: "Shared and quoted, with a positive response." },
      { vi: "Tác động còn hạn chế, trong phạm vi hẹp.", en: "Limited, local impact." },
      { vi: "Chưa thấy tác động.", en: "No visible impact." },
    ]),
  },
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

/**
 * A score as a juror types it: a comma or a point as the decimal mark ("2,5" and "2.5" are both
 * 2.5, never 25). null when nothing is typed; NaN when it is not a plain number.
 */
export function parseScoreText(raw: string): number | null {
  const text = raw.trim();
  if (text === "") return null;
  if (!/^\d{1,4}(?:[.,]\d{1,2})?$/.test(text)) return NaN;
  return Number(text.replace(",", "."));
}

/** A score as the locale writes it: 85,5 in Vietnamese, 85.5 in English; no grouping, so what is shown can be typed back. */
export function formatScore(value: number, locale: "vi" | "en"): string {
  return formatNumber(value, locale, { grouping: false });
}

/** The level of a criterion a score falls in, or null (no levels, or a score between them). */
export function levelFor<L extends { min: number; max: number }>(levels: readonly L[] | undefined, value: number | null): L | null {
  if (value === null || Number.isNaN(value)) return null;
  return levels?.find((l) => value >= l.min && value <= l.max) ?? null;
}

/**
 * Problems with a criterion's levels, per field (`levels.<i>.min`, …): bounds within
 * 0..maxPoints in half points, min ≤ max, and no two levels sharing a score.
 */
export function levelIssues(criterion: Pick<Criterion, "maxPoints">, levels: readonly CriterionLevel[]): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  levels.forEach((level, i) => {
    for (const bound of ["min", "max"] as const) {
      const v = level[bound];
      if (!Number.isFinite(v) || v < 0 || v > criterion.maxPoints) issues[`levels.${i}.${bound}`] = { key: "scoreOutOfRange", params: { max: criterion.maxPoints } };
      else if (!Number.isInteger(v * 2)) issues[`levels.${i}.${bound}`] = { key: "scoreStep" };
    }
    if (level.min > level.max) issues[`levels.${i}.max`] ??= { key: "levelOrder" };
  });
  const sorted = levels.map((l, i) => ({ ...l, i })).sort((a, b) => a.min - b.min);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.min <= sorted[k - 1]!.max) issues[`levels.${sorted[k]!.i}.min`] ??= { key: "levelOverlap" };
  }
  return issues;
}
