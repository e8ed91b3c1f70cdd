import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  authorsOverLimit,
  displayFileName,
  entryIssues,
  formatEntryCode,
  isPublishedInWindow,
  parseEntryCode,
  submissionPhase,
  vietnamDate,
  vietnamTime,
  type CategoryRules,
  type EntryForCheck,
} from "@/lib/contest/rules";
import { contentDisposition } from "@/lib/storage/disposition";

const contest = { submissionOpensAt: vietnamTime("2026-10-01"), submissionClosesAt: vietnamTime("2026-12-31", "23:59"), publishedFrom: "2025-10-01", publishedTo: "2026-12-31" };
const print: CategoryRules = { code: "print", unit: "words", maxLength: 5000, maxParts: 5, acceptedTypes: ["application/pdf", "image/jpeg"], maxFileBytes: 1, maxFiles: 3, requiresUrl: false };
const online: CategoryRules = { ...print, code: "online", requiresUrl: true };
const complete: EntryForCheck = { title: "T", summary: "S", outlet: "O", publishedAt: "2026-05-01", url: "", length: 1200, authors: [{ name: "A" }], parts: [], attachmentTypes: ["application/pdf"] };

describe("submission window", () => {
  it("opens inclusive and closes exclusive, in Vietnam time", () => {
    expect(submissionPhase(contest, new Date("2026-09-30T16:59:59Z"))).toBe("before");
    expect(submissionPhase(contest, new Date("2026-09-30T17:00:00Z"))).toBe("open");
    expect(submissionPhase(contest, new Date("2026-12-31T16:58:59Z"))).toBe("open");
    expect(submissionPhase(contest, new Date("2026-12-31T16:59:00Z"))).toBe("closed");
  });
  it("gives the calendar date of an instant in Vietnam", () => {
    expect(vietnamDate(new Date("2026-11-22T18:00:00Z"))).toBe("2026-11-23");
  });
  it("keeps publication dates inside the window, ends included", () => {
    expect(isPublishedInWindow("2025-10-01", contest)).toBe(true);
    expect(isPublishedInWindow("2026-12-31", contest)).toBe(true);
    expect(isPublishedInWindow("2025-09-30", contest)).toBe(false);
    expect(isPublishedInWindow("2027-01-01", contest)).toBe(false);
  });
});

describe("entry codes", () => {
  it("formats and parses BC2026-0042", () => {
    expect(formatEntryCode("BC", 2026, 42)).toBe("BC2026-0042");
    expect(formatEntryCode("BC", 2026, 12345)).toBe("BC2026-12345");
    expect(parseEntryCode("BC2026-0042")).toEqual({ prefix: "BC", year: 2026, n: 42 });
    expect(parseEntryCode("BC2026-42")).toBeNull();
  });
  it("round-trips every number and sorts in allocation order below 10 000", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
      expect(parseEntryCode(formatEntryCode("BC", 2026, a))?.n).toBe(a);
      expect(Math.sign(formatEntryCode("BC", 2026, a).localeCompare(formatEntryCode("BC", 2026, b)))).toBe(Math.sign(a - b));
    }));
  });
});

describe("entry completeness", () => {
  it("accepts a complete entry", () => {
    expect(entryIssues(complete, print, contest)).toEqual({});
  });
  it("names each missing field", () => {
    const issues = entryIssues({ ...complete, title: "", summary: "", outlet: "", publishedAt: null, length: null, attachmentTypes: [] }, print, contest);
    expect(Object.keys(issues).sort()).toEqual(["attachments", "length", "outlet", "publishedAt", "summary", "title"]);
  });
  it("needs a URL for online works, which need no attachment", () => {
    expect(entryIssues({ ...complete, attachmentTypes: [] }, online, contest)).toEqual({ url: { key: "urlRequired" } });
    expect(entryIssues({ ...complete, attachmentTypes: [], url: "https://a.vn" }, online, contest)).toEqual({});
  });
  it("checks length per part, the series size and each part's date", () => {
    expect(entryIssues({ ...complete, length: 5001 }, print, contest).length?.key).toBe("lengthOverLimit");
    const parts = (n: number, date = "2026-01-01") => Array.from({ length: n }, (_, i) => ({ title: `Kỳ ${i}`, publishedAt: date, url: "" }));
    expect(entryIssues({ ...complete, length: 9000, parts: parts(2) }, print, contest)).toEqual({});
    expect(entryIssues({ ...complete, parts: parts(1) }, print, contest).parts?.key).toBe("seriesTooShort");
    expect(entryIssues({ ...complete, parts: parts(6) }, print, contest).parts).toEqual({ key: "tooManyParts", params: { max: 5 } });
    expect(Object.keys(entryIssues({ ...complete, parts: parts(3, "2020-01-01") }, print, contest))).toEqual(["parts.0.publishedAt", "parts.1.publishedAt", "parts.2.publishedAt"]);
  });
  it("refuses attachments the category does not take, and too many", () => {
    expect(entryIssues({ ...complete, attachmentTypes: ["video/mp4"] }, print, contest).attachments?.key).toBe("attachmentTypeForCategory");
    expect(entryIssues({ ...complete, attachmentTypes: Array(4).fill("application/pdf") }, print, contest).attachments?.key).toBe("tooManyFiles");
  });
});

describe("per-author limit", () => {
  it("flags only authors who already hold the limit", () => {
    expect(authorsOverLimit([{ name: "A", entries: 3 }, { name: "B", entries: 2 }], 3)).toEqual([{ name: "A", entries: 3 }]);
  });
});

describe("file names", () => {
  it("keeps display text only: no path, no controls, no bidi tricks", () => {
    expect(displayFileName("../../etc/passwd")).toBe("passwd");
    expect(displayFileName("C:\\Users\\a\\Bài báo.pdf")).toBe("Bài báo.pdf");
    expect(displayFileName("evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(displayFileName("...")).toBe("file");
    expect(displayFileName("Ba\u0300i".normalize("NFD"))).toBe("Bài");
  });
  it("never lets a name break out of Content-Disposition, and takes the extension from the type", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (raw) => {
      const header = contentDisposition(displayFileName(raw), "application/pdf");
      expect(header).not.toMatch(/[\r\n]/);
      expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._ -]*\.pdf"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+,;=:@-]*\.pdf$/);
    }));
    expect(contentDisposition("trang.html", "application/pdf")).toContain('filename="trang.pdf"');
  });
});
