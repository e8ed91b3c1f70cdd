// The secretariat's review rules (lib/contest): the ranking with sheets done/required, ready
// entries apart from incomplete ones, spread, outlying sheets and jurors' tendencies; the audit
// log's changes in words; entries made eligible after assignment; one vocabulary for exports and
// screens.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RUBRIC, maxTotal, type ScoreValues } from "@/lib/contest/scoring";
import { rankEntries, reviewRanking, TENDENCY_MIN_SHEETS, type Sheet } from "@/lib/contest/ranking";
import { auditChanges } from "@/lib/contest/audit-changes";
import { missingFromRounds } from "@/lib/contest/eligibility-review";
import { ELIGIBILITY, ENTRY_STATUSES, PRIZE_TIERS, SCORE_STATUSES } from "@/lib/contest/vocabulary";
import { exportTranslator } from "@/lib/export/run";
import { auditWords } from "@/lib/audit/words";
import { translator } from "@/lib/i18n/translator";

const rubric = DEFAULT_RUBRIC;
/** A sheet whose weighted total is `total` (the rubric's criteria are weight 1). */
function sheetOf(entryId: string, jurorId: string, total: number): Sheet {
  const values: ScoreValues = {};
  let left = total;
  for (const c of rubric) {
    const v = Math.min(c.maxPoints, left);
    values[c.key] = v;
    left -= v;
  }
  return { entryId, jurorId, values };
}
const round = { rubric, threshold: 20, jurorsPerEntry: 2 };

describe("the ranking as the secretariat reviews it", () => {
  it("an entry with 1 of its 2 sheets is not ready: listed apart, unranked, however high its mean", () => {
    const entries = [
      { id: "a", category: "print" },
      { id: "b", category: "print" },
    ];
    const sheets = [sheetOf("a", "j1", 95), sheetOf("b", "j1", 60), sheetOf("b", "j2", 70)];
    const { rows } = reviewRanking(entries, sheets, new Map([["a", 2], ["b", 2]]), round);
    expect(rows.map((r) => [r.entryId, r.rank, r.ready, r.sheets])).toEqual([
      ["b", 1, true, { done: 2, required: 2 }],
      ["a", null, false, { done: 1, required: 2 }],
    ]);
    expect(rows[1]!.mean).toBe(95);
  });

  it("counts the sheets still missing over every entry, those without any sheet yet included", () => {
    const entries = [
      { id: "a", category: "print" },
      { id: "b", category: "print" },
      { id: "c", category: "print" },
    ];
    const sheets = [sheetOf("a", "j1", 95), sheetOf("b", "j1", 60), sheetOf("b", "j2", 70)];
    const { rows, missing } = reviewRanking(entries, sheets, new Map([["a", 2], ["b", 2], ["c", 2]]), round);
    expect(rows.find((r) => r.entryId === "c")?.sheets).toEqual({ done: 0, required: 2 });
    expect(missing).toBe(3); // one for a, two for c
  });

  it("more jurors assigned than the round asks for: all of their sheets are required", () => {
    const { rows } = reviewRanking([{ id: "a", category: "print" }], [sheetOf("a", "j1", 50), sheetOf("a", "j2", 50)], new Map([["a", 3]]), round);
    expect(rows[0]).toMatchObject({ sheets: { done: 2, required: 3 }, ready: false, rank: null });
  });

  it("spread is high minus low; a sheet far from the entry's median, on an entry of three sheets, is an outlier (its neighbours are not)", () => {
    const sheets = [sheetOf("a", "j1", 80), sheetOf("a", "j2", 78), sheetOf("a", "j3", 40)];
    const { rows } = reviewRanking([{ id: "a", category: "print" }], sheets, new Map([["a", 3]]), round);
    expect(rows[0]!.spread).toBe(40);
    expect(rows[0]!.outliers).toEqual([{ jurorId: "j3", total: 40, median: 78 }]);
  });

  it("with two sheets neither is called the outlier (that is a disagreement)", () => {
    const { rows } = reviewRanking([{ id: "a", category: "print" }], [sheetOf("a", "j1", 90), sheetOf("a", "j2", 40)], new Map([["a", 2]]), round);
    expect(rows[0]!.outliers).toEqual([]);
    expect(rows[0]!.disagreements).toBe(1);
  });

  it("a juror consistently below the others is harsher, above is softer; fewer sheets than the minimum say nothing", () => {
    const entries = ["a", "b", "c"].map((id) => ({ id, category: "print" }));
    const sheets = entries.flatMap((e) => [sheetOf(e.id, "harsh", 50), sheetOf(e.id, "mid", 65), sheetOf(e.id, "soft", 80)]);
    const { jurors } = reviewRanking(entries, sheets, new Map(entries.map((e) => [e.id, 3])), { ...round, jurorsPerEntry: 3 });
    expect(jurors.map((j) => [j.jurorId, j.tendency, j.meanGap])).toEqual([
      ["harsh", "harsher", -22.5],
      ["mid", null, 0],
      ["soft", "softer", 22.5],
    ]);
    const few = reviewRanking(entries.slice(0, TENDENCY_MIN_SHEETS - 1), sheets.filter((s) => s.entryId !== "c"), new Map([["a", 3], ["b", 3]]), { ...round, jurorsPerEntry: 3 });
    expect(few.jurors.every((j) => j.tendency === null)).toBe(true);
  });

  it("property: ready rows rank exactly as rankEntries ranks the ready entries alone; every row is counted once", () => {
    const arb = fc.record({ n: fc.integer({ min: 1, max: 8 }), picks: fc.array(fc.tuple(fc.nat(7), fc.nat(3), fc.integer({ min: 0, max: maxTotal(rubric) })), { maxLength: 30 }) });
    fc.assert(
      fc.property(arb, ({ n, picks }) => {
        const entries = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, category: i % 2 ? "radio" : "print" }));
        const seen = new Set<string>();
        const sheets = picks.filter(([e, j]) => e < n && !seen.has(`${e}/${j}`) && seen.add(`${e}/${j}`)).map(([e, j, total]) => sheetOf(`e${e}`, `j${j}`, total));
        const { rows } = reviewRanking(entries, sheets, new Map(), round);
        expect(rows.map((r) => r.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
        const ready = new Set(rows.filter((r) => r.ready).map((r) => r.entryId));
        for (const r of rows) expect(r.ready).toBe(r.sheets.done >= 2);
        const alone = rankEntries(entries.filter((e) => ready.has(e.id)), sheets.filter((s) => ready.has(s.entryId)), rubric, round.threshold);
        expect(rows.filter((r) => r.ready).map((r) => [r.entryId, r.rank])).toEqual(alone.map((r) => [r.entryId, r.rank]));
        expect(rows.filter((r) => !r.ready).every((r) => r.rank === null)).toBe(true);
      }),
    );
  });
});

