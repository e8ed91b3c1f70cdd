import { describe, expect, it } from "vitest";
import { missingParams, publicationMissing, type ReadinessFacts } from "@/lib/contest/publication";
import { fillTemplate, renderMail, unknownVariables } from "@/lib/mail/render";

const print = { code: "print", name: { vi: "Báo in", en: "Print" } };
const online = { code: "online", name: { vi: "Báo điện tử", en: "Online" } };
const cited = { vi: "Nhận xét", en: "Citation" };
const decision = (entryId: string, category: string, tier: "A" | "B" | "C" | "encouragement", more: Partial<ReadinessFacts["decisions"][number]> = {}) => ({ entryId, code: `BC-${entryId}`, category, tier, prizeEligible: true, inFinalRound: true, citation: cited, ...more });
const ready: ReadinessFacts = {
  rounds: [{ id: "r1", name: { vi: "Sơ khảo", en: "Preliminary" }, status: "closed" }],
  categories: [print, online],
  quotas: { print: { A: 1, B: 1, C: 0, encouragement: 0 }, online: { A: 1, B: 0, C: 0, encouragement: 0 } },
  decisions: [decision("1", "print", "A"), decision("2", "print", "C"), decision("3", "online", "A")],
};

describe("publication readiness", () => {
  it("is ready when every round is closed and each category's quota is filled with cited prizes (a tier may change, the count may not)", () => {
    expect(publicationMissing(ready)).toEqual([]);
  });

  it("lists every round not closed and says no round is closed", () => {
    const missing = publicationMissing({ ...ready, rounds: [{ id: "r1", name: { vi: "Sơ khảo", en: "Preliminary" }, status: "open" }, { id: "r2", name: { vi: "Chung khảo", en: "Final" }, status: "draft" }] });
    expect(missing.map((m) => m.key)).toEqual(["roundNotClosed", "roundNotClosed", "noClosedRound"]);
    expect(missingParams(missing[1]!, "en")).toEqual({ round: "Final" });
  });

  it("counts missing and surplus prizes per category, with the category's name in each language", () => {
    const missing = publicationMissing({ ...ready, decisions: [decision("1", "print", "A"), decision("3", "online", "A"), decision("4", "online", "B")] });
    expect(missing.map((m) => [m.key, "category" in m ? m.category : null])).toEqual([
      ["prizesMissing", "print"],
      ["prizesOverQuota", "online"],
    ]);
    expect(missingParams(missing[0]!, "vi")).toEqual({ category: "Báo in", quota: 2, decided: 1 });
  });

  it("refuses a contest with no prizes at all, and decisions on entries no longer eligible or outside the final round", () => {
    expect(publicationMissing({ ...ready, quotas: {}, decisions: [] }).map((m) => m.key)).toEqual(["noPrizeQuotas"]);
    const missing = publicationMissing({ ...ready, decisions: [decision("1", "print", "A", { prizeEligible: false }), decision("2", "print", "B", { inFinalRound: false }), decision("3", "online", "A")] });
    expect(missing.map((m) => m.key)).toEqual(["decisionNotEligible", "decisionNotInFinalRound"]);
  });

  it("needs the jury's citation in both languages on every prize", () => {
    const missing = publicationMissing({ ...ready, decisions: [decision("1", "print", "A", { citation: { vi: "Có", en: " " } }), decision("2", "print", "B", { citation: { vi: "", en: "" } }), decision("3", "online", "A")] });
    expect(missing.map((m) => [m.key, "entryId" in m ? m.entryId : null])).toEqual([
      ["citationMissing", "1"],
      ["citationMissing", "2"],
    ]);
  });
});

describe("e-mail templates", () => {
  it("fills the variables, leaves no hole where one is empty, and names variables the event does not have", () => {
    const out = fillTemplate({ subject: "Biên nhận  {code}", body: "Kính gửi {name},\n\n{files}\n\nBiên nhận: {link}  " }, { name: "Đỗ Thu Hà", code: "BC2026-0001", files: "", link: "https://x.vn/r" });
    expect(out).toEqual({ subject: "Biên nhận BC2026-0001", text: "Kính gửi Đỗ Thu Hà,\n\nBiên nhận: https://x.vn/r" });
    expect(unknownVariables("receipt", "{name} {code} {prize} {juror}")).toEqual(["prize", "juror"]);
    expect(unknownVariables("results", "{entries} {resultsLink}")).toEqual([]);
  });

  it("writes a message for both languages as Vietnamese, a rule, then English, with both subjects", () => {
    const templates = { vi: { subject: "Kết quả {year}", body: "Kính gửi {name}" }, en: { subject: "Results {year}", body: "Dear {name}" } };
    const vars = (locale: "vi" | "en") => ({ year: "2026", name: locale === "vi" ? "chị Hà" : "Ms Hà" });
    expect(renderMail(templates, vars, "both")).toEqual({ subject: "Kết quả 2026 / Results 2026", text: "Kính gửi chị Hà\n\n-----\n\nDear Ms Hà" });
    expect(renderMail(templates, vars, "en")).toEqual({ subject: "Results 2026", text: "Dear Ms Hà" });
  });
});
