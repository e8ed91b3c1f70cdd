import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText, isCalendarDate, text } from "@/lib/validation/text";
import { createEntryInput, updateEntryInput } from "@/lib/validation/entry";
import { signUpInput } from "@/lib/validation/account";
import { requestLocale, translator } from "@/lib/i18n/translator";
import vi from "@/lib/i18n/messages/vi/portal.json";
import en from "@/lib/i18n/messages/en/portal.json";
import errorsVi from "@/lib/i18n/messages/vi/errors.json";
import errorsEn from "@/lib/i18n/messages/en/errors.json";

describe("text()", () => {
  it("normalises to NFC and strips invisible and control characters", () => {
    expect(cleanText("Ha\u0300 Ti\u0303nh")).toBe("Hà Tĩnh");
    // A zero-width space separates words: it becomes a space (tests/unit/hardening.test.ts).
    expect(cleanText("a\u200Bb\u200Dc\uFEFFd\u202Ee\u0000f\u0007")).toBe("a bcdef");
    expect(cleanText("  hai   dòng\nmột  ")).toBe("hai dòng một");
    expect(cleanText("dòng 1\r\ndòng 2\n\n\n\ndòng 3", true)).toBe("dòng 1\ndòng 2\n\ndòng 3");
  });
  it("is idempotent and always yields NFC without controls", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), fc.boolean(), (raw, multiline) => {
      const once = cleanText(raw, multiline);
      expect(cleanText(once, multiline)).toBe(once);
      expect(once).toBe(once.normalize("NFC"));
      expect(once).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202E\uFEFF]/);
    }));
  });
  it("measures the cleaned text against its maximum", () => {
    expect(text({ max: 5 }).safeParse("abc\u200B\u200B\u200B").success).toBe(true);
    expect(text({ max: 5 }).safeParse("abcdef").success).toBe(false);
  });
});

describe("entry and account schemas", () => {
  it("requires a category to create and rejects unknown fields", () => {
    expect(createEntryInput.safeParse({}).success).toBe(false);
    expect(createEntryInput.safeParse({ category: "print", status: "submitted" }).success).toBe(false);
    expect(updateEntryInput.safeParse({ code: "BC2026-0001" }).success).toBe(false);
  });
  it("accepts only http(s) URLs and real calendar dates", () => {
    expect(updateEntryInput.safeParse({ url: "https://a.vn/b" }).success).toBe(true);
    expect(updateEntryInput.safeParse({ url: "" }).success).toBe(true);
    for (const url of ["javascript:alert(1)", "data:text/html,x", "ftp://a.vn", "// a.vn"]) expect(updateEntryInput.safeParse({ url }).success).toBe(false);
    // Typed without a scheme, an address is completed with https:// (lib/validation/url.ts).
    expect(updateEntryInput.parse({ url: "//a.vn" }).url).toBe("https://a.vn");
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-1-1")).toBe(false);
  });
  it("lower-cases e-mail and keeps the password as typed", () => {
    const parsed = signUpInput.parse({ name: "An", email: " An@Bao.VN ", password: "  mật khẩu dài  ", phone: "+84 912 345 678", outlet: "Báo" });
    expect(parsed.email).toBe("an@bao.vn");
    expect(parsed.password).toBe("  mật khẩu dài  ");
  });
});

describe("messages", () => {
  it("has the same keys in Vietnamese and English", () => {
    const keys = (o: object, p = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(vi).sort()).toEqual(keys(en).sort());
    expect(keys(errorsVi).sort()).toEqual(keys(errorsEn).sort());
  });
  it("picks English only when the caller prefers it", () => {
    expect(requestLocale(null)).toBe("vi");
    expect(requestLocale("en-US,en;q=0.9")).toBe("en");
    expect(requestLocale("vi-VN,vi;q=0.9,en;q=0.8")).toBe("vi");
    expect(requestLocale("fr,en;q=0.5,vi;q=0.4")).toBe("en");
    expect(translator("en", "Errors")("fileTooLarge", { maxBytes: "20 MB" })).toBe("The file is larger than 20 MB.");
  });
});