describe("the audit log in words", () => {
  const before = { id: "x", code: "BC-2026-001", status: "submitted", eligibility: null, eligibilityReason: "", title: "Người gác đèn", updatedAt: "2026-05-01T00:00:00.000Z" };
  const after = { ...before, eligibility: "ineligible", eligibilityReason: "Đăng ngoài thời gian", updatedAt: "2026-05-02T00:00:00.000Z" };

  it("lists only what changed, in a fixed order, never ids or housekeeping fields", () => {
    expect(auditChanges(before, after).map((c) => c.field)).toEqual(["eligibility", "eligibilityReason"]);
  });

  it("says it in Vietnamese: labels, the vocabulary's words, Vietnam time", () => {
    const vi = auditWords("vi");
    expect(vi.changes(before, after)).toEqual([
      { label: "Tính hợp lệ", before: "Chưa xét", after: "Không hợp lệ" },
      { label: "Lý do (tính hợp lệ)", before: "(trống)", after: "Đăng ngoài thời gian" },
    ]);
    expect(vi.action("entry.eligibility")).toBe("Xét tính hợp lệ");
    expect(vi.changes({ status: "open", rubric: [], jurorsPerEntry: 2 }, { status: "closed", rubric: [], jurorsPerEntry: 2, closeReason: "Hết hạn", missingSheets: 3 })).toEqual([
      { label: "Trạng thái", before: "Đang mở", after: "Đã đóng" },
      { label: "Lý do đóng vòng khi còn thiếu phiếu", before: "(trống)", after: "Hết hạn" },
      { label: "Số phiếu còn thiếu khi đóng vòng", before: "(trống)", after: "3" },
    ]);
    expect(vi.changes({ submittedAt: null }, { submittedAt: "2026-05-12T18:30:00.000Z" })).toEqual([{ label: "Thời điểm gửi", before: "(trống)", after: "01:30 ngày 13/05/2026 (giờ Việt Nam)" }]);
    // A sheet's scores by criterion name, in the rubric's order, with the locale's decimal mark.
    const sheet = { jurorId: "j", status: "submitted", values: { craft: 22, truthfulness: 28, value: 23.5 } };
    expect(vi.changes({ ...sheet, values: null }, sheet)).toContainEqual({ label: "Điểm từng tiêu chí", before: "(trống)", after: "Tính chân thực, phát hiện và điển hình 28; Giá trị tư tưởng và xã hội 23,5; Nghệ thuật báo chí 22" });
    expect(auditWords("en").changes({ ...sheet, values: null }, sheet).find((c) => c.label === "Scores by criterion")?.after).toBe("Truthfulness, discovery and typicality 28; Ideological and social value 23.5; Journalistic craft 22");
    // A status whose record does not say whose it is still reads in words, never raw.
    expect(vi.changes({ status: "draft" }, { status: "open" })).toEqual([{ label: expect.any(String), before: "Bản nháp", after: "Đang mở" }]);
    // A co-author's answer: the co-authorship's own words, not an entry's status.
    expect(vi.changes({ position: 2, status: "pending" }, { position: 2, status: "accepted" })).toEqual([{ label: expect.any(String), before: "Chờ đồng ý đứng tên", after: "Đã đồng ý đứng tên" }]);
    expect(auditWords("en").changes({ position: 2, status: "pending" }, { position: 2, status: "declined" })[0]).toMatchObject({ before: "Not yet agreed to be named", after: "Declined to be named" });
  });

  it("has a label in both languages for every field it shows", () => {
    for (const locale of ["vi", "en"] as const) {
      const t = translator(locale, "Admin.AuditFields");
      const changes = auditChanges({}, Object.fromEntries(["status", "eligibility", "title", "tier", "closeReason", "values"].map((k) => [k, k === "values" ? { a: 1 } : "x"])));
      for (const c of changes) expect(t(c.field)).not.toContain("Admin.AuditFields");
    }
  });
});

