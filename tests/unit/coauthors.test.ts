import { describe, expect, it } from "vitest";
import { answerOutcome, coauthorSubmitRefusal, countsTowardLimit, savedStatus, shownStatus, type AnswerFacts } from "@/lib/contest/coauthors";

const staff = ["juror", "secretariat"] as const;

describe("co-authors consent", () => {
  it("counts only accepted co-authorships against the limit", () => {
    expect(["pending", "accepted", "declined"].map((status) => countsTowardLimit({ status }))).toEqual([false, true, false]);
  });

  it("shows the owner 'pending' for any e-mail until an account accepts", () => {
    expect(shownStatus({ position: 1, email: "x@y.vn", userId: null, status: "accepted" })).toBe("pending");
    expect(shownStatus({ position: 1, email: "x@y.vn", userId: "u", status: "pending" })).toBe("pending");
    expect(shownStatus({ position: 1, email: "x@y.vn", userId: "u", status: "declined" })).toBe("declined");
    expect(shownStatus({ position: 1, email: "", userId: null, status: "accepted" })).toBeUndefined();
    expect(shownStatus({ position: 0, email: "owner@y.vn", userId: "o", status: "accepted" })).toBeUndefined();
  });

  it("keeps an answer when the same account is named again, and asks a newly linked one", () => {
    const answeredAt = new Date("2026-05-01T00:00:00Z");
    expect(savedStatus("u", { userId: "u", status: "accepted", answeredAt })).toEqual({ status: "accepted", answeredAt });
    expect(savedStatus("u", { userId: "v", status: "accepted", answeredAt })).toEqual({ status: "pending", answeredAt: null });
    expect(savedStatus("u", undefined)).toEqual({ status: "pending", answeredAt: null });
    expect(savedStatus(null, undefined)).toEqual({ status: "accepted", answeredAt: null });
  });

  it("decides an answer", () => {
    const base: AnswerFacts = { answer: "accept", current: "pending", role: "journalist", excludedRoles: staff, entryStatus: "draft", phase: "open" };
    expect(answerOutcome(base)).toEqual({ status: "accepted", changed: true });
    expect(answerOutcome({ ...base, current: "accepted" })).toEqual({ status: "accepted", changed: false });
    expect(answerOutcome({ ...base, current: "declined" })).toEqual({ refusal: { code: "coauthorshipDeclined" } });
    expect(answerOutcome({ ...base, role: "juror" })).toEqual({ refusal: { code: "coauthorNotAllowed" } });
    expect(answerOutcome({ ...base, role: "secretariat", answer: "decline" })).toEqual({ status: "declined", changed: true });
    expect(answerOutcome({ ...base, answer: "decline", current: "accepted", entryStatus: "submitted" })).toEqual({ status: "declined", changed: true });
    expect(answerOutcome({ ...base, answer: "decline", current: "declined" })).toEqual({ status: "declined", changed: false });
    expect(answerOutcome({ ...base, phase: "closed" })).toEqual({ refusal: { code: "deadlinePassed" } });
    expect(answerOutcome({ ...base, entryStatus: "withdrawn" })).toEqual({ refusal: { code: "withdrawnFinal" } });
  });

  it("refuses a submission for the first blocking co-author, exclusion first", () => {
    const owner = { position: 0, name: "Chủ", userId: "o", status: "accepted" as const, role: "journalist" as const };
    const row = (position: number, status: "pending" | "accepted" | "declined", role: "journalist" | "juror" | null = "journalist") => ({ position, name: `Tác giả ${position}`, userId: role ? `u${position}` : null, status, role });
    expect(coauthorSubmitRefusal([owner, row(1, "accepted"), row(2, "accepted", null)], staff)).toBeNull();
    expect(coauthorSubmitRefusal([owner, row(2, "pending"), row(1, "pending", "juror")], staff)).toEqual({ code: "coauthorExcluded", params: { n: 1, name: "Tác giả 1" } });
    expect(coauthorSubmitRefusal([owner, row(1, "pending"), row(2, "declined")], staff)).toEqual({ code: "coauthorDeclined", params: { n: 2, name: "Tác giả 2" } });
    expect(coauthorSubmitRefusal([owner, row(1, "accepted"), row(2, "pending")], staff)).toEqual({ code: "coauthorPending", params: { n: 2, name: "Tác giả 2" } });
    // A declined juror is no longer a co-author: only the declined refusal remains.
    expect(coauthorSubmitRefusal([owner, row(1, "declined", "juror")], staff)?.code).toBe("coauthorDeclined");
  });
});
