import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDateTimeShort, formatNumber, formatSize, formatTime, localizeParams } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";

// One format per locale: dd/mm/yyyy and "1.234,5" in Vietnamese, "5 December 2026" and "1,234.5"
// in English, always in Vietnam's time zone whatever the machine's own.
describe("format helpers", () => {
  it("writes a calendar date as that day in Vietnam", () => {
    expect(formatDate("2026-12-05", "vi")).toBe("05/12/2026");
    expect(formatDate("2026-12-05", "en")).toBe("5 December 2026");
    expect(formatDate("2025-10-01", "vi")).toBe("01/10/2025");
  });
  it("places an instant on Vietnam's calendar and clock", () => {
    // 23:30 UTC on 4 December is already 5 December in Hà Nội.
    expect(formatDate(new Date("2026-12-04T23:30:00Z"), "vi")).toBe("05/12/2026");
    expect(formatTime("2026-12-04T23:30:00Z", "vi")).toBe("06:30");
    expect(formatTime("2026-12-04T23:30:07Z", "en", { seconds: true })).toBe("06:30:07");
    expect(formatDateTime("2026-12-31T16:59:00Z", "vi")).toBe("23:59 ngày 31/12/2026 (giờ Việt Nam)");
    expect(formatDateTime("2026-12-31T16:59:00Z", "en")).toBe("31 December 2026 at 23:59 (Vietnam time)");
    expect(formatDateTimeShort("2026-12-31T16:59:05Z", "en", { seconds: true })).toBe("31/12/2026 23:59:05");
  });
  it("separates thousands and decimals as each language does", () => {
    expect(formatNumber(5000, "vi")).toBe("5.000");
    expect(formatNumber(5000, "en")).toBe("5,000");
    expect(formatNumber(82.5, "vi")).toBe("82,5");
    expect(formatNumber(82.5, "en")).toBe("82.5");
    expect(formatNumber(1 / 3, "vi")).toBe("0,33");
  });
  it("writes file sizes with the locale's separators", () => {
    expect(formatSize(1024 * 1024 * 1024, "vi")).toBe("1.024 MB");
    expect(formatSize(1024 * 1024 * 1024, "en")).toBe("1,024 MB");
    expect(formatSize(1.5 * 1024 * 1024, "vi")).toBe("1,5 MB");
    expect(formatSize(300 * 1024, "en")).toBe("300 KB");
    expect(formatSize(10, "vi")).toBe("1 KB");
  });
  it("makes the dates and sizes of a message readable and leaves other values alone", () => {
    expect(localizeParams({ from: "2025-10-01", to: "2027-03-05", year: 2026, code: "BC2026-0042" }, "vi")).toEqual({ from: "01/10/2025", to: "05/03/2027", year: 2026, code: "BC2026-0042" });
    expect(localizeParams({ deadline: "2026-12-31T16:59:00.000Z", maxBytes: 1024 * 1024 * 1024 }, "en")).toEqual({ deadline: "31 December 2026 at 23:59 (Vietnam time)", maxBytes: "1,024 MB" });
  });
  it("writes the examples the issue found wrong as a reader expects them", () => {
    const vi = translator("vi", "Errors");
    const en = translator("en", "Errors");
    expect(vi("fields.lengthOverLimit", { max: 5000, unit: "words" })).toBe("Quá dài so với thể loại: tối đa 5.000 chữ mỗi kỳ.");
    expect(en("fields.lengthOverLimit", { max: 5000, unit: "words" })).toBe("Too long for this category: at most 5,000 words per part.");
    expect(vi("fields.publishedOutsideWindow", localizeParams({ from: "2025-10-01", to: "2027-03-05" }, "vi"))).toBe("Tác phẩm phải được đăng, phát từ 01/10/2025 đến 05/03/2027.");
    expect(vi("fileTooLarge", localizeParams({ maxBytes: 1024 * 1024 * 1024 }, "vi"))).toBe("Tệp lớn hơn 1.024 MB.");
  });
});