describe("made eligible after assignment", () => {
  const rounds = [
    { id: "fixed", status: "open" as const, scope: { kind: "eligible" as const }, fixedEntries: 4 },
    { id: "empty", status: "draft" as const, scope: { kind: "eligible" as const }, fixedEntries: 0 },
    { id: "closed", status: "closed" as const, scope: { kind: "eligible" as const }, fixedEntries: 4 },
    { id: "final", status: "draft" as const, scope: { kind: "shortlist" as const, top: 3 }, fixedEntries: 3 },
  ];
  it("an eligible entry is missing only from a round over eligible entries, not closed, whose list is already fixed", () => {
    expect(missingFromRounds({ status: "submitted", eligibility: "eligible" }, rounds, new Set())).toEqual(["fixed"]);
    expect(missingFromRounds({ status: "submitted", eligibility: "eligible" }, rounds, new Set(["fixed"]))).toEqual([]);
    expect(missingFromRounds({ status: "submitted", eligibility: null }, rounds, new Set())).toEqual([]);
    expect(missingFromRounds({ status: "withdrawn", eligibility: "eligible" }, rounds, new Set())).toEqual([]);
  });
});

describe("one vocabulary", () => {
  it("the exports and the screens use the same word for every status, decision, sheet and prize", () => {
    for (const locale of ["vi", "en"] as const) {
      const exported = exportTranslator(locale);
      const screen = translator(locale, "Admin.Status");
      for (const s of ENTRY_STATUSES.filter((s) => s !== "draft")) expect(exported(`status.${s}`)).toBe(screen(`entry.${s}`));
      for (const e of [...ELIGIBILITY, "pending"]) expect(exported(`eligibility.${e}`)).toBe(screen(`eligibility.${e}`));
      for (const s of SCORE_STATUSES) expect(exported(`sheet.${s}`)).toBe(screen(`sheet.${s}`));
      for (const tier of PRIZE_TIERS) expect(exported(`tier.${tier}`)).toBe(screen(`tier.${tier}`));
      expect(exported("columns.code")).not.toContain("AdminExport");
    }
  });
});
